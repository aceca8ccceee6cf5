package dev.salerush.sim.report;

import dev.salerush.sim.metrics.Numbers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How figures read on the pages: grouped digits, at most two decimals, UTC times, and "–" for not measured. */
final class Formats {
    static final String NOT_MEASURED = "–";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

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

    /** An ISO-8601 instant or epoch millis as a UTC time; anything else as is. */
    static String time(Object value) {
        if (value == null) {
            return NOT_MEASURED;
        }
        try {
            Instant instant = value instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                    : value instanceof Instant i ? i : Instant.parse(value.toString());
            return TIME.format(instant);
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    /** Seconds as "6 min 12 s". */
    static String duration(Object seconds) {
        if (!(seconds instanceof Number n)) {
            return number(seconds);
        }
        long s = Math.round(n.doubleValue());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    /** Text for a Markdown table cell: no line breaks, no column separators. */
    static String markdownCell(Object value) {
        return value == null ? "" : value.toString().replace("\\", "\\\\").replace("|", "\\|")
                .replaceAll("\\s*\\R\\s*", " ");
    }
}
