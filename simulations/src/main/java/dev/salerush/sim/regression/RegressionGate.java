package dev.salerush.sim.regression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.sim.config.RegressionSettings;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.metrics.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final Set<String> HIGHER_IS_BETTER = Set.of("rps", "breakingPointRps");

    private RegressionGate() {
    }

    /**
     * Judges {@code current} (a summary.json as a tree) against the pinned baseline, or else against the last passing
     * comparable run in {@code resultsDir}. Without a baseline the verdict is "no baseline", never a failure.
     */
    public static RegressionResult judge(JsonNode current, Path resultsDir, RegressionSettings settings) {
        BaselineFinder.Lookup lookup = settings.pinnedBaseline() != null
                ? BaselineFinder.pinned(settings.pinnedBaseline())
                : BaselineFinder.lastPassing(resultsDir, current);
        return lookup.baseline() == null
                ? RegressionResult.noBaseline(lookup.missingReason())
                : compare(current, lookup.baseline(), settings);
    }

    public static RegressionResult compare(JsonNode current, Baseline baseline, RegressionSettings tolerances) {
        List<RegressionResult.Check> checks = current.hasNonNull("breakingPoint")
                ? breakingPoint(current, baseline.summary(), tolerances)
                : figures(current, baseline.summary(), tolerances);
        List<RegressionResult.Check> failed = checks.stream().filter(check -> !check.passed()).toList();
        String message = failed.isEmpty()
                ? "no metric regressed beyond its tolerance against baseline run " + baseline.runId()
                : failed.stream().map(RegressionGate::describe).collect(Collectors.joining("; "))
                + " (baseline run " + baseline.runId() + ", " + baseline.source() + ")";
        return new RegressionResult(Verdict.of(failed.isEmpty()), baseline.runId(),
                baseline.source(), message, checks);
    }

    private static List<RegressionResult.Check> breakingPoint(JsonNode current, JsonNode baseline, RegressionSettings t) {
        JsonNode before = baseline.path("breakingPoint").path("rps");
        if (!before.isNumber()) {
            return List.of();
        }
        // no breaking point at all: not even the first step held, the worst possible capacity
        double actual = current.path("breakingPoint").path("rps").asDouble(0);
        return List.of(atLeast("breakingPointRps", null, before.asDouble(), actual, t.breakingPointPercent()));
    }

    private static List<RegressionResult.Check> figures(JsonNode current, JsonNode baseline, RegressionSettings t) {
        List<RegressionResult.Check> checks = new ArrayList<>();
        p95(checks, null, current.path("global"), baseline.path("global"), t);
        for (Iterator<Map.Entry<String, JsonNode>> it = current.path("requests").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> request = it.next();
            p95(checks, request.getKey(), request.getValue(), baseline.path("requests").path(request.getKey()), t);
        }
        JsonNode koBefore = baseline.path("global").path("koPercent");
        JsonNode koNow = current.path("global").path("koPercent");
        if (koBefore.isNumber() && koNow.isNumber()) {
            double limit = koBefore.asDouble() + t.koPercentPoints();
            checks.add(new RegressionResult.Check("koPercent", null, koBefore.asDouble(), koNow.asDouble(), null, limit,
                    koNow.asDouble() <= limit));
        }
        return checks;
    }

    /** p95 of one request (or all), when both runs have enough responses for it to mean something. */
    private static void p95(List<RegressionResult.Check> checks, String request, JsonNode now, JsonNode before,
                            RegressionSettings t) {
        if (!before.path(P95).isNumber() || !now.path(P95).isNumber()
                || before.path("count").asLong() < MIN_RESPONSES || now.path("count").asLong() < MIN_RESPONSES) {
            return;
        }
        double baseline = before.path(P95).asDouble();
        double limit = Math.max(baseline * (1 + t.p95Percent() / 100), baseline + t.latencyFloorMs());
        double actual = now.path(P95).asDouble();
        checks.add(new RegressionResult.Check(P95, request, baseline, actual, t.p95Percent(), limit, actual <= limit));
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
