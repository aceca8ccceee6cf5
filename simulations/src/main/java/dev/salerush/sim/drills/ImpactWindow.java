package dev.salerush.sim.drills;

import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.integrity.OrderAttempt;
import org.HdrHistogram.Histogram;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The customer impact of one drill while its fault lasts: every second's requests and failures, the exact latency
 * histogram of the window, the virtual users who saw a failure, and the order attempts that failed or got no answer.
 */
public final class ImpactWindow implements Consumer<OrderAttempt> {
    private static final int CONFLICT = 409;

    private final DrillSettings.Tolerance tolerance;
    private Histogram latencies;
    private long requests;
    private long failed;
    private long impactSeconds;
    private long failedOrders;
    private long unknownOrders;
    private final Set<Long> affectedUsers = new HashSet<>();

    public ImpactWindow(DrillSettings.Tolerance tolerance) {
        this.tolerance = tolerance;
    }

    synchronized void add(DrillResult.Second second, Histogram interval, long ko) {
        requests += second.requests();
        failed += ko;
        if (second.requests() > 0 && !tolerance.holds(second.koPercent(), second.p95Ms())) {
            impactSeconds++;
        }
        if (interval != null) {
            if (latencies == null) {
                latencies = interval.copy();
            } else {
                latencies.add(interval);
            }
        }
    }

    /** A virtual user saw a failed request. */
    public synchronized void failedUser(long userId) {
        affectedUsers.add(userId);
    }

    /**
     * An order attempt made while the window is open, counted by its {@link OrderAttempt#outcome()}: unknown (no
     * response, a proxy's 504 or 502) or failed (a definite refusal).
     */
    @Override
    public synchronized void accept(OrderAttempt attempt) {
        if (attempt.unknown()) {
            unknownOrders++;
        } else if (attempt.refused() && attempt.status() != CONFLICT) {
            // 409 OUT_OF_STOCK is the sale working as designed, not an incident
            failedOrders++;
        }
    }

    public synchronized DrillResult.Impact impact() {
        return new DrillResult.Impact(failed, requests, failedOrders, unknownOrders, affectedUsers.size(),
                latencies == null ? null : (double) latencies.getValueAtPercentile(95), impactSeconds);
    }
}
