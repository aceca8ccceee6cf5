package dev.salerush.shop.config;

import java.time.Duration;

/**
 * Circuit breaker around the payment gateway, sized for drills (Resilience4j's defaults - a 100-call window and 60 s
 * open - are far too slow to watch in a drill).
 *
 * @param windowSize          COUNT_BASED sliding window, in calls (default 20)
 * @param minimumCalls        calls in the window before rates are evaluated (default 10)
 * @param failureRatePercent  failure rate that opens the breaker (default 50)
 * @param slowCallThreshold   a call slower than this counts as slow (default 1 s)
 * @param slowCallRatePercent slow-call rate that opens the breaker (default 50)
 * @param openWait            time OPEN before the automatic transition to HALF_OPEN (default 5 s)
 * @param halfOpenCalls       trial calls permitted in HALF_OPEN (default 3)
 * @param enabled             false: the breaker never opens (every payment is attempted, as without one), but it still
 *                            counts the calls, so the payment metrics and alerts see the failures (default true)
 */
public record BreakerSettings(int windowSize, int minimumCalls, int failureRatePercent, Duration slowCallThreshold,
                              int slowCallRatePercent, Duration openWait, int halfOpenCalls, boolean enabled) {

    public static final BreakerSettings DEFAULTS =
            new BreakerSettings(20, 10, 50, Duration.ofSeconds(1), 50, Duration.ofSeconds(5), 3);

    public BreakerSettings {
        require(windowSize >= 1, "breaker window size must be >= 1");
        require(minimumCalls >= 1, "breaker minimum calls must be >= 1");
        require(failureRatePercent >= 1 && failureRatePercent <= 100, "breaker failure rate must be 1..100");
        require(slowCallRatePercent >= 1 && slowCallRatePercent <= 100, "breaker slow-call rate must be 1..100");
        require(slowCallThreshold != null && !slowCallThreshold.isNegative() && !slowCallThreshold.isZero(),
                "breaker slow-call threshold must be > 0");
        require(openWait != null && !openWait.isNegative() && !openWait.isZero(), "breaker open wait must be > 0");
        require(halfOpenCalls >= 1, "breaker half-open calls must be >= 1");
    }

    /** An enabled breaker. */
    public BreakerSettings(int windowSize, int minimumCalls, int failureRatePercent, Duration slowCallThreshold,
                           int slowCallRatePercent, Duration openWait, int halfOpenCalls) {
        this(windowSize, minimumCalls, failureRatePercent, slowCallThreshold, slowCallRatePercent, openWait,
                halfOpenCalls, true);
    }

    /** These settings with the breaker on or off. */
    public BreakerSettings withEnabled(boolean on) {
        return new BreakerSettings(windowSize, minimumCalls, failureRatePercent, slowCallThreshold,
                slowCallRatePercent, openWait, halfOpenCalls, on);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
