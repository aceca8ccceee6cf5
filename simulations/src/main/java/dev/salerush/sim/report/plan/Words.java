package dev.salerush.sim.report.plan;

import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.CodeSpans;
import dev.salerush.sim.report.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the test plan writes its figures in the page's language: grouped digits ({@code 1,650,000}, {@code 38.2}),
 * durations in the bundle's units ({@code 2분 30초}, {@code 2 min 30 s}), identifiers in code font.
 */
final class Words {
    private final Messages m;

    Words(Messages m) {
        this.m = m;
    }

    String get(String key, Object... args) {
        return m.get(key, args);
    }

    /** The bundle's text for {@code prefix + name}, or null when it has none (a team's own profile). */
    String find(String prefix, String name) {
        return m.find(prefix, name);
    }

    static String number(double value, int decimals) {
        return Numbers.grouped(value, decimals);
    }

    static String count(long value) {
        return Numbers.grouped(value, 0);
    }

    /** An rps figure as the plan writes it: one decimal. */
    static String rps(double value) {
        return number(value, 1);
    }

    static String code(Object identifier) {
        return CodeSpans.code(identifier);
    }

    /** Seconds with up to three decimals and the unit: {@code 0.5초}, {@code 0.5 s}. */
    String seconds(Duration duration) {
        return m.get("unit.seconds", number(duration.toNanos() / 1e9, 3));
    }

    /** A duration in hours, minutes and seconds, leaving out the zero parts: {@code 2분 30초}, {@code 4 h}. */
    String duration(Duration duration) {
        long total = duration.toSeconds();
        if (total == 0) {
            return seconds(duration);
        }
        List<String> parts = new ArrayList<>();
        if (total >= 3600) {
            parts.add(m.get("unit.hours", total / 3600));
        }
        if (total % 3600 >= 60) {
            parts.add(m.get("unit.minutes", total % 3600 / 60));
        }
        if (total % 60 > 0) {
            parts.add(m.get("unit.seconds", total % 60));
        }
        return String.join(" ", parts);
    }
}
