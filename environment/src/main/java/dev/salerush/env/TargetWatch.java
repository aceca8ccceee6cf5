package dev.salerush.env;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the target while load runs: its health endpoint is polled once a second, and once it has not answered 200
 * for {@code giveUpAfter} in a row the target is declared down, with the reason, so the run can stop at once
 * instead of sending failing requests until its planned end.
 */
public final class TargetWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TargetWatch.class);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final URI healthUrl;
    private final Duration giveUpAfter;
    private final Duration probeTimeout;
    private final HttpClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "salerush-target-watch");
        thread.setDaemon(true);
        return thread;
    });
    private long failingSinceNanos = -1;
    private volatile String downReason;

    private TargetWatch(URI healthUrl, Duration giveUpAfter) {
        this.healthUrl = healthUrl;
        this.giveUpAfter = giveUpAfter;
        this.probeTimeout = giveUpAfter.compareTo(POLL_INTERVAL) < 0 ? giveUpAfter : POLL_INTERVAL;
        this.client = HealthCheck.client(probeTimeout);
    }

    public static TargetWatch start(URI healthUrl, Duration giveUpAfter) {
        TargetWatch watch = new TargetWatch(healthUrl, giveUpAfter);
        watch.timer.scheduleWithFixedDelay(watch::poll, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Why the target is considered down, or null while it answers. */
    public String downReason() {
        return downReason;
    }

    private void poll() {
        if (downReason != null) {
            return;
        }
        String problem = HealthCheck.probe(client, healthUrl, probeTimeout);
        long now = System.nanoTime();
        if (problem == null) {
            failingSinceNanos = -1;
            return;
        }
        if (failingSinceNanos < 0) {
            failingSinceNanos = now;
            log.warn("target health check failed: GET {}: {}", healthUrl, problem);
        }
        if (now - failingSinceNanos >= giveUpAfter.toNanos()) {
            downReason = "target down: GET " + healthUrl + " has not answered 200 for " + giveUpAfter.toSeconds()
                    + " s (last: " + problem + "); the load was stopped";
            log.error(downReason);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
