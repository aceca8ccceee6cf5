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
 * Label and reasons are {@link Sentence}s: a failed SLO is worded from its typed fields; the text the engine wrote
 * in English (a partial run's problem, the regression message, the integrity reason) is an argument the Korean
 * bundle shows as the run's record, in code font.
 *
 * @param kind {@code pass}, {@code fail}, {@code partial}, {@code corrupt} or {@code unknown}
 */
record VerdictBanner(String kind, Sentence label, List<Sentence> reasons) {

    static VerdictBanner of(RunRecord run) {
        if (run.corrupt()) {
            return new VerdictBanner("corrupt", Sentence.of("verdict.corrupt"),
                    List.of(Sentence.of("reason.corrupt", run.problem())));
        }
        RunSummary summary = run.summary();
        boolean partial = run.health() == RunRecord.Health.PARTIAL;
        List<Sentence> reasons = new ArrayList<>();
        if (partial) {
            reasons.add(Sentence.of("reason.partial", run.problem()));
        }
        reasons.addAll(failedChecks(summary));
        Verdict verdict = summary.verdict();
        if (partial) {
            return new VerdictBanner("partial", verdict == null ? Sentence.of("verdict.partial")
                    : Sentence.of("verdict.partialOf", label(verdict)), reasons);
        }
        if (verdict == Verdict.PASS || verdict == Verdict.FAIL) {
            return new VerdictBanner(verdict.json(), label(verdict), reasons);
        }
        String written = verdict != null ? verdict.json() : run.unreadable().get("verdict");
        reasons.add(0, written == null ? Sentence.of("reason.noVerdict") : Sentence.of("reason.unknownVerdict", written));
        return new VerdictBanner("unknown", Sentence.of("verdict.unknown"), reasons);
    }

    /** A verdict as a banner or table shows it: PASS, FAIL, NO BASELINE (통과, 실패, 기준 없음); "–" for none. */
    static Sentence label(Verdict verdict) {
        return verdict == null ? Sentence.of("verdict.none") : Sentence.of("verdict." + key(verdict));
    }

    /** A verdict as a sentence says it: pass, fail, no baseline (통과, 실패, 기준 없음). */
    static Sentence word(Verdict verdict) {
        return verdict == null ? Sentence.of("result.none") : Sentence.of("result." + key(verdict));
    }

    private static String key(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case SKIPPED -> "skipped";
            case NO_BASELINE -> "noBaseline";
        };
    }

    private static List<Sentence> failedChecks(RunSummary summary) {
        List<Sentence> reasons = new ArrayList<>();
        if (summary.slo() != null) {
            summary.slo().stream().filter(Objects::nonNull).filter(slo -> !slo.passed())
                    .forEach(slo -> reasons.add(sloFailure(slo)));
        }
        RegressionResult regression = summary.regression();
        if (regression != null && regression.failed()) {
            reasons.add(regression.message() == null ? Sentence.of("reason.regressionFailed")
                    : Sentence.of("reason.regression", regression.message()));
        }
        IntegrityReport integrity = summary.integrity();
        if (integrity != null && integrity.verdict() == Verdict.FAIL) {
            reasons.add(integrity.reason() == null ? Sentence.of("reason.integrityFailed")
                    : Sentence.of("reason.integrity", integrity.reason()));
        }
        return reasons;
    }

    private static Sentence sloFailure(SloResult slo) {
        Object name = slo.name() == null ? Sentence.of("slo.unnamed") : slo.name();
        Object metric = slo.metric() == null ? Sentence.of("slo.value") : slo.metric();
        if (slo.actual() == null) {
            return slo.note() == null ? Sentence.of("reason.slo.notMeasured", name)
                    : Sentence.of("reason.slo.notMeasuredBecause", name, slo.note());
        }
        return Sentence.of("reason.slo.missed", name, metric, Formats.number(slo.actual()),
                Formats.number(slo.threshold()));
    }
}
