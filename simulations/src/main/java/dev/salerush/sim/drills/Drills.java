package dev.salerush.sim.drills;

import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.alerting.AlertingStack;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.OperationFailedException;
import dev.salerush.env.ops.OperationRunner;
import dev.salerush.env.ops.Operations;
import dev.salerush.env.process.Cleanup;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.config.ExternalDrills;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TargetKind;
import dev.salerush.sim.drills.external.DrillReceiver;
import dev.salerush.sim.drills.external.ExternalAlerting;
import dev.salerush.sim.drills.steps.PendingUndo;
import dev.salerush.sim.drills.steps.TeamSteps;
import dev.salerush.sim.drills.watch.AlertingView;
import dev.salerush.sim.drills.watch.OnCallLog;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.integrity.OrderLog;
import dev.salerush.sim.metrics.ExactRecorder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The drills of a run, wired to its parts — the one entry point a run uses: refuses missing alerting programs, starts
 * the alerting with the environment (the suite's own stack in the demo world, or the watch on a team's Prometheus and
 * Alertmanager, with the drill receiver), the conductor with the load, and ends both with the run, returning what the
 * drills found ({@link DrillsOutcome}). Each drill step goes to the events log like a scheduled operation.
 */
public final class Drills implements DrillActions {
    private final DrillSettings settings;
    private final AlertingView alerting;
    /** The suite's own alerting stack (embedded drills); null for a team's. */
    private final AlertingStack stack;
    private final Optional<Operations> operations;
    private final OnCallLog onCall;
    private final TeamSteps teamSteps;
    private final PendingUndo pendingUndo;
    private final String runId;
    private final EventLog events;
    private final Path eventsFile;
    private final SliMeter sli = new SliMeter();
    /** Whether the configuration accepts losing acknowledged orders in a failover (asynchronous replication). */
    private final boolean lossAccepted;
    private DrillConductor conductor;

    private Drills(DrillSettings settings, AlertingView alerting, AlertingStack stack, SaleEnvironment environment,
                   OnCallLog onCall, TeamSteps teamSteps, PendingUndo pendingUndo, String runId, EventLog events,
                   Path eventsFile, boolean lossAccepted) {
        this.settings = settings;
        this.lossAccepted = lossAccepted;
        this.alerting = alerting;
        this.stack = stack;
        this.operations = environment.operations();
        this.onCall = onCall;
        this.teamSteps = teamSteps;
        this.pendingUndo = pendingUndo;
        this.runId = runId;
        this.events = events;
        this.eventsFile = eventsFile;
    }

    /** Refuses a drill run whose alerting programs are missing, before anything is started (embedded drills). */
    public static void checkTools(DrillSettings settings) {
        if (!settings.isExternal()) {
            AlertingParts.checkTools(settings.alerting());
        }
    }

    /**
     * What the checks before any fault found ({@link Preflight}).
     *
     * @param lines    to print: what earlier runs were killed before undoing, warnings, and (when it passed) the plan
     * @param problems each one line; any refuses the drills
     */
    public record Checked(List<String> lines, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** The checks before any fault, and the undo steps earlier runs were killed before running. Injects nothing. */
    public static Checked preflight(SuiteConfig config) {
        List<String> lines = new ArrayList<>();
        new PendingUndo(config.resultsDir()).neverRan().forEach(line -> lines.add("WARNING: " + line));
        Preflight.Report report = Preflight.check(config.drills());
        report.warnings().forEach(line -> lines.add("WARNING: " + line));
        if (report.passed()) {
            lines.add("preflight passed; the plan:");
            report.plan().forEach(line -> lines.add("  " + line));
        }
        return new Checked(List.copyOf(lines), report.problems());
    }

    /**
     * Starts what watches the drills of {@code environment}: the drill receiver when a team's Alertmanager or a person
     * on call posts to it, and the suite's alerting stack or the watch on the team's; all registered with
     * {@code cleanup}.
     */
    public static Drills start(SuiteConfig config, SaleEnvironment environment, String runId, Path runDir,
                               Path eventsFile, EventLog events, Cleanup cleanup) {
        DrillSettings settings = config.drills();
        ExternalDrills external = settings.external();
        DrillReceiver receiver = settings.needsReceiver() ? cleanup.register("drill receiver",
                DrillReceiver.start(external.receiverAddress(), external.receiverPort(), events)) : null;
        AlertingStack stack = null;
        AlertingView view;
        if (settings.isExternal()) {
            view = cleanup.register("team alerting watch", ExternalAlerting.start(external, receiver, events));
        } else {
            stack = cleanup.register("alerting", AlertingParts.start(settings.alerting(),
                    AlertingParts.notice(config.report(), settings.severity()), environment, runDir, events));
            view = new AlertingParts.View(stack, settings.alerting());
        }
        TeamSteps teamSteps = cleanup.register("drill steps", new TeamSteps(events));
        // without a standby nothing is failed over to: a restart in place loses no acknowledged order (fsync on)
        boolean asynchronous = config.targetKind() == TargetKind.EMBEDDED_REDUNDANT
                && config.embedded().redundancy().standby() && !config.embedded().redundancy().synchronous();
        return new Drills(settings, view, stack, environment, receiver == null ? OnCallLog.NONE : receiver, teamSteps,
                new PendingUndo(config.resultsDir()), runId, events, eventsFile, asynchronous);
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
        conductor = DrillConductor.start(settings, sli, alerting, this, onCall, events, eventsFile);
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

    /** The alerting as summary.json's environment shows it: the suite's stack, or the team's it watched. */
    public Object describe() {
        if (stack != null) {
            return stack.describe();
        }
        ExternalDrills external = settings.external();
        AlertingView.Timing timing = alerting.timing();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("environment", "external");
        d.put("prometheus", external.prometheusUrl().toString());
        d.put("alertmanager", external.alertmanagerUrl().map(Object::toString).orElse(null));
        d.put("receiverPort", external.receiverPort());
        d.put("receiverRouted", timing.receiverRouted());
        d.put("scrapeInterval", Objects.toString(timing.scrapeInterval(), null));
        d.put("evaluationInterval", Objects.toString(timing.evaluationInterval(), null));
        d.put("groupWait", Objects.toString(timing.groupWait(), null));
        d.put("headers", external.headers().keySet());
        return d;
    }

    /** One step, recorded like every operation (name and argument; its end or why it failed). */
    @Override
    public void perform(DrillSettings.DrillStep step) {
        if (TeamSteps.performs(step)) {
            teamSteps.perform(step);
            return;
        }
        boolean alertingStep = step.alerting() != null;
        String name = alertingStep ? step.alerting().configName() : step.operation().operation().configName();
        String argument = alertingStep ? "" : step.operation().argument();
        OperationRunner.Recorded recorded = OperationRunner.record(name, argument,
                alertingStep ? () -> perform(step.alerting()) : () -> operations.orElseThrow().perform(
                        step.operation().operation(), argument), events);
        if (recorded.failure() != null) {
            throw new OperationFailedException(recorded.failure());
        }
    }

    @Override
    public void stopRunning() {
        teamSteps.stopRunning();
    }

    @Override
    public Runnable oweUndo(DrillSettings.DrillSpec spec) {
        Path owed = pendingUndo.owe(runId, spec.name(), spec.undo().stream().map(Object::toString).toList());
        return () -> pendingUndo.ran(owed);
    }

    private void perform(DrillSettings.AlertingStep step) {
        switch (step) {
            case STOP_ALERTMANAGER -> stack.stopAlertmanager();
            case START_ALERTMANAGER -> stack.startAlertmanager();
            case STOP_WEBHOOK -> stack.stopWebhook();
            case START_WEBHOOK -> stack.startWebhook();
        }
    }
}
