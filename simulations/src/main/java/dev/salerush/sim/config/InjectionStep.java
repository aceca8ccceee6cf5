package dev.salerush.sim.config;

import java.time.Duration;
import java.util.Locale;

/**
 * One step of an open-model injection profile. Rates are either absolute ({@code usersPerSec}, {@code from}/{@code to}
 * users per second) or relative to the traffic plan's peak ({@code peak}, {@code fromPeak}/{@code toPeak}: multiples
 * of the plan's peak rps, turned into arriving users by the journey's mean requests per user).
 * <ul>
 *   <li>{@code constant}: {@code usersPerSec} or {@code peak}, for {@code during}</li>
 *   <li>{@code ramp}: {@code from} to {@code to} (or {@code fromPeak} to {@code toPeak}) over {@code during}</li>
 *   <li>{@code nothing}: no new users for {@code during}</li>
 * </ul>
 * {@code measured = false} marks a warm-up step: requests sent during it are not in the suite's figures (they are in
 * Gatling's own report). Only leading steps can be warm-up.
 */
public record InjectionStep(Type type, Rate from, Rate to, Duration during, boolean measured) {
    /** Upper bound on a configured rate; a typo such as 50000000 is refused rather than attempted. */
    static final double MAX_RATE = 100_000;

    public enum Type { CONSTANT, RAMP, NOTHING }

    /** A rate in users per second, or as a multiple of the plan's peak rps. */
    public record Rate(double value, boolean peakMultiple) {
        public static final Rate ZERO = new Rate(0, false);

        /** Arriving users per second for a plan peak of {@code peakRps} and a journey of {@code requestsPerUser}. */
        public double usersPerSec(double peakRps, double requestsPerUser) {
            return peakMultiple ? value * peakRps / requestsPerUser : value;
        }

        @Override
        public String toString() {
            return peakMultiple ? value + " x peak rps" : value + " users/s";
        }
    }

    static InjectionStep from(ConfigReader step) {
        String type = step.string("type").trim().toLowerCase(Locale.ROOT);
        Duration during = step.positiveDuration("during");
        boolean measured = !step.has("measured") || step.bool("measured");
        return switch (type) {
            case "constant" -> {
                Rate rate = rate(step, "usersPerSec", "peak", false);
                yield new InjectionStep(Type.CONSTANT, rate, rate, during, measured);
            }
            case "ramp" -> new InjectionStep(Type.RAMP, rate(step, "from", "fromPeak", true),
                    rate(step, "to", "toPeak", false), during, measured);
            case "nothing" -> new InjectionStep(Type.NOTHING, Rate.ZERO, Rate.ZERO, during, measured);
            default -> throw new ConfigError(step.key("type") + " must be one of constant, ramp, nothing; got '" + type + "'");
        };
    }

    static Rate rate(ConfigReader step, String absoluteKey, String peakKey, boolean zeroAllowed) {
        boolean absolute = step.has(absoluteKey);
        if (absolute == step.has(peakKey)) {
            throw new ConfigError(step.key(absoluteKey) + " or " + step.key(peakKey) + ": set exactly one of them"
                    + " (users per second, or a multiple of the plan's peak rps)");
        }
        String key = absolute ? absoluteKey : peakKey;
        double value = zeroAllowed ? step.numberInRange(key, 0, MAX_RATE) : step.positiveNumber(key, MAX_RATE);
        return new Rate(value, !absolute);
    }

    public InjectionStep withDuring(Duration newDuring) {
        return new InjectionStep(type, from, to, newDuring, measured);
    }
}
