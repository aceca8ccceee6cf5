package dev.salerush.sim.report.findings;

import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunRecord;
import dev.salerush.sim.results.RunSummary;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.salerush.sim.report.findings.Words.code;
import static dev.salerush.sim.report.findings.Words.number;

/**
 * One line of the verdicts table: the latest run of a kind, with its verdict, its headline figures (as summary.json
 * has them) and why it passed or failed; or that no such run was made.
 *
 * @param href        the run's page from the findings folder, or null (not run, no page)
 * @param verdictKind {@code pass}, {@code fail}, {@code partial}, {@code unknown} (no verdict recorded) or
 *                    {@code muted} (not run)
 */
record VerdictRow(String kind, String runId, String href, Instant startedAt, String verdictKind, String verdictLabel,
                  Long count, Double rps, Long p95Ms, Double koPercent, List<String> reasons) {

    static VerdictRow of(RunKind kind, RunRecord run, Words w) {
        String label = w.get("kind." + kind.key());
        if (run == null) {
            return new VerdictRow(label, null, null, null, "muted", w.get("verdict.notRun"), null, null, null, null,
                    List.of(w.get("reason.notRun." + kind.key())));
        }
        RunSummary summary = run.summary();
        LatencyStats global = summary.global();
        String href = Files.isRegularFile(run.dir().resolve(RunFiles.REPORT_PAGE))
                ? "../../" + run.runId() + "/" + RunFiles.REPORT_PAGE : null;
        String verdictKind = run.health() == RunRecord.Health.PARTIAL ? "partial"
                : summary.verdict() == Verdict.PASS ? "pass" : summary.verdict() == Verdict.FAIL ? "fail" : "unknown";
        String verdictLabel = w.get("verdict." + verdictKind);
        return new VerdictRow(label, run.runId(), href, run.startedAt(), verdictKind, verdictLabel,
                global == null ? null : global.count(), global == null ? null : global.rps(),
                global == null ? null : global.p95Ms(), global == null ? null : global.koPercent(),
                reasons(run, w));
    }

    /** Why the run was judged so: the run's failure, each failed check; all SLOs met when nothing failed. */
    private static List<String> reasons(RunRecord run, Words w) {
        RunSummary summary = run.summary();
        List<String> reasons = new ArrayList<>();
        if (run.health() == RunRecord.Health.PARTIAL) {
            reasons.add(w.get("reason.partial", code(run.problem())));
        }
        List<SloResult> slos = summary.slo() == null ? List.of()
                : summary.slo().stream().filter(Objects::nonNull).toList();
        slos.stream().filter(slo -> !slo.passed()).forEach(slo -> reasons.add(slo.actual() == null
                ? w.get("reason.sloNotMeasured", code(slo.name()))
                : w.get("reason.slo", code(slo.name()), number(slo.actual(), 2), number(slo.threshold(), 2))));
        if (summary.regression() != null && summary.regression().failed()) {
            reasons.add(w.get("reason.regression", code(summary.regression().message())));
        }
        if (summary.integrity() != null && summary.integrity().verdict() == Verdict.FAIL) {
            reasons.add(w.get("reason.integrity", code(summary.integrity().reason())));
        }
        if (reasons.isEmpty()) {
            reasons.add(slos.isEmpty() ? w.get("reason.noSlo") : w.get("reason.allMet", slos.size()));
        }
        return reasons;
    }
}
