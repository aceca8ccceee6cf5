package dev.salerush.sim.report.compare;

import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.CodeSpans;
import dev.salerush.sim.report.Messages;

/**
 * How the comparison writes its figures, in the page's language: counts with grouped digits (1,234건 / 1,234), seconds
 * with one decimal and the language's unit (2.4초 / 2.4 s), percentages with one decimal, and "측정 안 됨" for a
 * figure a run does not hold (never 0).
 */
final class Figures {
    private final Messages m;

    Figures(Messages m) {
        this.m = m;
    }

    String count(Long value) {
        return value == null ? notMeasured() : m.get("figure.count", Numbers.grouped(value, 0));
    }

    String requests(Long failed, Long all, Double koPercent) {
        return failed == null || all == null ? notMeasured()
                : m.get("figure.requests", Numbers.grouped(failed, 0), Numbers.grouped(all, 0), percent(koPercent));
    }

    String seconds(Double value) {
        return value == null ? notMeasured() : m.get("figure.seconds", Numbers.grouped(value, 1));
    }

    static String millis(Double value) {
        return value == null ? null : Numbers.grouped(value, 0) + " ms";
    }

    static String percent(Double value) {
        return value == null ? "—" : Numbers.grouped(value, 1) + " %";
    }

    /** An identifier of the run's record (a step, an alert, a run id) in code font; "—" when there is none. */
    static String code(String value) {
        return value == null || value.isBlank() ? "—" : CodeSpans.code(value);
    }

    String notMeasured() {
        return m.get("figure.notMeasured");
    }
}
