package dev.salerush.sim.run;

import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.embedded.EmbeddedSaleEnvironment;
import dev.salerush.env.embedded.RedundantSaleEnvironment;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.OperationRunner;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.ExternalTarget;
import dev.salerush.env.RunLogs;
import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.TargetWatch;
import dev.salerush.env.Urls;
import dev.salerush.env.process.Cleanup;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.Profile;
import dev.salerush.sim.config.Stairs;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TargetSettings;
import dev.salerush.sim.drills.Drills;
import dev.salerush.sim.drills.DrillsOutcome;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.integrity.OrderIntegrity;
import dev.salerush.sim.integrity.OrderLog;
import dev.salerush.sim.journeys.TargetIds;
import dev.salerush.sim.journeys.TeamIds;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.StallDetector;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.regression.Baseline;
import dev.salerush.sim.regression.RegressionGate;
import dev.salerush.sim.report.JUnitReport;
import dev.salerush.sim.report.Reports;
import dev.salerush.sim.report.incident.IncidentPages;
import dev.salerush.sim.report.incident.ReportLocale;
import dev.salerush.sim.results.BaselineFinder;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunFolder;
import dev.salerush.sim.results.RunStatus;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.server.ServerMetricsScraper;
import dev.salerush.sim.shard.ShardClock;
import dev.salerush.sim.shard.ShardContract;
import dev.salerush.sim.shard.ShardInfo;
import dev.salerush.sim.shard.ShardSettings;
import dev.salerush.sim.shard.ShardVersions;
import dev.salerush.sim.stress.StressController;
import dev.salerush.sim.stress.StressPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One run of the suite, from validated configuration to results: creates the run folder, starts (or checks) the
 * target, records exact metrics while Gatling sends load, then judges the SLOs and writes summary.json. Whatever
 * happens — success, failed SLO, failed start, Ctrl-C — everything it started is stopped and the run folder says what
 * happened. It only orchestrates: the process's exit status and console output are {@link RunExit}'s.
 */
public final class SaleRun {
    private static final Logger log = LoggerFactory.getLogger(SaleRun.class);

    private final SuiteConfig config;
    private final Profile profile;
    private final String simulation;
    /** Whether the simulation drives the demo shop's journeys, whose orders the suite knows how to check. */
    private final boolean shopJourneys;
    private final RunFolder folder;
    private final Cleanup cleanup = new Cleanup();
    private final Instant startedAt = Instant.now();
    private SaleEnvironment environment;
    private ExactRecorder recorder;
    private StallDetector stalls;
    private ServerMetricsScraper serverMetrics;
    // read by Gatling's threads for every arriving user: volatile, no lock
    private volatile StressController stress;
    private StressPlan stressPlan;
    private volatile TargetWatch targetWatch;
    /** Order integrity of a journey that places orders; null for browsing. */
    private OrderIntegrity integrity;
    private TargetIds targetIds;
    /** A team simulation's ids sampled from its database (ids.queries), before the load. */
    private TeamIds teamIds = TeamIds.none();
    private final InjectorHealth injectorHealth = new InjectorHealth();
    private volatile RunSummary finalSummary;
    private final EventLog events;
    private OperationRunner operations;
    /** The run's drills and their alerting stack; null when the run has none. */
    private volatile Drills drills;
    /** What the drills found; null until the run finished, and for a run without drills. */
    private DrillsOutcome drillsOutcome;
    /** Which shard of a sharded run this is ({@link ShardSettings#SINGLE} when not sharded). */
    private final ShardSettings shard;
    private final ShardClock shardClock;
    /** Set when the JVM is closing the run before it finished (SIGTERM, Ctrl-C). */
    private volatile boolean terminated;

    private SaleRun(SuiteConfig config, String simulation, boolean shopJourneys, ShardSettings shard) {
        this.config = config;
        this.profile = config.profile();
        this.simulation = simulation;
        this.shopJourneys = shopJourneys;
        this.shard = shard;
        this.shardClock = new ShardClock(shard);
        this.folder = shard.sharded()
                ? RunFolder.forShard(config.resultsDir(), shard.runId(), ShardContract.SHARD_FOLDER_PREFIX + shard.index())
                : RunFolder.create(config.resultsDir(), profile.name(), LocalDateTime.now());
        this.events = EventLog.open(folder.file(RunFiles.EVENTS));
    }

    /** A new run of the named simulation: its run folder exists, nothing is started yet (see {@link #startTarget()}). */
    public static SaleRun create(SuiteConfig config, String simulation) {
        return create(config, simulation, true, ShardSettings.SINGLE);
    }

    /**
     * As {@link #create(SuiteConfig, String)}; {@code shopJourneys} false for a team's simulation, whose orders the
     * suite cannot read (its summary's integrity section says it was skipped and why); {@code shard} for one shard of
     * a sharded run, whose folder is {@code <runId>/shard-<i>} ({@link ShardSettings#SINGLE} when not sharded).
     */
    public static SaleRun create(SuiteConfig config, String simulation, boolean shopJourneys, ShardSettings shard) {
        return new SaleRun(config, simulation, shopJourneys, shard);
    }

    /** Which shard this run is ({@link ShardSettings#SINGLE} when not sharded). */
    public ShardSettings shard() {
        return shard;
    }

    /** The shard's timing: common start, Gatling's own start, skew (inactive when not sharded). */
    public ShardClock shardClock() {
        return shardClock;
    }

    /**
     * Starts (or checks) the target. One that cannot be reached or started throws {@link EnvironmentError} (or
     * {@link ConfigError}) after the run folder got a partial summary saying why and everything started so far was
     * stopped — before any load is sent.
     */
    public void startTarget() {
        try {
            startParts();
        } catch (ConfigError | EnvironmentError e) {
            finish("could not start the run: " + e.getMessage());
            throw e;
        }
    }

    private void startParts() {
        log.info("run {} — profile '{}': {}", folder.runId(), profile.name(), profile.description());
        log.info(config.plan().describe());
        TargetSettings target = config.target();
        RunLogs logs = new RunLogs(folder.file(RunFiles.SHOP_LOG), folder.file(RunFiles.GATEWAY_LOG));
        if (config.drills().active()) {
            Drills.checkTools(config.drills());
        }
        if (target.embedded() && config.embedded().topology() == EmbeddedSettings.Topology.REDUNDANT) {
            environment = RedundantSaleEnvironment.start(config.embedded(), config.dataset(), logs, cleanup, events);
        } else if (target.embedded()) {
            environment = EmbeddedSaleEnvironment.start(config.embedded(), config.database(), config.dataset(), logs,
                    cleanup);
        } else {
            environment = cleanup.register("external target", ExternalTarget.connect(target.baseUrl(),
                    target.healthPath(), target.healthTimeout(), config.database()));
        }
        log.info("target ready at {}", environment.baseUrl());
        teamIds = TeamIds.sample(config.database(), config.simulation().queries());
        if (shopJourneys && OrderIntegrity.placesOrders(profile.journey()) && shard.sharded()) {
            // one shard sees the orders of all shards in the database, but only its own in its order log
            log.info("shard {} of {}: the order-integrity checks are not run per shard", shard.index(), shard.count());
        } else if (shopJourneys && OrderIntegrity.placesOrders(profile.journey())) {
            integrity = OrderIntegrity.forRun(config, environment, folder.dir());
        }
        if (config.drills().active()) {
            drills = Drills.start(config, environment, folder.dir(), folder.file(RunFiles.EVENTS), events,
                    cleanup);
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

    /** A team simulation's ids, sampled once with its {@code ids.queries} before the load. */
    public TeamIds teamIds() {
        return teamIds;
    }

    /**
     * Where a team simulation's order attempts are recorded ({@code SalerushSimulation.orderAttempt}): the first call
     * turns order integrity on for the run, read with {@code integrity.queries}. Called while the simulation builds
     * its journey, before the load (the snapshot before it is taken in {@link #startRecording(double)}).
     */
    public synchronized OrderLog teamOrderLog() {
        if (shopJourneys) {
            throw new IllegalStateException("the built-in sale records its orders through its own journeys");
        }
        if (shard.sharded()) {
            return OrderLog.discard(); // not checked per shard, as for the built-in journeys (see startParts)
        }
        if (integrity == null) {
            integrity = OrderIntegrity.forTeamRun(config, environment, folder.dir(), simulation);
        }
        return integrity.orderLog();
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
                // a team's run has no hot items: its data is only read
                integrity.beforeLoad(shopJourneys ? targetIds().hotProductIds() : new long[0]);
            }
            recorder = ExactRecorder.start(folder.file(RunFiles.LATENCY_LOG));
            recorder.addListener(injectorHealth);
            stalls = StallDetector.start(folder.file(RunFiles.STALL_LOG), config.injector().stallPeriod(),
                    config.injector().stallBound());
            serverMetrics = ServerMetricsWiring.start(config, environment, folder.file(RunFiles.SERVER_METRICS));
            targetWatch = TargetWatch.start(URI.create(Urls.join(environment.baseUrl().toString(),
                    config.target().healthPath())), drills == null ? config.target().giveUpAfter()
                    : Drills.giveUpAfter(config));
            if (drills != null) {
                drills.beginLoad(recorder, orderLog());
            }
            if (!config.operations().isEmpty()) {
                // registered last: closed first, before the environment it operates on
                operations = cleanup.register("operations", OperationRunner.start(config.operations(),
                        environment.operations().orElseThrow(), events));
            }
            if (profile.stairs() != null) {
                // the cores this JVM may run on (the JVM honours CPU affinity and container limits)
                // a shard's controller expects and judges its own share of every step
                StressPlan planned = stressPlan(requestsPerUser);
                stress = new StressController(shard.sharded() ? planned.share(1.0 / shard.count()) : planned,
                        profile.slos(),
                        (shard.sharded() ? shard.startAtMs() : System.currentTimeMillis()) + profile.warmup().toMillis(),
                        Runtime.getRuntime().availableProcessors(), config.injector().stallBound().toNanos() / 1e6);
                stalls.addListener(stress);
                recorder.addListener(stress);
            }
        }
        return recorder;
    }

    /**
     * The staircase this run may offer, planned once for a journey of {@code requestsPerUser} (the injection and the
     * controller must see the same plan); null when the profile is not a staircase.
     */
    public synchronized StressPlan stressPlan(double requestsPerUser) {
        if (stressPlan == null && profile.stairs() != null) {
            // shards cannot probe together: a sharded staircase stops all shards at its first sustained breach
            Stairs stairs = shard.sharded() ? profile.stairs().withoutRefinement() : profile.stairs();
            stressPlan = StressPlan.of(stairs, config.plan().peakRps(), requestsPerUser);
            log.info("staircase: {} steps up to {} rps offered, then up to {} s for probes; ends at {}",
                    stressPlan.steps().size(), Math.round(stressPlan.steps().get(stressPlan.steps().size() - 1)
                            .offeredRps()), stressPlan.probeTail().toSeconds(), stressPlan.bound());
        }
        return stressPlan;
    }

    /** Whether an arriving virtual user may start its journey (a staircase's probe lets only some through). */
    public boolean admit() {
        Drills drilling = drills;
        if (drilling != null && drilling.admitsNoMore()) {
            return false;
        }
        StressController staircase = stress;
        return staircase == null || staircase.admit();
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
        Drills drilling = drills;
        // a user's journey (think times included) ends well within a request timeout plus a few seconds
        if (drilling != null && drilling.stopsLoad(config.target().requestTimeout().plusSeconds(5))) {
            return "the drill has ended";
        }
        StressController staircase = stress;
        return staircase == null ? null : staircase.stopReason();
    }

    /** A virtual user saw a failed request (counted in the impact of a drill in progress). */
    public void failedUser(long userId) {
        Drills drilling = drills;
        if (drilling != null) {
            drilling.failedUser(userId);
        }
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
        StallDetector.Totals stallTotals = null;
        if (stalls != null) {
            // first: its last interval reaches the stress controller before the recorder's last one
            stalls.close();
            stallTotals = stalls.totals();
        }
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
        IntegrityReport integrityReport = integrity != null ? integrity.afterLoad(failure == null && recorded != null)
                : shard.sharded() && (!shopJourneys || OrderIntegrity.placesOrders(profile.journey()))
                ? IntegrityReport.skipped("not checked per shard: a shard's order log holds only its own attempts")
                : shopJourneys ? null : IntegrityReport.skipped(simulation + " records no order attempts: a team"
                        + " simulation calls orderAttempt(...) after its order request to have its orders checked with"
                        + " integrity.queries (docs/team-simulation.md)");
        if (drills != null) {
            drillsOutcome = drills.finish(integrityReport);
        }
        List<OperationRunner.Outcome> performed = operations == null ? List.of() : finishOperations();
        // while the parts still run: which instances are alive at the end is a result too
        Map<String, Object> environmentFacts = environment == null ? Map.of() : describeEnvironment(performed);
        cleanup.close();
        events.close();
        RunJudge.Judgement judgement = RunJudge.judge(profile, config.plan(), recorded, stress, serverMetrics, failure);
        boolean passed = judgement.passed() && IntegrityReport.allowsPass(integrityReport)
                && (drillsOutcome == null || drillsOutcome.passed());
        finalSummary = RunSummary.builder().runId(folder.runId()).simulation(simulation).profile(profile.name())
                .startedAt(startedAt.toString()).endedAt(Instant.now().toString()).status(RunStatus.of(failure == null))
                .verdict(Verdict.of(passed)).failure(failure)
                .target(new RunSummary.Target(environment == null ? baseUrlOrNull() : environment.baseUrl().toString()))
                .embedded(config.target().embedded()).plan(config.plan())
                .global(recorded == null ? null : recorded.global())
                .requests(recorded == null ? Map.of() : recorded.requests())
                .slo(judgement.slos()).environment(environmentFacts).stress(judgement.stress())
                .server(serverMetrics == null || recorded == null ? null
                        : serverMetrics.aggregate(recorded.startMillis(), recorded.endMillis()))
                .serverProblems(serverMetrics == null ? null : serverMetrics.problems())
                .injector(recorded == null ? null : injectorHealth.figures(stallTotals)).integrity(integrityReport)
                .drills(drillsOutcome == null ? null : drillsOutcome.json()).build();
        // a drill breaks its service level on purpose: its figures are no baseline and have none
        if (recorded != null && failure == null && config.regression().enabled() && drills == null
                && !shard.sharded()) {
            Baseline.Lookup baseline = BaselineFinder.find(finalSummary, config.resultsDir(), config.regression());
            finalSummary = finalSummary.withRegression(RegressionGate.judge(finalSummary.figures(), baseline,
                    config.regression()));
        }
        if (shard.sharded()) {
            finalSummary = finalSummary.withShard(shardInfo(finalSummary, recorded, failure));
        }
        folder.writeSummary(finalSummary);
        JUnitReport.write(finalSummary, folder.file(RunFiles.JUNIT));
        if (drillsOutcome != null && !drillsOutcome.results().isEmpty()) {
            writeIncidentReports();
        }
        return finalSummary;
    }

    /**
     * What this shard says of itself: why it ended and the exit code it ends with. A shard that completed its share
     * exits 0 whatever its own SLO verdict: the verdict belongs to the merged run, and any other exit fails a Job with
     * {@code backoffLimit: 0}, which would stop the siblings. A sustained SLO breach of a staircase stops them on
     * purpose (exit 42); a run closed by a signal was terminated; a failed one exits as a single run would.
     */
    private ShardInfo shardInfo(RunSummary summary, RecordedRun recorded, String failure) {
        boolean stopSiblings = failure == null && stress != null && stress.ending() == StressController.Ending.BREACH;
        String reason = stopSiblings ? "stop-siblings" : terminated ? "terminated" : failure != null ? "failed"
                : "completed";
        int exitCode = stopSiblings ? ShardContract.EXIT_STOP_SIBLINGS
                : failure == null && !terminated ? 0
                : RunExit.status(summary).orElse(RunExit.EXIT_NOT_RUN);
        double seconds = recorded == null ? 0 : (recorded.endMillis() - recorded.startMillis()) / 1000.0;
        double sentRps = recorded == null || seconds <= 0 ? 0 : recorded.global().count() / seconds;
        return new ShardInfo(shard.index(), shard.count(), shard.runId(), shard.startAtMs(),
                shardClock.firstMeasuredMillis(), shardClock.startSkewMillis(profile.warmup()), sentRps, exitCode, reason,
                ShardVersions.current());
    }

    /** The incident report of every drill (and the SPOF table of a game day); a failure here keeps the summary. */
    private void writeIncidentReports() {
        try {
            IncidentPages.write(folder.dir(), folder.runId(), drillsOutcome.results(), ReportLocale.parse(config.reportLocale()));
        } catch (RuntimeException e) {
            log.warn("could not write the incident reports (summary.json keeps the drills): {}", e.toString());
        }
    }

    /** Waits for operations still running (none starts any more) and returns what each did. */
    private List<OperationRunner.Outcome> finishOperations() {
        operations.close();
        return operations.outcomes();
    }

    /** The environment as summary.json shows it, with the operations performed during the run. */
    private Map<String, Object> describeEnvironment(List<OperationRunner.Outcome> performed) {
        Map<String, Object> described = new java.util.LinkedHashMap<>(environment.describe());
        if (drills != null) {
            described.put("alerting", drills.describe());
        }
        if (!config.operations().isEmpty()) {
            described.put("operations", performed.stream().map(outcome -> {
                Map<String, Object> operation = new java.util.LinkedHashMap<>();
                operation.put("name", outcome.scheduled().operation().configName());
                operation.put("argument", outcome.scheduled().argument());
                operation.put("startedAt", outcome.startedAt().toString());
                operation.put("endedAt", outcome.endedAt().toString());
                operation.put("succeeded", outcome.succeeded());
                if (!outcome.succeeded()) {
                    operation.put("failure", outcome.failure());
                }
                return operation;
            }).toList());
        }
        return described;
    }

    private String baseUrlOrNull() {
        return config.target().embedded() ? null : config.target().baseUrl().toString();
    }

    /**
     * Closes the run at JVM exit (after Gatling wrote its HTML report, or on Ctrl-C / a crash): finishes a run that did
     * not finish, copies Gatling's report into the run folder and writes the report pages. Returns the summary and
     * where the pages are, for {@link RunExit} to print and to turn into the exit status.
     */
    Closed close() {
        boolean interrupted = finalSummary == null;
        terminated = interrupted;
        RunSummary summary = finish(interrupted ? "interrupted before the run finished (signal or crash); results are partial" : null);
        Path gatlingResults = GatlingReportCopier.gatlingResultsDir(config.root());
        GatlingReportCopier.findReport(gatlingResults, startedAt.toEpochMilli())
                .ifPresent(report -> GatlingReportCopier.copy(report, folder.dir()));
        String location = folder.dir().toString();
        try {
            location = (shard.sharded() ? Reports.writeRunPagesOnly(folder.dir())
                    : Reports.writeForRun(folder.dir(), config.resultsDir())).toString();
        } catch (RuntimeException e) {
            log.warn("could not write the run's report pages (summary.json is kept): {}", e.toString());
        }
        return new Closed(summary, location);
    }

    /** A closed run: its summary and where its report pages are. */
    record Closed(RunSummary summary, String location) {
    }
}
