package dev.salerush.shop.config;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which version this shop instance runs.
 *
 * @param label     shown in /health and as the common metric tag {@code version}, e.g. {@code v1}, {@code v1.1},
 *                  {@code v2-broken-orders}; 1..64 of {@code [A-Za-z0-9._-]}
 * @param behaviour what the version does on purpose (independent of the label)
 * @param slowDelay the delay that {@link Behaviour#SLOW} adds to every /api request (ignored by other behaviours)
 */
public record VersionSettings(String label, Behaviour behaviour, Duration slowDelay) {

    // Before DEFAULTS: static fields initialise in order, and DEFAULTS checks its label.
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static final String DEFAULT_LABEL = "v1";
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofMillis(300);
    public static final VersionSettings DEFAULTS =
            new VersionSettings(DEFAULT_LABEL, Behaviour.NORMAL, DEFAULT_SLOW_DELAY);
    public static final String LABEL_RULE = "1..64 of [A-Za-z0-9._-], e.g. v1, v1.1, v2-broken-orders";

    public VersionSettings {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(behaviour, "behaviour");
        if (!isValidLabel(label)) {
            throw new IllegalArgumentException("version label '" + label + "' is not " + LABEL_RULE);
        }
        if (slowDelay == null || slowDelay.isNegative()) {
            throw new IllegalArgumentException("slow delay must be >= 0");
        }
    }

    public static boolean isValidLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    /** The delay this version adds to every /api request: the slow delay for {@link Behaviour#SLOW}, else zero. */
    public Duration addedDelay() {
        return behaviour == Behaviour.SLOW ? slowDelay : Duration.ZERO;
    }
}
