package dev.salerush.sim.report.findings;

import dev.salerush.sim.plan.TrafficPlan;
import dev.salerush.sim.stress.BreakingPoint;

import java.util.ArrayList;
import java.util.List;

import static dev.salerush.sim.report.findings.Words.code;
import static dev.salerush.sim.report.findings.Words.number;

/**
 * The breaking point or the knee as the document states it: the throughput summary.json records ({@code rps}, null
 * when none was found) with the step or probe it was measured at ({@code headline}), what places it (the bracket of
 * offered rates; for the breaking point, its headroom over the plan's peak) and the analysis' own reason, as recorded.
 */
record Limit(String label, Double rps, String headline, List<String> details, String reason) {

    static Limit breakingPoint(Staircase staircase, Words w) {
        BreakingPoint point = staircase.summary().breakingPoint();
        List<String> details = new ArrayList<>();
        if (point != null && point.bracket() != null && point.bracket().size() == 2) {
            details.add(w.get("limits.bracket", Words.rps(point.bracket().get(0)), Words.rps(point.bracket().get(1))));
        }
        TrafficPlan plan = staircase.summary().plan();
        if (point != null && point.rps() != null && plan != null && plan.peakRps() > 0) {
            details.add(w.get("limits.headroom", Words.rps(plan.peakRps()), number(point.rps() / plan.peakRps(), 2)));
        }
        return of(w.get("breakingPoint"), point, details, staircase, w);
    }

    static Limit knee(Staircase staircase, Words w) {
        return of(w.get("knee"), staircase.summary().knee(), List.of(), staircase, w);
    }

    private static Limit of(String label, BreakingPoint point, List<String> details, Staircase staircase, Words w) {
        if (point == null || point.rps() == null) {
            return new Limit(label, null, w.get("limits.none"), details, reason(point, w));
        }
        String headline = w.get("limits.rps", Words.rps(point.rps()))
                + staircase.step(point.step()).map(step -> " " + w.get("limits.at", w.step(step))).orElse("");
        return new Limit(label, point.rps(), headline, details, reason(point, w));
    }

    /** The analysis' reason as recorded (its English, in code font). */
    private static String reason(BreakingPoint point, Words w) {
        return point == null || point.reason() == null ? null : w.get("limits.reason", code(point.reason()));
    }
}
