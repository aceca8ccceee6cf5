package dev.salerush.sim.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.sim.metrics.Verdict;

import java.util.ArrayList;
import java.util.List;

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
        JsonNode summary = run.summary();
        List<String> reasons = new ArrayList<>();
        if (run.health() == RunRecord.Health.PARTIAL) {
            reasons.add(run.problem());
        }
        for (JsonNode slo : JsonFields.objects(summary, "slo")) {
            if (Boolean.FALSE.equals(JsonFields.bool(slo, "passed"))) {
                reasons.add(sloFailure(slo));
            }
        }
        if (Verdict.FAIL.json().equals(JsonFields.text(summary, "regression.verdict"))) {
            reasons.add("regression: " + orElse(JsonFields.text(summary, "regression.message"), "failed"));
        }
        if (Verdict.FAIL.json().equals(JsonFields.text(summary, "integrity.verdict"))) {
            reasons.add("integrity: " + orElse(JsonFields.text(summary, "integrity.reason"), "failed"));
        }
        if (run.health() == RunRecord.Health.PARTIAL) {
            return new VerdictBanner("partial", "PARTIAL" + (run.verdict() == null ? "" : " — " + upper(run.verdict())),
                    reasons);
        }
        if (Verdict.PASS.json().equals(run.verdict())) {
            return new VerdictBanner(Verdict.PASS.json(), Verdict.PASS.label(), reasons);
        }
        if (Verdict.FAIL.json().equals(run.verdict())) {
            return new VerdictBanner(Verdict.FAIL.json(), Verdict.FAIL.label(), reasons);
        }
        reasons.add(0, run.verdict() == null ? "summary.json has no verdict" : "unknown verdict '" + run.verdict() + "'");
        return new VerdictBanner("unknown", "NO VERDICT", reasons);
    }

    private static String sloFailure(JsonNode slo) {
        String name = orElse(JsonFields.text(slo, "name"), "unnamed SLO");
        Double actual = JsonFields.number(slo, "actual");
        String note = JsonFields.text(slo, "note");
        if (actual == null) {
            return name + ": not measured" + (note == null ? "" : " (" + note + ")");
        }
        return name + ": " + orElse(JsonFields.text(slo, "metric"), "value") + " " + Formats.number(actual)
                + " > " + Formats.number(JsonFields.number(slo, "threshold"));
    }

    private static String upper(String text) {
        return text.toUpperCase(java.util.Locale.ROOT);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
