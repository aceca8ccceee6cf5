package dev.salerush.sim.config;

import java.time.Duration;

/**
 * The load generator's own stall detector (the {@code injector} section).
 *
 * @param stallPeriod how often the probe thread wakes (whole milliseconds, 1 ms .. 100 ms)
 * @param stallBound  a stall longer than this (how late the probe woke) flags the run as stalled (1 ms .. 60 s)
 */
public record InjectorSettings(Duration stallPeriod, Duration stallBound) {

    static InjectorSettings from(ConfigReader reader) {
        Duration period = reader.positiveDuration("stallPeriod");
        if (period.toNanos() % 1_000_000 != 0 || period.toMillis() > 100) {
            throw new ConfigError(reader.key("stallPeriod") + " must be a whole number of milliseconds between 1ms and"
                    + " 100ms, got " + millis(period));
        }
        Duration bound = reader.positiveDuration("stallBound");
        if (bound.toMillis() < 1 || bound.toSeconds() > 60) {
            throw new ConfigError(reader.key("stallBound") + " must be between 1ms and 60s, got " + millis(bound));
        }
        return new InjectorSettings(period, bound);
    }

    /** {@code 200ms}, {@code 1.5ms}: a duration as a user would have written it in milliseconds. */
    private static String millis(Duration duration) {
        long nanos = duration.toNanos();
        return (nanos % 1_000_000 == 0 ? String.valueOf(nanos / 1_000_000) : String.valueOf(nanos / 1e6)) + "ms";
    }
}
