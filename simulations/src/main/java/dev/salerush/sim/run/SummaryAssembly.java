package dev.salerush.sim.run;

import dev.salerush.env.SaleEnvironment;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.drills.DrillsOutcome;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.regression.RegressionGate;
import dev.salerush.sim.results.BaselineFinder;
import dev.salerush.sim.results.RunStatus;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.server.ServerMetricsScraper;

import java.time.Instant;
import java.util.Map;

/**
 * Assembles a finished run's summary from what its parts ended with: the recording, the SLO judgement, order
 * integrity and the drills. The run passes only when all of them allow it; a run that may be compared with a baseline
 * is judged by the regression gate too.
 */
final class SummaryAssembly {
    private final SuiteConfig config;
    private final RunSummary.Builder summary;
    private Recording.Stopped stopped = Recording.Stopped.NOTHING;
    private RunJudge.Judgement judgement;
    private IntegrityReport integrity;
    private DrillsOutcome drills;

    /** A summary of the run {@code runId} of {@code simulation}, started at {@code startedAt}. */
    SummaryAssembly(SuiteConfig config, String runId, String simulation, Instant startedAt) {
        this.config = config;
        this.summary = RunSummary.builder().runId(runId).simulation(simulation).profile(config.profile().name())
                .startedAt(startedAt.toString()).embedded(config.target().embedded()).plan(config.plan())
                .sloSource(config.sloSource().label());
    }

    /** The target, null when it never started (an external target's configured URL is shown then). */
    SummaryAssembly environment(SaleEnvironment environment, Map<String, Object> described) {
        String baseUrl = environment != null ? environment.baseUrl().toString()
                : config.target().embedded() ? null : config.target().baseUrl().toString();
        summary.target(new RunSummary.Target(baseUrl)).environment(described);
        return this;
    }

    SummaryAssembly recorded(Recording.Stopped value) {
        stopped = value;
        return this;
    }

    SummaryAssembly judged(RunJudge.Judgement value) {
        judgement = value;
        return this;
    }

    /** The run's order integrity; null when the run checked none (browsing). */
    SummaryAssembly integrity(IntegrityReport value) {
        integrity = value;
        return this;
    }

    /** What the drills found; null for a run without drills. */
    SummaryAssembly drills(DrillsOutcome value) {
        drills = value;
        return this;
    }

    /**
     * The summary of a run that ended now; {@code failure} is null for a run that completed its load phase.
     * {@code baselineComparable} says whether its figures may be compared with a baseline at all.
     */
    RunSummary assemble(String failure, boolean baselineComparable) {
        RecordedRun recorded = stopped.recorded();
        ServerMetricsScraper server = stopped.serverMetrics();
        boolean passed = judgement.passed() && IntegrityReport.allowsPass(integrity)
                && (drills == null || drills.passed());
        RunSummary assembled = summary.endedAt(Instant.now().toString()).status(RunStatus.of(failure == null))
                .verdict(Verdict.of(passed)).failure(failure)
                .global(recorded == null ? null : recorded.global())
                .requests(recorded == null ? Map.of() : recorded.requests())
                .slo(judgement.slos()).stress(judgement.stress())
                .server(server == null || recorded == null ? null
                        : server.aggregate(recorded.startMillis(), recorded.endMillis()))
                .serverProblems(server == null ? null : server.problems())
                .injector(stopped.injectorFigures()).integrity(integrity)
                .warmup(stopped.warmup() == null ? null : stopped.warmup().figures(config.profile().warmup()))
                .drills(drills == null ? null : drills.json()).build();
        if (recorded != null && failure == null && config.regression().enabled() && baselineComparable) {
            assembled = assembled.withRegression(RegressionGate.judge(assembled.figures(),
                    BaselineFinder.find(assembled, config.resultsDir(), config.regression()), config.regression()));
        }
        return assembled;
    }
}
