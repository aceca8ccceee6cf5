package dev.salerush.sim.report.findings;

import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.server.ServerAggregate;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.salerush.sim.report.findings.Words.code;
import static dev.salerush.sim.report.findings.Words.rps;

/**
 * What the findings cannot say, and why: a kind of run not made against this target, a breaking point or knee the
 * staircase could not place, server and injector figures not collected. Read from the same summaries as the rest of
 * the document, so a gap in them is named rather than shown as 0.
 */
final class NotMeasured {
    private NotMeasured() {
    }

    /** @param staircase the latest stress run's, or null when there is none */
    static List<String> of(FindingsRuns runs, Staircase staircase, Words w) {
        List<String> gaps = new ArrayList<>();
        for (RunKind kind : RunKind.values()) {
            if (runs.run(kind).isEmpty()) {
                gaps.add(w.get("notRun." + kind.key()));
            }
        }
        if (staircase == null) {
            runs.run(RunKind.STRESS).ifPresent(run -> gaps.add(w.get("nm.noSteps", code(run.runId()))));
            return gaps;
        }
        RunSummary summary = staircase.summary();
        breakingPoint(staircase, w).ifPresent(gaps::add);
        BreakingPoint knee = summary.knee();
        if (knee == null || knee.rps() == null) {
            gaps.add(w.get("nm.knee", code(knee == null || knee.reason() == null ? "–" : knee.reason())));
        }
        gaps.addAll(server(staircase, w));
        StepResult at = staircase.evidenceStep();
        if (at.injectorCpu() == null) {
            gaps.add(w.get("nm.injectorCpu"));
        }
        if (summary.injector() == null || summary.injector().stallMaxMs() == null) {
            gaps.add(w.get("nm.stalls"));
        }
        if (summary.plan() == null) {
            gaps.add(w.get("nm.plan"));
        }
        return gaps;
    }

    private static Optional<String> breakingPoint(Staircase staircase, Words w) {
        RunSummary summary = staircase.summary();
        BreakingPoint point = summary.breakingPoint();
        if (point == null) {
            return Optional.of(w.get("nm.breakingPoint.missing"));
        }
        if (point.rps() == null) {
            if (Boolean.TRUE.equals(summary.injectorBound())) {
                return Optional.of(w.get("nm.breakingPoint.injector"));
            }
            StepResult lowest = staircase.lowest();
            return Optional.of(!lowest.held()
                    ? w.get("nm.breakingPoint.firstStep", rps(lowest.offeredRps()))
                    : w.get("nm.breakingPoint.none", code(point.reason())));
        }
        if (point.bracket() == null && staircase.firstFailed().isEmpty()) {
            return Optional.of(w.get("nm.breakingPoint.above", rps(staircase.highest().offeredRps())));
        }
        return Optional.empty();
    }

    /** The server figures missing where the evidence is read; all of them, with why, when none was collected. */
    private static List<String> server(Staircase staircase, Words w) {
        RunSummary summary = staircase.summary();
        boolean anyCollected = staircase.byOfferedLoad().stream().map(StepResult::server).filter(Objects::nonNull)
                .anyMatch(NotMeasured::hasFigures);
        List<String> gaps = new ArrayList<>();
        if (!anyCollected) {
            gaps.add(w.get("nm.server"));
        } else {
            ServerAggregate at = staircase.evidenceStep().server();
            List<String> missing = new ArrayList<>();
            if (at == null || at.processCpuMean() == null) {
                missing.add(w.get("nm.cpu"));
            }
            if (at == null || at.poolPendingMax() == null) {
                missing.add(w.get("nm.pools"));
            }
            if (at == null || at.dbConnectionsMax() == null) {
                missing.add(w.get("nm.database"));
            }
            if (!missing.isEmpty()) {
                gaps.add(w.get("nm.some", String.join(", ", missing), w.step(staircase.evidenceStep())));
            }
            if (at != null && (at.poolPendingMax() != null || at.dbConnectionsMax() != null)) {
                gaps.add(w.get("nm.capacities"));
            }
        }
        if (summary.serverProblems() != null && !summary.serverProblems().isEmpty()) {
            gaps.add(w.get("nm.serverProblems", String.join("; ",
                    summary.serverProblems().stream().map(Words::code).toList())));
        }
        return gaps;
    }

    private static boolean hasFigures(ServerAggregate server) {
        return server.processCpuMean() != null || server.poolPendingMax() != null || server.dbConnectionsMax() != null;
    }
}
