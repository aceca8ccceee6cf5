package dev.salerush.sim.run;

import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.OperationRunner;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.process.Cleanup;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.Profile;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.drills.Drills;
import dev.salerush.sim.drills.DrillsOutcome;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.integrity.OrderLog;
import dev.salerush.sim.journeys.TargetIds;
import dev.salerush.sim.journeys.TeamIds;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunFolder;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.shard.ShardClock;
import dev.salerush.sim.shard.ShardContract;
import dev.salerush.sim.shard.ShardSettings;
import dev.salerush.sim.stress.StressController;
import dev.salerush.sim.stress.StressPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private final RunFolder folder;
    private final Cleanup cleanup = new Cleanup();
    private final Instant startedAt = Instant.now();
    private SaleEnvironment environment;
    /** Started with the load; read by Gatling's threads (is the target down?): volatile, no lock. */
    private volatile Recording recording;
    // read by Gatling's threads for every arriving user: volatile, no lock
    private volatile StressController stress;
    private StressPlan stressPlan;
    private final OrderChecks orders;
    private final LoadGate gate;
    private TargetIds targetIds;
    /** A team simulation's ids sampled from its database (ids.queries), before the load. */
    private TeamIds teamIds = TeamIds.none();
    private volatile RunSummary finalSummary;
    private final EventLog events;
    private OperationRunner operations;
    /** The run's drills and their alerting stack; null when the run has none. */
    private volatile Drills drills;
    /** Which shard of a sharded run this is ({@link ShardSettings#SINGLE} when not sharded). */
    private final ShardSettings shard;
    private final ShardClock shardClock;
    /** Set when the JVM is closing the run before it finished (SIGTERM, Ctrl-C). */
    private volatile boolean terminated;

    private SaleRun(SuiteConfig config, String simulation, boolean shopJourneys, ShardSettings shard) {
        this.config = config;
        this.profile = config.profile();
        this.simulation = simulation;
        this.shard = shard;
        this.shardClock = new ShardClock(shard);
        String namedByLauncher = System.getProperty(RunFolder.RUN_ID_PROPERTY, "").trim();
        this.folder = shard.sharded()
                ? RunFolder.forShard(config.resultsDir(), shard.runId(), ShardContract.SHARD_FOLDER_PREFIX + shard.index())
                : !namedByLauncher.isEmpty() ? RunFolder.named(config.resultsDir(), namedByLauncher)
                : RunFolder.create(config.resultsDir(), profile.name(), LocalDateTime.now());
        if (!shard.sharded()) {
            // a shard's plan is its run's, which the launcher writes into the run's folder
            RunReports.writePlan(config, folder, simulation, shopJourneys);
        }
        this.events = EventLog.open(folder.file(RunFiles.EVENTS));
        this.orders = new OrderChecks(config, simulation, shopJourneys, shard, folder.dir());
        this.gate = new LoadGate(() -> recording, () -> drills, () -> stress, config.target().requestTimeout());
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
        if (config.drills().active()) {
            Drills.checkTools(config.drills());
        }
        environment = Targets.start(config, folder, cleanup, events);
        log.info("target ready at {}", environment.baseUrl());
        teamIds = TeamIds.sample(config.database(), config.simulation().queries());
        orders.targetReady(environment);
        if (config.drills().active()) {
            drills = Drills.start(config, environment, folder.runId(), folder.dir(), folder.file(RunFiles.EVENTS), events,
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
    public OrderLog teamOrderLog() {
        return orders.teamOrderLog(environment);
    }

    /** Where ordering virtual users record what they saw of each order attempt. */
    public OrderLog orderLog() {
        return orders.orderLog();
    }

    /**
     * Called from the simulation's before(): recording — client figures, server metrics and, for a staircase, the
     * stress controller — starts when load starts. {@code requestsPerUser} is the simulation's mean requests per
     * virtual user, which turns a step's arriving users into offered rps.
     */
    public synchronized ExactRecorder startRecording(double requestsPerUser) {
        if (recording == null) {
            orders.beforeLoad(() -> targetIds().hotProductIds());
            recording = Recording.start(config, environment, folder, drills == null ? config.target().giveUpAfter()
                    : Drills.giveUpAfter(config));
            if (drills != null) {
                drills.beginLoad(recording.recorder(), orderLog());
            }
            if (!config.operations().isEmpty()) {
                // registered last: closed first, before the environment it operates on
                operations = cleanup.register("operations", OperationRunner.start(config.operations(),
                        environment.operations().orElseThrow(), events));
            }
            if (profile.stairs() != null) {
                stress = Staircase.controller(config, shard, stressPlan(requestsPerUser));
                recording.feed(stress);
            }
        }
        return recording.recorder();
    }

    /**
     * The staircase this run may offer, planned once for a journey of {@code requestsPerUser} (the injection and the
     * controller must see the same plan); null when the profile is not a staircase.
     */
    public synchronized StressPlan stressPlan(double requestsPerUser) {
        if (stressPlan == null && profile.stairs() != null) {
            stressPlan = Staircase.plan(config, shard, requestsPerUser);
        }
        return stressPlan;
    }

    /** Whether an arriving virtual user may start its journey (a staircase's probe lets only some through). */
    public boolean admit() {
        return gate.admit();
    }

    /** Whether no new virtual user should start: the target is down, or a staircase has found its breaking point. */
    public boolean shouldStop() {
        return gate.stopReason() != null;
    }

    /** Why the load should stop, or null while it should go on. */
    public String stopReason() {
        return gate.stopReason();
    }

    /** A virtual user saw a failed request (counted in the impact of a drill in progress). */
    public void failedUser(long userId) {
        gate.failedUser(userId);
    }

    /** Why the load phase failed (the target went down), or null when it ran as planned. */
    public String loadFailure() {
        return gate.loadFailure();
    }

    /**
     * Ends the run: stops recording and the environment, judges the SLOs and writes summary.json.
     * {@code failure} is null for a run that completed its load phase. Idempotent: the first call wins.
     */
    public synchronized RunSummary finish(String failure) {
        if (finalSummary != null) {
            return finalSummary;
        }
        Recording.Stopped stopped = recording == null ? Recording.Stopped.NOTHING : recording.stop();
        // checked while the target still runs
        IntegrityReport integrityReport = orders.afterLoad(failure == null && stopped.recorded() != null);
        DrillsOutcome drillsOutcome = drills == null ? null : drills.finish(integrityReport);
        List<OperationRunner.Outcome> performed = operations == null ? List.of() : finishOperations();
        // while the parts still run: which instances are alive at the end is a result too
        Map<String, Object> environmentFacts = environment == null ? Map.of()
                : EnvironmentDescription.of(environment, drills, config.operations().isEmpty() ? null : performed);
        cleanup.close();
        events.close();
        finalSummary = new SummaryAssembly(config, folder.runId(), simulation, startedAt)
                .environment(environment, environmentFacts).recorded(stopped)
                .judged(RunJudge.judge(profile, config.plan(), stopped.recorded(), stress, stopped.serverMetrics(),
                        failure))
                .integrity(integrityReport).drills(drillsOutcome)
                // a drill breaks its service level on purpose: its figures are no baseline and have none
                .assemble(failure, drills == null && !shard.sharded());
        if (shard.sharded()) {
            finalSummary = finalSummary.withShard(ShardEnding.of(shard, shardClock, profile.warmup(), finalSummary,
                    stopped.recorded(), stress, failure, terminated));
        }
        folder.writeSummary(finalSummary);
        RunReports.writeFinished(config, folder, finalSummary, drillsOutcome);
        return finalSummary;
    }

    /** Waits for operations still running (none starts any more) and returns what each did. */
    private List<OperationRunner.Outcome> finishOperations() {
        operations.close();
        return operations.outcomes();
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
        return new Closed(summary, RunReports.writeClosed(config, folder, shard.sharded(), startedAt));
    }

    /** A closed run: its summary and where its report pages are. */
    record Closed(RunSummary summary, String location) {
    }
}
