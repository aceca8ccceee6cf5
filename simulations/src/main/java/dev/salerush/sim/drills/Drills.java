package dev.salerush.sim.drills;

import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.alerting.AlertingStack;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.OperationFailedException;
import dev.salerush.env.ops.OperationRunner;
import dev.salerush.env.ops.Operations;
import dev.salerush.env.process.Cleanup;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TargetKind;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.integrity.OrderLog;
import dev.salerush.sim.metrics.ExactRecorder;

import java.nio.file.Path;
import java.util.List;

/**
 * The drills of a run, wired to its parts — the one entry point a run uses: refuses missing alerting programs, starts
 * the alerting stack with the environment, the conductor with the load, and ends both with the run, returning what the
 * drills found ({@link DrillsOutcome}). Each drill step goes to the events log like a scheduled operation.
 */
public final class Drills {
    private final DrillSettings settings;
    private final AlertingStack alerting;
    private final Operations operations;
    private final EventLog events;
    private final Path eventsFile;
    private final SliMeter sli = new SliMeter();
    /** Whether the configuration accepts losing acknowledged orders in a failover (asynchronous replication). */
    private final boolean lossAccepted;
    private DrillConductor conductor;

    private Drills(DrillSettings settings, AlertingStack alerting, Operations operations, EventLog events,
                   Path eventsFile, boolean lossAccepted) {
        this.settings = settings;
        this.lossAccepted = lossAccepted;
        this.alerting = alerting;
        this.operations = operations;
        this.events = events;
        this.eventsFile = eventsFile;
    }

    /** Refuses a drill run whose alerting programs are missing, before anything is started. */
    public static void checkTools(DrillSettings settings) {
        AlertingParts.checkTools(settings.alerting());
    }

    /** Starts the alerting stack that watches {@code environment}; registered with {@code cleanup}. */
    public static Drills start(SuiteConfig config, SaleEnvironment environment, Path runDir, Path eventsFile,
                               EventLog events, Cleanup cleanup) {
        DrillSettings settings = config.drills();
        AlertingStack stack = cleanup.register("alerting", AlertingParts.start(settings.alerting(), environment,
                runDir, events));
        boolean asynchronous = config.targetKind() == TargetKind.EMBEDDED_REDUNDANT
                && !config.embedded().redundancy().synchronous();
        return new Drills(settings, stack, environment.operations().orElseThrow(), events, eventsFile, asynchronous);
    }

    /**
     * How long the target may be down before the run gives up: during a drill an outage is the point, and the abort
     * guard ends the fault, so the watch waits for that guard (and a margin) first.
     */
    public static java.time.Duration giveUpAfter(SuiteConfig config) {
        java.time.Duration guard = config.drills().abort().after().plusSeconds(30);
        java.time.Duration configured = config.target().giveUpAfter();
        return guard.compareTo(configured) > 0 ? guard : configured;
    }

    /** The load starts: the service level is measured from now on and the drills begin. */
    public void beginLoad(ExactRecorder recorder, OrderLog orders) {
        recorder.addListener(sli);
        conductor = DrillConductor.start(settings, sli, new AlertingParts.View(alerting), this::perform, events,
                eventsFile);
        orders.observe(conductor::orderAttempt);
    }

    /** A virtual user saw a failed request: counted in the impact of the drill in progress. */
    public void failedUser(long userId) {
        DrillConductor running = conductor;
        if (running != null) {
            running.failedUser(userId);
        }
    }

    /**
     * Whether a drill run may stop taking new users: its last drill has ended (a run is judged by its drills, and
     * nothing is judged after the last one). The load itself stops {@link #stopsLoad} later, once the requests in
     * flight have been answered — cutting them off would leave orders the client never heard of.
     */
    public boolean admitsNoMore() {
        DrillConductor running = conductor;
        return running != null && running.allEndedAt() != null;
    }

    /** Whether a drill run may stop its load: its last drill ended and every request in flight then is answered. */
    public boolean stopsLoad(java.time.Duration inFlight) {
        DrillConductor running = conductor;
        return admitsNoMore() && java.time.Instant.now().isAfter(running.allEndedAt().plus(inFlight));
    }

    /**
     * Ends the drills (the load has ended) and returns their results judged with the run's order integrity (null when
     * the run checked none).
     */
    public DrillsOutcome finish(IntegrityReport integrity) {
        if (conductor == null) {
            return new DrillsOutcome(List.of());
        }
        conductor.close();
        return new DrillsOutcome(conductor.results(integrity, lossAccepted));
    }

    /** The alerting stack as summary.json's environment shows it. */
    public Object describe() {
        return alerting.describe();
    }

    /** One step, recorded like every operation (name and argument; its end or why it failed). */
    private void perform(DrillSettings.DrillStep step) {
        boolean alertingStep = step.alerting() != null;
        String name = alertingStep ? step.alerting().configName() : step.operation().operation().configName();
        String argument = alertingStep ? "" : step.operation().argument();
        OperationRunner.Recorded recorded = OperationRunner.record(name, argument,
                alertingStep ? () -> perform(step.alerting()) : () -> operations.perform(step.operation().operation(),
                        argument), events);
        if (recorded.failure() != null) {
            throw new OperationFailedException(recorded.failure());
        }
    }

    private void perform(DrillSettings.AlertingStep step) {
        switch (step) {
            case STOP_ALERTMANAGER -> alerting.stopAlertmanager();
            case START_ALERTMANAGER -> alerting.startAlertmanager();
            case STOP_WEBHOOK -> alerting.stopWebhook();
            case START_WEBHOOK -> alerting.startWebhook();
        }
    }
}
