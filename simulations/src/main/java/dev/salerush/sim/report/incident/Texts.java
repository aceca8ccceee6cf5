package dev.salerush.sim.report.incident;

import dev.salerush.sim.metrics.Numbers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the incident reports write times and figures: Korean time (Asia/Seoul) first, UTC beside it, grouped digits,
 * and "—" for a stage that never happened or a figure not measured (never "null").
 */
final class Texts {
    static final String NONE = "—";
    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter KST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(KST);
    private static final DateTimeFormatter KST_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(KST);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    static String kst(Instant at) {
        return at == null ? NONE : KST_TIME.format(at) + " KST";
    }

    static String kstClock(Instant at) {
        return at == null ? NONE : KST_CLOCK.format(at);
    }

    static String utc(Instant at) {
        return at == null ? NONE : UTC_TIME.format(at);
    }

    /** {@code 2026-12-01 16:02:10 ~ 16:03:05 KST}; the end's date is written only when it differs. */
    static String range(Instant from, Instant to) {
        if (from == null) {
            return NONE;
        }
        if (to == null) {
            return KST_TIME.format(from) + " ~ KST";
        }
        boolean sameDay = from.atZone(KST).toLocalDate().equals(to.atZone(KST).toLocalDate());
        return KST_TIME.format(from) + " ~ " + (sameDay ? KST_CLOCK : KST_TIME).format(to) + " KST";
    }

    static Double seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }

    static String number(Number value, int decimals) {
        return value == null || !Double.isFinite(value.doubleValue()) ? NONE
                : Numbers.grouped(value.doubleValue(), decimals);
    }

    static String count(long value) {
        return Numbers.grouped(value, 0);
    }

    static String percent(double value) {
        return number(value, 1) + " %";
    }

    static String secondsText(Double value) {
        return value == null ? NONE : number(value, 1) + " s";
    }

    /** Seconds as a review states them, always with one decimal ({@code 23.0}): "—" when unknown. */
    static String tenths(Double seconds) {
        return seconds == null || !Double.isFinite(seconds) ? NONE : String.format(Locale.ROOT, "%,.1f", seconds);
    }

    static String millis(Double value) {
        return value == null ? NONE : number(value, 0) + " ms";
    }
}
