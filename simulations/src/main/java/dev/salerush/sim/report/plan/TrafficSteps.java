package dev.salerush.sim.report.plan;

import dev.salerush.sim.plan.TrafficPlan;

import java.time.Duration;
import java.util.List;

/**
 * The scenario document's derivation, DAU to rps to virtual users, as the plan shows it: each step with its formula
 * and the configuration's numbers put in. The figures are {@link TrafficPlan}'s, the very values summary.json's
 * {@code plan} holds; only their rounding for the page is done here.
 */
final class TrafficSteps {
    /**
     * One line of the derivation.
     *
     * @param figure the summary.json {@code plan} field the line ends in (the page marks it for tests and tools)
     */
    record Step(String label, String formula, String calculation, String figure) {
    }

    private TrafficSteps() {
    }

    static List<Step> of(TrafficPlan plan, Duration requestDuration, Duration networkAllowance, Words w) {
        String average = Words.rps(plan.averageRps());
        String peak = Words.rps(plan.peakRps());
        String r = Words.count(plan.requestsPerIteration());
        String t = Words.number(plan.iterationSeconds(), 3);
        return List.of(
                new Step(w.get("traffic.average"), w.get("traffic.average.formula"),
                        w.get("traffic.result.rps", Words.count(plan.dau()) + " × "
                                + Words.number(plan.requestsPerUserPerDay(), 3) + " / 86,400", average), "averageRps"),
                new Step(w.get("traffic.peak"), w.get("traffic.peak.formula"),
                        w.get("traffic.result.rps", average + " × " + Words.number(plan.peakToAverage(), 3), peak),
                        "peakRps"),
                new Step(w.get("traffic.t"), w.get("traffic.t.formula"),
                        r + " × " + w.seconds(requestDuration) + " + " + w.seconds(networkAllowance) + " = "
                                + w.get("unit.seconds", t), "iterationSeconds"),
                new Step(w.get("traffic.vu"), w.get("traffic.vu.formula"),
                        w.get("traffic.result.vu", peak + " × " + t + " / " + r, Words.rps(plan.virtualUsers()),
                                Words.count(virtualUsers(plan))), "virtualUsers"),
                new Step(w.get("traffic.arrivals"), w.get("traffic.arrivals.formula"),
                        w.get("traffic.result.arrivals", peak + " / " + r, Words.rps(plan.usersPerSec())),
                        "usersPerSec"));
    }

    /** Whole virtual users, rounded up: 305.6 needed means 306 in flight. */
    static long virtualUsers(TrafficPlan plan) {
        return (long) Math.ceil(plan.virtualUsers());
    }
}
