package dev.salerush.sim.report;

import dev.salerush.sim.metrics.Numbers;

/**
 * How figures read on the pages: grouped digits, at most two decimals, and "–" for not measured (times: {@link
 * PageClock}; durations are worded by the bundle, see {@link PageExtension}).
 */
final class Formats {
    static final String NOT_MEASURED = "–";

    private Formats() {
    }

    /** A number with grouping and up to {@code decimals} decimals; anything that is not a number is shown as is. */
    static String number(Object value, int decimals) {
        if (value == null) {
            return NOT_MEASURED;
        }
        if (!(value instanceof Number n)) {
            return "invalid: " + value;
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return NOT_MEASURED;
        }
        return Numbers.grouped(d, decimals);
    }

    static String number(Object value) {
        return number(value, 2);
    }

    /** A fraction (0.42) as a percentage (42 %). */
    static String percentOfFraction(Object value) {
        return value instanceof Number n ? number(n.doubleValue() * 100, 1) + " %" : number(value);
    }

    static String megabytes(Object value) {
        return value instanceof Number n ? number(n.doubleValue() / (1024 * 1024), 1) + " MB" : number(value);
    }

    /** Text for a Markdown table cell: no line breaks, no column separators. */
    static String markdownCell(Object value) {
        return value == null ? "" : value.toString().replace("\\", "\\\\").replace("|", "\\|")
                .replaceAll("\\s*\\R\\s*", " ");
    }
}
