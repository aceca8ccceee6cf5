package dev.salerush.sim.report.findings;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.CodeSpans;
import dev.salerush.sim.report.Messages;
import dev.salerush.sim.report.PageClock;
import dev.salerush.sim.stress.StepResult;

/**
 * How the findings word what they show: the sentences of their own bundle ({@link #BUNDLE}), figures with grouped
 * digits ("–" when not measured, never 0), identifiers in code font (backticks, which the HTML page sets as
 * {@code <code>}) and the report's zone, named once (the templates' {@code time} filter shows every time in it).
 */
final class Words {
    /** The findings' own bundle: findings/messages_ko.properties and messages_en.properties. */
    static final String BUNDLE = "findings/messages";
    static final String NOT_MEASURED = "–";

    private final Messages m;
    private final PageClock clock;

    Words(ReportSettings settings) {
        this.m = Messages.of(BUNDLE, settings);
        this.clock = new PageClock(settings.zone());
    }

    Messages messages() {
        return m;
    }

    String get(String key, Object... args) {
        return m.get(key, args);
    }

    /** The zone as the page names it once: KST, UTC, or its ID in code font. */
    String zone() {
        return clock.abbreviated() ? clock.name() : code(clock.name());
    }

    static String code(Object identifier) {
        return identifier == null ? NOT_MEASURED : CodeSpans.code(identifier);
    }

    static String number(Number value, int decimals) {
        return value == null || !Double.isFinite(value.doubleValue()) ? NOT_MEASURED
                : Numbers.grouped(value.doubleValue(), decimals);
    }

    /** A rate as the pages show it, one decimal: {@code 732.5}. */
    static String rps(Number value) {
        return number(value, 1);
    }

    /** A 0..1 share as a percentage: {@code 45 %}. */
    static String percentOf(Double fraction) {
        return fraction == null ? NOT_MEASURED : number(fraction * 100, 1) + " %";
    }

    /** A step's name: its number, or the refinement probe's. */
    String step(StepResult step) {
        return step.isProbe() ? m.get("step.probe", step.probe()) : m.get("step.number", step.step());
    }
}
