package dev.salerush.sim.regression;

import dev.salerush.sim.config.RegressionSettings;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.metrics.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a run with its baseline, metric by metric, each with the tolerance from the {@code regression} section.
 * A stress run is compared on its breaking point; other runs on p95 (all requests, and each request both runs made
 * at least {@value #MIN_RESPONSES} times) and the share of failed requests. Throughput is not compared outside
 * stress: an open-model run's rps is set by its arrival rate, not by the target.
 */
public final class RegressionGate {
    private static final String P95 = "p95Ms";
    /** Below this many responses a p95 is one of the slowest three: noise, not a measurement to gate on. */
    static final long MIN_RESPONSES = 50;
    private static final String BREAKING_POINT = "breakingPointRps";
    private static final Set<String> HIGHER_IS_BETTER = Set.of("rps", BREAKING_POINT);

    private RegressionGate() {
    }

    /**
     * Judges {@code current} against the baseline found for it (see results.BaselineFinder). Without a baseline the
     * verdict is "no baseline", never a failure.
     */
    public static RegressionResult judge(RunFigures current, Baseline.Lookup lookup, RegressionSettings settings) {
        return lookup.baseline() == null
                ? RegressionResult.noBaseline(lookup.missingReason())
                : compare(current, lookup.baseline(), settings);
    }

    public static RegressionResult compare(RunFigures current, Baseline baseline, RegressionSettings tolerances) {
        List<RegressionResult.Check> checks = current.staircase()
                ? breakingPoint(current, baseline.figures(), tolerances)
                : figures(current, baseline.figures(), tolerances);
        List<RegressionResult.Check> failed = checks.stream().filter(check -> !check.passed()).toList();
        String message = failed.isEmpty()
                ? "no metric regressed beyond its tolerance against baseline run " + baseline.runId()
                : failed.stream().map(RegressionGate::describe).collect(Collectors.joining("; "))
                + " (baseline run " + baseline.runId() + ", " + baseline.source() + ")";
        return new RegressionResult(Verdict.of(failed.isEmpty()), baseline.runId(),
                baseline.source(), message, checks);
    }

    private static List<RegressionResult.Check> breakingPoint(RunFigures current, RunFigures baseline,
                                                              RegressionSettings t) {
        if (baseline.breakingPointRps() == null) {
            return List.of();
        }
        // no breaking point at all: not even the first step held, the worst possible capacity
        double actual = current.breakingPointRps() == null ? 0 : current.breakingPointRps();
        return List.of(atLeast(BREAKING_POINT, null, baseline.breakingPointRps(), actual, t.breakingPointPercent()));
    }

    private static List<RegressionResult.Check> figures(RunFigures current, RunFigures baseline, RegressionSettings t) {
        List<RegressionResult.Check> checks = new ArrayList<>();
        p95(checks, null, current.global(), baseline.global(), t);
        current.requests().forEach((name, now) -> p95(checks, name, now, baseline.requests().get(name), t));
        if (baseline.global() != null && current.global() != null) {
            double before = baseline.global().koPercent();
            double now = current.global().koPercent();
            double limit = before + t.koPercentPoints();
            checks.add(new RegressionResult.Check("koPercent", null, before, now, null, limit, now <= limit));
        }
        return checks;
    }

    /** p95 of one request (or all), when both runs have enough responses for it to mean something. */
    private static void p95(List<RegressionResult.Check> checks, String request, RunFigures.RequestFigures now,
                            RunFigures.RequestFigures before, RegressionSettings t) {
        if (!measured(before) || !measured(now)) {
            return;
        }
        double baseline = before.p95Ms();
        double limit = Math.max(baseline * (1 + t.p95Percent() / 100), baseline + t.latencyFloorMs());
        double actual = now.p95Ms();
        checks.add(new RegressionResult.Check(P95, request, baseline, actual, t.p95Percent(), limit, actual <= limit));
    }

    private static boolean measured(RunFigures.RequestFigures figures) {
        return figures != null && figures.p95Ms() != null && figures.count() >= MIN_RESPONSES;
    }

    /** A rate that may fall by at most {@code percent}. */
    private static RegressionResult.Check atLeast(String metric, String request, double baseline, double actual,
                                                  double percent) {
        double limit = baseline * (1 - percent / 100);
        return new RegressionResult.Check(metric, request, baseline, actual, percent, limit, actual >= limit);
    }

    public static String describe(RegressionResult.Check check) {
        String of = check.request() == null ? "" : " of '" + check.request() + "'";
        boolean rate = HIGHER_IS_BETTER.contains(check.metric());
        return String.format(Locale.ROOT, "%s%s %s from %s to %s (%s %s)", check.metric(), of,
                rate ? "fell" : "rose", Numbers.fixed(check.baseline()), Numbers.fixed(check.actual()),
                rate ? "at least" : "at most", Numbers.fixed(check.limit()));
    }
}
