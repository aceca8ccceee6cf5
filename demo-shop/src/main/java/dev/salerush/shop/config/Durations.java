package dev.salerush.shop.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line or in HOCON: {@code 20ms}, {@code 1s}, {@code 5m}, {@code 2h}, {@code 0}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * Parses {@code <number><unit>} with unit ms, s, m or h; a bare {@code 0} is allowed, any other number needs a unit.
     *
     * @throws IllegalArgumentException with a message naming the expected format
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 20ms, 1s, 5m)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            if (amount == 0) {
                return Duration.ZERO;
            }
            throw new IllegalArgumentException("'" + text + "' needs a unit (ms, s, m or h), e.g. " + amount + "ms");
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalStateException(unit);
        };
    }

    /** The shortest exact form that {@link #parse} reads back: {@code 1500ms}, {@code 5s}, {@code 0}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + "s";
        }
        return ms + "ms";
    }
}
