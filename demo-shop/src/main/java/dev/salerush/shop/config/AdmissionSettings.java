package dev.salerush.shop.config;

import java.time.Duration;

/**
 * Admission control for /api/* and the pools' wait: under overload the shop answers 503 at once instead of queueing
 * requests until it runs out of heap.
 *
 * @param maxConcurrent /api requests in progress at most (default 64)
 * @param maxQueued     /api requests waiting for a slot at most (default 128); 0 = refuse when all slots are busy
 * @param queueWait     how long a request waits for a slot before it is refused (default 200 ms)
 * @param poolWait      how long a request waits for a database connection (Hikari {@code connectionTimeout},
 *                      default 1 s, at least {@value #MIN_POOL_WAIT_MS} ms: Hikari's minimum)
 */
public record AdmissionSettings(int maxConcurrent, int maxQueued, Duration queueWait, Duration poolWait) {

    public static final long MIN_POOL_WAIT_MS = 250;
    public static final int MAX_LIMIT = 10_000;
    public static final AdmissionSettings DEFAULTS =
            new AdmissionSettings(64, 128, Duration.ofMillis(200), Duration.ofSeconds(1));

    public AdmissionSettings {
        if (maxConcurrent < 1 || maxConcurrent > MAX_LIMIT) {
            throw new IllegalArgumentException("max concurrent must be 1.." + MAX_LIMIT);
        }
        if (maxQueued < 0 || maxQueued > MAX_LIMIT) {
            throw new IllegalArgumentException("max queued must be 0.." + MAX_LIMIT);
        }
        if (queueWait == null || queueWait.isNegative()) {
            throw new IllegalArgumentException("queue wait must be >= 0");
        }
        if (poolWait == null || poolWait.toMillis() < MIN_POOL_WAIT_MS) {
            throw new IllegalArgumentException("pool wait must be >= " + MIN_POOL_WAIT_MS + "ms (Hikari's minimum)");
        }
    }
}
