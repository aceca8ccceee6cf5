package dev.salerush.sim.config;

import java.time.Duration;
import java.util.Locale;

/**
 * One step of an open-model injection profile: users arriving per second.
 * <ul>
 *   <li>{@code constant}: {@code usersPerSec} for {@code during}</li>
 *   <li>{@code ramp}: from {@code from} to {@code to} users per second over {@code during}</li>
 *   <li>{@code nothing}: no new users for {@code during}</li>
 * </ul>
 */
public record InjectionStep(Type type, double from, double to, Duration during) {
    /** Upper bound on a configured arrival rate; a typo such as 50000000 is refused rather than attempted. */
    static final double MAX_USERS_PER_SEC = 100_000;

    public enum Type { CONSTANT, RAMP, NOTHING }

    static InjectionStep from(ConfigReader step) {
        String type = step.string("type").trim().toLowerCase(Locale.ROOT);
        Duration during = step.positiveDuration("during");
        return switch (type) {
            case "constant" -> {
                double rate = step.positiveNumber("usersPerSec", MAX_USERS_PER_SEC);
                yield new InjectionStep(Type.CONSTANT, rate, rate, during);
            }
            case "ramp" -> new InjectionStep(Type.RAMP, step.numberInRange("from", 0, MAX_USERS_PER_SEC),
                    step.positiveNumber("to", MAX_USERS_PER_SEC), during);
            case "nothing" -> new InjectionStep(Type.NOTHING, 0, 0, during);
            default -> throw new ConfigError(step.key("type") + " must be one of constant, ramp, nothing; got '" + type + "'");
        };
    }

    public InjectionStep withDuring(Duration newDuring) {
        return new InjectionStep(type, from, to, newDuring);
    }

    /** Users this step starts, on average. */
    public double expectedUsers() {
        return (from + to) / 2 * during.toMillis() / 1000.0;
    }
}
