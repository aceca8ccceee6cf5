package dev.salerush.sim.report.incident;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.CodeSpans;
import dev.salerush.sim.report.PageClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the incident reports write times and figures: every time in the report's zone (named once per page), seconds
 * in the report's language (초 / s), grouped digits, and "—" for a stage that never happened or a figure not measured
 * (never "null").
 */
final class Texts {
    static final String NONE = "—";

    private final ReportLocale locale;
    private final ZoneId zone;
    private final PageClock pageClock;
    private final DateTimeFormatter clock;

    Texts(ReportSettings settings) {
        this.locale = settings.locale();
        this.zone = settings.zone();
        this.pageClock = new PageClock(zone);
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    /** The zone as the page names it once: KST, UTC, or its ID in code font ({@code `Europe/Berlin`}). */
    String zoneName() {
        return pageClock.abbreviated() ? pageClock.name() : code(pageClock.name());
    }

    /** The zone as a chart's axis names it (no code font on a canvas). */
    String zoneLabel() {
        return pageClock.name();
    }

    /** The IANA ID the page's script shows chart times in. */
    String zoneId() {
        return pageClock.id();
    }

    String time(Instant at) {
        return at == null ? NONE : pageClock.format(at);
    }

    String clock(Instant at) {
        return at == null ? NONE : clock.format(at);
    }

    /** {@code 2026-12-01 16:02:10 ~ 16:03:05}; the end's date is written only when it differs. */
    String range(Instant from, Instant to) {
        if (from == null) {
            return NONE;
        }
        if (to == null) {
            return time(from) + " ~";
        }
        boolean sameDay = from.atZone(zone).toLocalDate().equals(to.atZone(zone).toLocalDate());
        return time(from) + " ~ " + (sameDay ? clock(to) : time(to));
    }

    /** Seconds with one decimal and the language's unit: {@code 2.4초}, {@code 2.4 s}. */
    String seconds(Double value) {
        return value == null || !Double.isFinite(value) ? NONE : number(value, 1) + secondsUnit();
    }

    /** Whole seconds with the language's unit: {@code 95초}, {@code 95 s}. */
    String wholeSeconds(long value) {
        return count(value) + secondsUnit();
    }

    private String secondsUnit() {
        return locale == ReportLocale.KO ? "초" : " s";
    }

    static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    /** An identifier (alert, step, instance, command) in code font, or "—". */
    static String code(String value) {
        return value == null || value.isBlank() ? NONE : CodeSpans.code(value);
    }

    static Double secondsBetween(Instant from, Instant to) {
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

    /** Seconds as a review states them, always with one decimal ({@code 23.0}): "—" when unknown. */
    static String tenths(Double seconds) {
        return seconds == null || !Double.isFinite(seconds) ? NONE : String.format(Locale.ROOT, "%,.1f", seconds);
    }

    static String millis(Double value) {
        return value == null ? NONE : number(value, 0) + " ms";
    }
}
