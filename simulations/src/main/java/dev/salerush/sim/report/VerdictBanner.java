package dev.salerush.sim.report;

import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.regression.RegressionResult;
import dev.salerush.sim.results.RunRecord;
import dev.salerush.sim.results.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The banner at the top of a run page and the first line of its Markdown summary: pass, fail, partial or unreadable,
 * with the reasons a reviewer needs first (the failure, the failed SLOs, a failed regression or integrity check).
 *
 * @param kind {@code pass}, {@code fail}, {@code partial}, {@code corrupt} or {@code unknown}
 */
record VerdictBanner(String kind, String label, List<String> reasons) {

    static VerdictBanner of(RunRecord run) {
        if (run.corrupt()) {
            return new VerdictBanner("corrupt", "UNREADABLE", List.of(run.problem()));
        }
        RunSummary summary = run.summary();
        boolean partial = run.health() == RunRecord.Health.PARTIAL;
        List<String> reasons = new ArrayList<>();
        if (partial) {
            reasons.add(run.problem());
        }
        reasons.addAll(failedChecks(summary));
        Verdict verdict = summary.verdict();
        if (partial) {
            return new VerdictBanner("partial", "PARTIAL" + (verdict == null ? "" : " — " + verdict.label()), reasons);
        }
        if (verdict == Verdict.PASS || verdict == Verdict.FAIL) {
            return new VerdictBanner(verdict.json(), verdict.label(), reasons);
        }
        String written = verdict != null ? verdict.json() : run.unreadable().get("verdict");
        reasons.add(0, written == null ? "summary.json has no verdict" : "unknown verdict '" + written + "'");
        return new VerdictBanner("unknown", "NO VERDICT", reasons);
    }

    private static List<String> failedChecks(RunSummary summary) {
        List<String> reasons = new ArrayList<>();
        if (summary.slo() != null) {
            summary.slo().stream().filter(Objects::nonNull).filter(slo -> !slo.passed())
                    .forEach(slo -> reasons.add(sloFailure(slo)));
        }
        RegressionResult regression = summary.regression();
        if (regression != null && regression.failed()) {
            reasons.add("regression: " + orElse(regression.message(), "failed"));
        }
        IntegrityReport integrity = summary.integrity();
        if (integrity != null && integrity.verdict() == Verdict.FAIL) {
            reasons.add("integrity: " + orElse(integrity.reason(), "failed"));
        }
        return reasons;
    }

    private static String sloFailure(SloResult slo) {
        String name = orElse(slo.name(), "unnamed SLO");
        if (slo.actual() == null) {
            return name + ": not measured" + (slo.note() == null ? "" : " (" + slo.note() + ")");
        }
        return name + ": " + orElse(slo.metric(), "value") + " " + Formats.number(slo.actual())
                + " > " + Formats.number(slo.threshold());
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
