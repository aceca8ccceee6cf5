package dev.salerush.sim.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the warm-up sent. Its requests are in none of the run's figures, but they are real: the target served them,
 * so a team comparing its own access log with the run's counts must be able to account for them.
 */
public final class WarmupCount {
    private final LongAdder users = new LongAdder();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();

    /** A warm-up user sends {@code request}; {@code firstOfUser} for that user's first request. */
    public void sent(String request, boolean firstOfUser) {
        if (firstOfUser) {
            users.increment();
        }
        sent.computeIfAbsent(request, name -> new LongAdder()).increment();
    }

    /** The counts so far, for a warm-up that lasted {@code during}. */
    public Figures figures(Duration during) {
        Map<String, Long> perRequest = new TreeMap<>();
        sent.forEach((name, count) -> perRequest.put(name, count.sum()));
        double seconds = during.toMillis() / 1000.0;
        return new Figures(seconds, seconds == 0 ? 0 : users.sum() / seconds,
                perRequest.values().stream().mapToLong(Long::longValue).sum(), perRequest);
    }

    /**
     * summary.json's {@code warmup}.
     *
     * @param usersPerSec warm-up users that started, per second of the warm-up (measured, not planned)
     * @param requests    requests the warm-up sent, all names together; {@code perRequest} by name
     */
    public record Figures(double duringSeconds, double usersPerSec, long requests, Map<String, Long> perRequest) {
    }
}
