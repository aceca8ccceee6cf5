package dev.salerush.sim.run;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.Profile;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.Urls;
import dev.salerush.sim.env.EmbeddedSaleEnvironment;
import dev.salerush.sim.env.EnvironmentError;
import dev.salerush.sim.env.ExternalTarget;
import dev.salerush.sim.env.SaleEnvironment;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.integrity.OrderIntegrity;
import dev.salerush.sim.integrity.OrderLog;
import dev.salerush.sim.journeys.TargetIds;
import dev.salerush.sim.env.TargetWatch;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.regression.Baseline;
import dev.salerush.sim.regression.RegressionGate;
import dev.salerush.sim.report.JUnitReport;
import dev.salerush.sim.report.Reports;
import dev.salerush.sim.results.BaselineFinder;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunFolder;
import dev.salerush.sim.results.RunStatus;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.server.ServerMetricsScraper;
import dev.salerush.sim.stress.StressController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One run of the suite, from configuration to results: validates the configuration, creates the run folder, starts
 * (or checks) the target, records exact metrics while Gatling sends load, then judges the SLOs and writes
 * summary.json. Whatever happens — success, failed SLO, failed start, Ctrl-C — everything it started is stopped and
 * the run folder says what happened.
 */
public final class SaleRun {
    private static final Logger log = LoggerFactory.getLogger(SaleRun.class);
    /** Exit status of a run whose verdict is fail, like Gatling's own failed assertions. */
    public static final int EXIT_FAILURE = 2;
    /** Exit status for bad input and targets that cannot be reached or started: nothing was measured. */
    public static final int EXIT_NOT_RUN = 3;

    private final SuiteConfig config;
    private final Profile profile;
    private final String simulation;
    private final RunFolder folder;
    private final Cleanup cleanup = new Cleanup();
    private final Instant startedAt = Instant.now();
    private SaleEnvironment environment;
    private ExactRecorder recorder;
    private ServerMetricsScraper serverMetrics;
    // read by Gatling's threads for every arriving user: volatile, no lock
    private volatile StressController stress;
    private volatile TargetWatch targetWatch;
    /** Order integrity of a journey that places orders; null for browsing. */
    private OrderIntegrity integrity;
    private TargetIds targetIds;
    private final InjectorHealth injectorHealth = new InjectorHealth();
    private volatile RunSummary finalSummary;

    private SaleRun(SuiteConfig config, String simulation) {
        this.config = config;
        this.profile = config.profile();
        this.simulation = simulation;
        this.folder = RunFolder.create(config.resultsDir(), profile.name(), LocalDateTime.now());
    }

    /**
     * Starts a run for the named simulation. Bad configuration or a target that cannot be reached or started ends the
     * JVM here with one clear message and a non-zero exit, before any load is sent.
     */
    public static SaleRun start(String simulation) {
        SuiteConfig config;
        try {
            config = ConfigLoader.load().validate();
        } catch (ConfigError e) {
            return exit("configuration error: " + e.getMessage());
        }
        SaleRun run = new SaleRun(config, simulation);
        Runtime.getRuntime().addShutdownHook(new Thread(run::onJvmExit, "salerush-run-exit"));
        try {
            run.startTarget();
        } catch (ConfigError | EnvironmentError e) {
            run.finish("could not start the run: " + e.getMessage());
            return exit(e.getMessage());
        }
        return run;
    }

    private void startTarget() {
        log.info("run {} — profile '{}': {}", folder.runId(), profile.name(), profile.description());
        log.info(config.plan().describe());
        environment = config.target().embedded()
                ? EmbeddedSaleEnvironment.start(config, folder.dir(), cleanup)
                : cleanup.register("external target", ExternalTarget.connect(config.target(), config.database()));
        log.info("target ready at {}", environment.baseUrl());
        if (OrderIntegrity.placesOrders(profile.journey())) {
            integrity = OrderIntegrity.forRun(config, environment, folder.dir());
        }
    }

    public SuiteConfig config() {
        return config;
    }

    public Profile profile() {
        return profile;
    }

    public SaleEnvironment environment() {
        return environment;
    }

    public RunFolder folder() {
        return folder;
    }

    /** The ids virtual users ask for, computed once per run (the journeys and hot-item mode share the hot items). */
    public synchronized TargetIds targetIds() {
        if (targetIds == null) {
            targetIds = TargetIds.forRun(config);
        }
        return targetIds;
    }

    /** Where ordering virtual users record what they saw of each order attempt. */
    public OrderLog orderLog() {
        return integrity == null ? OrderLog.discard() : integrity.orderLog();
    }

    /**
     * Called from the simulation's before(): recording — client figures, server metrics and, for a staircase, the
     * stress controller — starts when load starts. {@code requestsPerUser} is the simulation's mean requests per
     * virtual user, which turns a step's arriving users into offered rps.
     */
    public synchronized ExactRecorder startRecording(double requestsPerUser) {
        if (recorder == null) {
            if (integrity != null) {
                integrity.beforeLoad(targetIds().hotProductIds());
            }
            recorder = ExactRecorder.start(folder.file(RunFolder.INTERVAL_LOG_FILE));
            recorder.addListener(injectorHealth);
            serverMetrics = ServerMetricsWiring.start(config, environment, folder.file(ServerMetricsWiring.FILE));
            targetWatch = TargetWatch.start(URI.create(Urls.join(environment.baseUrl().toString(),
                    config.target().healthPath())), config.target().giveUpAfter());
            if (profile.stairs() != null) {
                stress = new StressController(profile.stairs(), profile.slos(), config.plan().peakRps(),
                        requestsPerUser, System.currentTimeMillis() + profile.stairs().warmup().toMillis());
                recorder.addListener(stress);
            }
        }
        return recorder;
    }

    /** The staircase's controller, or null when the profile is not a staircase. */
    public synchronized StressController stress() {
        return stress;
    }

    /** Whether no new virtual user should start: the target is down, or a staircase has found its breaking point. */
    public boolean shouldStop() {
        return stopReason() != null;
    }

    /** Why the load should stop, or null while it should go on. */
    public String stopReason() {
        String down = loadFailure();
        if (down != null) {
            return down;
        }
        StressController staircase = stress;
        return staircase == null ? null : staircase.stopReason();
    }

    /** Why the load phase failed (the target went down), or null when it ran as planned. */
    public String loadFailure() {
        TargetWatch watch = targetWatch;
        return watch == null ? null : watch.downReason();
    }


    /**
     * Ends the run: stops recording and the environment, judges the SLOs and writes summary.json.
     * {@code failure} is null for a run that completed its load phase. Idempotent: the first call wins.
     */
    public synchronized RunSummary finish(String failure) {
        if (finalSummary != null) {
            return finalSummary;
        }
        RecordedRun recorded = null;
        if (recorder != null) {
            recorder.close();
            recorded = recorder.snapshot();
        }
        if (serverMetrics != null) {
            serverMetrics.close();
        }
        if (targetWatch != null) {
            targetWatch.close();
        }
        // checked while the target still runs
        IntegrityReport integrityReport = integrity == null ? null : integrity.afterLoad(failure == null && recorded != null);
        cleanup.close();
        RunJudge.Judgement judgement = RunJudge.judge(profile, config.plan(), recorded, stress, serverMetrics, failure);
        boolean passed = judgement.passed() && IntegrityReport.allowsPass(integrityReport);
        finalSummary = new RunSummary(folder.runId(), simulation, profile.name(), startedAt.toString(),
                Instant.now().toString(), RunStatus.of(failure == null),
                Verdict.of(passed), failure,
                new RunSummary.Target(environment == null ? baseUrlOrNull() : environment.baseUrl().toString()),
                config.target().embedded(), config.plan(),
                recorded == null ? null : recorded.global(), recorded == null ? Map.of() : recorded.requests(),
                judgement.slos(), environment == null ? Map.of() : environment.describe(), judgement.stress(),
                serverMetrics == null || recorded == null ? null
                        : serverMetrics.aggregate(recorded.startMillis(), recorded.endMillis()),
                serverMetrics == null ? null : serverMetrics.problems(),
                recorded == null ? null : injectorHealth.figures(), integrityReport, null);
        if (recorded != null && failure == null && config.regression().enabled()) {
            Baseline.Lookup baseline = BaselineFinder.find(finalSummary, config.resultsDir(), config.regression());
            finalSummary = finalSummary.withRegression(RegressionGate.judge(finalSummary.figures(), baseline,
                    config.regression()));
        }
        folder.writeSummary(finalSummary);
        JUnitReport.write(finalSummary, folder.file(RunFiles.JUNIT));
        return finalSummary;
    }

    private String baseUrlOrNull() {
        return config.target().embedded() ? null : config.target().baseUrl().toString();
    }

    /**
     * At JVM exit (after Gatling wrote its HTML report, or on Ctrl-C / a crash): finish a run that did not finish,
     * copy Gatling's report into the run folder, print the summary, and make a failed verdict fail the process.
     */
    private void onJvmExit() {
        boolean interrupted = finalSummary == null;
        RunSummary summary = finish(interrupted ? "interrupted before the run finished (signal or crash); results are partial" : null);
        Path gatlingResults = GatlingReportCopier.gatlingResultsDir(config.root());
        GatlingReportCopier.findReport(gatlingResults, startedAt.toEpochMilli())
                .ifPresent(report -> GatlingReportCopier.copy(report, folder.dir()));
        String location = folder.dir().toString();
        try {
            location = Reports.writeForRun(folder.dir(), config.resultsDir()).toString();
        } catch (RuntimeException e) {
            log.warn("could not write the run's report pages (summary.json is kept): {}", e.toString());
        }
        System.out.print(ConsoleReport.render(summary, location));
        System.out.flush();
        if (summary.global() != null && RunSummary.FAIL.equals(summary.verdict())) {
            // The exact verdict decides, even where Gatling's approximate assertions passed (or a target that went
            // down left too few requests for them to fail). Runs that measured nothing keep their own exit status.
            Runtime.getRuntime().halt(EXIT_FAILURE);
        }
        if (summary.global() != null && summary.failure() == null) {
            // ... and the other way round: Gatling's t-digest p95 can exceed an SLO the exact figures meet
            Runtime.getRuntime().halt(0);
        }
    }

    private static SaleRun exit(String message) {
        System.err.println("salerush: " + message);
        System.err.flush();
        System.exit(EXIT_NOT_RUN);
        throw new IllegalStateException("unreachable");
    }
}
