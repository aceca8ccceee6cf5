package dev.salerush.sim.drills;

import dev.salerush.env.events.EventLog;
import dev.salerush.sim.config.DrillSettings.DrillSpec;
import dev.salerush.sim.config.DrillSettings.DrillStep;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.drills.watch.AlertingView;
import dev.salerush.sim.drills.watch.OnCallLog;

import dev.salerush.env.events.Event;
import dev.salerush.env.events.EventKinds;
import dev.salerush.env.ops.Operation;
import dev.salerush.env.redundant.ShopFleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One drill after its fault: watches for detection, the notice and the pager's heartbeat, lets the responder take the
 * first action once the notice has been read, and decides when the service has recovered and the drill has ended.
 * {@link #advance(Instant)} is called a few times a second. The fault's steps and the first action each run on a
 * thread of their own, so neither watching nor the responder waits for a fault that lasts (a held lock): the first
 * action comes {@code responder.delay} after the notice whatever the fault is doing, and may end it
 * ({@code release-locks}). A fault that ended before any first action — its held step ran out, or the service level
 * came back by itself — is recorded as self-healed: the drill then proved nothing about the response. With a person
 * on call ({@code responderMode = human}) the suite performs nothing: the first action is what the person recorded
 * on the receiver. Whatever ends the drill — recovery, the abort guard, {@code maxDuration}, the end of the load — its
 * undo steps run.
 */
final class DrillTrack {
    static final String EVENT_KIND_PREFIX = "drill.";

    private final DrillSpec spec;
    private final DrillSettings settings;
    private final SliMeter sli;
    private final AlertingView alerting;
    private final DrillActions actions;
    private final OnCallLog onCall;
    private final EventLog events;
    private final ExecutorService faultSteps;
    private final ExecutorService actionSteps;
    private final RecoveryHold hold;
    final ImpactWindow window;
    /** When the fault's first step started. */
    final Instant faultStartedAt;
    /**
     * T0 (발생): when the fault took effect — for a rolling deploy, its first instance of the new version UP at the
     * load balancer (until then the old version serves); otherwise the start of the fault. Null until then.
     */
    volatile Instant injectedAt;
    private final Consumer<Event> takesEffect;

    Instant detectedAt;
    String detectedBy;
    Instant pagerSilentAt;
    Instant notifiedAt;
    volatile Instant firstActionAt;
    private volatile Instant firstActionDoneAt;
    private volatile Instant faultDoneAt;
    /** When a held fault step ran out before any first action: the fault's own end. */
    private volatile Instant faultEndedItselfAt;
    /** When the service level came back by itself, before any first action (the first hold after the impact). */
    private Instant serviceBackAt;
    /** Why the fault ended without the responder (it ran out, or the service came back by itself); null otherwise. */
    volatile String selfHealed;
    volatile String stepFailure;
    Instant recoveredAt;
    Instant endedAt;
    String abortReason;
    /** Why an undo step failed; null when every one succeeded (or the drill has none). */
    volatile String undoFailure;
    /** When the person on call acknowledged (human responder); null otherwise. */
    Instant ackedAt;
    /** What the person on call said they did first (human responder); null otherwise. */
    volatile String recordedAction;
    private boolean actionQueued;
    private final Runnable undoRan;
    /** The drill is ending: no step starts any more (a step already running finishes, or is stopped). */
    private volatile boolean ending;

    DrillTrack(DrillSpec spec, DrillSettings settings, SliMeter sli, AlertingView alerting, DrillActions actions,
               OnCallLog onCall, EventLog events, Instant faultStartedAt) {
        this.spec = spec;
        this.settings = settings;
        this.sli = sli;
        this.alerting = alerting;
        this.actions = actions;
        this.onCall = onCall;
        this.events = events;
        this.faultStartedAt = faultStartedAt;
        this.window = new ImpactWindow(settings.tolerance());
        this.hold = new RecoveryHold(settings);
        boolean deploys = spec.fault().stream().anyMatch(step -> step.operation() != null
                && step.operation().operation() == Operation.ROLLING_DEPLOY);
        this.takesEffect = event -> {
            if (injectedAt == null && EventKinds.OPERATION_STEP.equals(event.kind())
                    && ShopFleet.UP_AT_LOAD_BALANCER.equals(event.detail())) {
                tookEffect(event.at());
                record("took-effect", event.source() + " serves the new version");
            }
        };
        if (!deploys) {
            tookEffect(faultStartedAt);
        }
        events.addListener(takesEffect);
        this.faultSteps = stepThread("fault");
        this.actionSteps = stepThread("action");
        this.undoRan = spec.undo().isEmpty() ? () -> { } : actions.oweUndo(spec);
        record("fault", "injecting " + spec.fault());
        faultSteps.execute(() -> {
            perform(spec.fault(), true);
            faultDoneAt = Instant.now();
        });
    }

    private ExecutorService stepThread(String role) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "salerush-drill-" + spec.name() + "-" + role);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** T0: the impact is measured from here. */
    private synchronized void tookEffect(Instant at) {
        if (injectedAt == null) {
            injectedAt = at;
            sli.openWindow(window);
        }
    }

    DrillSpec spec() {
        return spec;
    }

    /** Moves the drill on to {@code now}; returns true once it has ended. */
    boolean advance(Instant now) {
        if (endedAt != null) {
            return true;
        }
        if (now.isAfter(faultStartedAt.plus(settings.maxDuration()))) {
            end(now, "not ended " + settings.maxDuration().toSeconds() + " s after the fault (drills.maxDuration)");
            return true;
        }
        if (injectedAt == null) {
            if (faultDoneAt == null) {
                return false;
            }
            // the fault's steps ended without taking effect (a step failed): T0 is their start
            tookEffect(faultStartedAt);
        }
        // one snapshot of the alerting stack per tick: every decision of the tick sees the same state
        Seen seen = new Seen(alerting.alertHistory(), alerting.notices(), alerting.lastHeartbeat());
        watchDetection(now, seen);
        respond(now);
        guard(now);
        if (endedAt != null) {
            return true;
        }
        if (recoveredAt == null) {
            watchSelfHealing();
            recoveredAt = recovery().orElse(null);
            if (recoveredAt != null) {
                sli.closeWindow(window);
                record("recovered", "the service level held for " + settings.recoveryHold().toSeconds() + " s");
            }
        }
        if (recoveredAt != null && (allResolved(seen) || now.isAfter(recoveredAt.plus(settings.resolvedWithin())))) {
            end(now, null);
        }
        return endedAt != null;
    }

    /** The load is ending: the drill ends where it is. */
    void endNow(Instant now, String reason) {
        if (endedAt == null) {
            end(now, reason);
        }
    }

    private void end(Instant now, String reason) {
        ending = true;
        endedAt = now;
        events.removeListener(takesEffect);
        if (injectedAt == null) {
            tookEffect(faultStartedAt);
        }
        sli.closeWindow(window);
        if (reason != null && abortReason == null) {
            abortReason = reason;
        }
        awaitSteps(actionSteps);
        actions.stopRunning();
        // the undo comes after every fault step that started: undoing first would leave a later step's fault in place
        awaitSteps(faultSteps);
        undo();
        record("ended", reason == null ? "ended" : reason);
    }

    /** The undo steps, each tried whatever the one before did; then the pending record is gone. */
    private void undo() {
        if (spec.undo().isEmpty()) {
            return;
        }
        record("undo", "undoing: " + spec.undo());
        for (DrillStep step : spec.undo()) {
            try {
                actions.perform(step);
            } catch (RuntimeException e) {
                undoFailure = (undoFailure == null ? "" : undoFailure + "; ") + step + ": " + e.getMessage();
                record("undo-failed", step + ": " + e.getMessage());
            }
        }
        undoRan.run();
    }

    private void awaitSteps(ExecutorService steps) {
        steps.shutdown();
        try {
            if (!steps.awaitTermination(2, TimeUnit.MINUTES)) {
                stepFailure = "a step was still running when the drill ended";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the alerting stack showed at one tick. */
    private record Seen(List<AlertingView.AlertChange> alerts, List<AlertingView.PostedNotice> notices,
                        Optional<Instant> lastHeartbeat) {
    }

    private void watchDetection(Instant now, Seen seen) {
        if (pagerSilentAt == null && watchesPager() && pagerSilent(now, seen.lastHeartbeat())) {
            pagerSilentAt = now;
            record("pager-silent", "no Watchdog heartbeat for " + settings.pagerSilentAfter().toSeconds()
                    + " s: the pager watchdog pages the on-call directly");
        }
        if (detectedAt == null) {
            firstExpectedFiring(seen.alerts(), spec, injectedAt).ifPresent(alert -> {
                detectedAt = alert.at();
                detectedBy = alert.name();
                record("detected", "by " + alert.name());
            });
            if (detectedAt == null && pagerSilentAt != null
                    && spec.expectedAlerts().contains(DrillSettings.PAGER_SILENT)) {
                detectedAt = pagerSilentAt;
                detectedBy = DrillSettings.PAGER_SILENT;
                record("detected", "by the pager watchdog");
            }
        }
        if (notifiedAt == null) {
            seen.notices().stream()
                    .filter(n -> n.firing() && !n.heartbeat() && !n.at().isBefore(injectedAt)
                            && n.alerts().stream().anyMatch(a -> spec.expects(a.name(), a.labels())))
                    .findFirst().ifPresent(n -> {
                        notifiedAt = n.at();
                        record("notified", n.receiver() + ": " + String.join(", ", n.alertNames()));
                        firedAsNoticed(n).ifPresent(this::detectedAtLatest);
                    });
            if (notifiedAt == null && DrillSettings.PAGER_SILENT.equals(detectedBy)) {
                notifiedAt = pagerSilentAt;
            }
        }
        // Prometheus' alerts are polled every 250 ms; its notice can reach the channel before the poll sees the
        // alert firing: it was firing by the time its notice was sent, at the latest
        if (detectedAt != null && notifiedAt != null && notifiedAt.isBefore(detectedAt)) {
            detectedAt = notifiedAt;
        }
    }

    /**
     * A notice's own account of when Prometheus fired the expected alert ({@code startsAt}), when it is after the
     * fault: a team's Prometheus is polled, and its notice may say it fired before the poll saw it.
     */
    private Optional<AlertingView.NoticedAlert> firedAsNoticed(AlertingView.PostedNotice notice) {
        return notice.alerts().stream().filter(a -> a.startsAt() != null && spec.expects(a.name(), a.labels())
                && !a.startsAt().isBefore(injectedAt)).min(java.util.Comparator.comparing(
                AlertingView.NoticedAlert::startsAt));
    }

    private void detectedAtLatest(AlertingView.NoticedAlert fired) {
        if (detectedAt == null || fired.startsAt().isBefore(detectedAt)) {
            if (detectedAt == null) {
                detectedBy = fired.name();
                record("detected", "by " + fired.name() + " (fired at " + fired.startsAt() + ", as its notice says)");
            }
            detectedAt = fired.startsAt();
        }
    }

    /**
     * The on-call stand-in acts once the notice has been read: {@code responder.delay} after it was posted (after
     * detection when the team's Alertmanager has no route to the receiver: the notice time is unknown). A person on
     * call acts when they do: the first action is the first one they recorded.
     */
    private void respond(Instant now) {
        if (spec.human()) {
            takeRecordedAction();
            return;
        }
        if (actionQueued) {
            return;
        }
        Duration delay = spec.responderDelay();
        if (notifiedAt != null && !now.isBefore(notifiedAt.plus(delay))) {
            takeFirstAction(now, "the responder acts " + delay.toSeconds() + " s after the notice");
        } else if (!alerting.timing().receiverRouted() && detectedAt != null && !now.isBefore(detectedAt.plus(delay))) {
            takeFirstAction(now, "the responder acts " + delay.toSeconds() + " s after detection: no route to the "
                    + "drill receiver, the notice time is unknown");
        }
    }

    private void takeRecordedAction() {
        List<OnCallLog.Entry> entries = onCall.entries().stream().filter(e -> !e.at().isBefore(faultStartedAt))
                .toList();
        if (ackedAt == null) {
            entries.stream().filter(e -> e.kind() == OnCallLog.Kind.ACK).findFirst().ifPresent(e -> {
                ackedAt = e.at();
                record("ack", "by the person on call: " + e.note());
            });
        }
        if (!actionQueued) {
            entries.stream().filter(e -> e.kind() == OnCallLog.Kind.ACTION).findFirst()
                    .ifPresent(this::startRecordedAction);
        }
    }

    /** Synchronized with {@link #heldStepEnded}, as {@link #startFirstAction} is. */
    private synchronized void startRecordedAction(OnCallLog.Entry action) {
        actionQueued = true;
        firstActionAt = action.at();
        firstActionDoneAt = action.at();
        recordedAction = action.note();
        record("first-action", "by the person on call: " + action.note());
    }

    /** The abort guard: errors above the bound for too long, or no recovery in time, end the fault. */
    private void guard(Instant now) {
        if (abortReason != null || recoveredAt != null) {
            return;
        }
        long badInARow = 0;
        for (DrillResult.Second second : sli.since(injectedAt)) {
            badInARow = second.koPercent() > settings.abort().koPercent() ? badInARow + 1 : 0;
        }
        Duration bound = spec.criteria().recoverWithin().plus(settings.resolvedWithin());
        if (badInARow >= settings.abort().after().toSeconds()) {
            abortReason = "abort guard: more than " + settings.abort().koPercent() + " % of requests failed for "
                    + badInARow + " s in a row";
        } else if (now.isAfter(injectedAt.plus(bound)) && spec.expectsResponse()) {
            abortReason = "abort guard: not recovered " + bound.toSeconds() + " s after the fault";
        } else {
            return;
        }
        if (spec.human()) {
            // the suite acts for nobody: the drill ends here and its undo steps end the fault
            record("aborted", abortReason + "; the drill ends and its undo steps run");
            end(now, abortReason);
            return;
        }
        record("aborted", abortReason + "; the fault is ended by the first action");
        if (!actionQueued) {
            takeFirstAction(now, abortReason);
        }
    }

    private void takeFirstAction(Instant now, String why) {
        actionQueued = true;
        if (spec.firstAction().isEmpty()) {
            return;
        }
        actionSteps.execute(() -> {
            startFirstAction(why);
            perform(spec.firstAction(), false);
            firstActionDoneAt = Instant.now();
        });
    }

    /** Synchronized with {@link #heldStepEnded}: which came first decides whether the fault ended by itself. */
    private synchronized void startFirstAction(String why) {
        firstActionAt = Instant.now();
        record("first-action", spec.firstAction() + " (" + why + ")");
    }

    /** A fault step that holds (a lock for a duration) returned: before any first action, the fault ran out. */
    private synchronized void heldStepEnded(DrillStep step) {
        if (firstActionAt == null && faultEndedItselfAt == null && spec.expectsResponse()) {
            faultEndedItselfAt = Instant.now();
            selfHealed = "the fault ended by itself: " + step + " ran out before any first action";
            record("self-healed", selfHealed);
        }
    }

    /**
     * The service came back before any first action although the topology is not built to absorb the fault: the
     * system healed on its own (a fault the topology absorbs — a dead instance routed around — is its mitigation).
     * The whole recovery hold must lie before the first action: a hold still running when the responder acts may
     * owe its end to the action.
     */
    private void watchSelfHealing() {
        if (selfHealed != null || !spec.expectsResponse() || spec.absorbed()) {
            return;
        }
        Instant acted = firstActionAt;
        hold.afterImpact(sli.since(injectedAt))
                .filter(back -> acted == null || !back.plus(settings.recoveryHold()).isAfter(acted)).ifPresent(back -> {
            serviceBackAt = back;
            selfHealed = "the system healed on its own: the service level was back within the tolerance "
                    + DrillResult.between(injectedAt, back) + " s after the fault, before any first action";
            record("self-healed", selfHealed);
        });
    }

    /**
     * When the service recovered: the start of the first {@code recoveryHold} of seconds within tolerance (every one
     * with traffic) that begins after what really ended the fault — the first action; the fault's own end when it ran
     * out first; the fault's steps for a drill that has no first action — or, for a system that healed on its own,
     * the first hold after the impact.
     */
    private Optional<Instant> recovery() {
        if (serviceBackAt != null) {
            return Optional.of(serviceBackAt);
        }
        Instant repaired = !spec.expectsResponse() ? faultDoneAt
                : faultEndedItselfAt != null ? faultEndedItselfAt : firstActionDoneAt;
        return repaired == null ? Optional.empty() : hold.after(sli.since(repaired), repaired);
    }

    /** Every alert that fired since the fault has its resolved notice (the follow-up on recovery). */
    private boolean allResolved(Seen seen) {
        List<String> fired = seen.alerts().stream()
                .filter(a -> a.firing() && !a.at().isBefore(injectedAt) && !DrillJudge.WATCHDOG.equals(a.name()))
                .map(AlertingView.AlertChange::name).distinct().toList();
        return fired.stream().allMatch(name -> seen.notices().stream().anyMatch(n -> !n.firing()
                && !n.heartbeat() && n.alertNames().contains(name) && !n.at().isBefore(injectedAt)));
    }

    /**
     * The suite's own stack posts a heartbeat every few seconds, so its silence means something in every drill; a
     * team's heartbeat may come hourly, so there the pager is watched only by a drill that expects it silent.
     */
    private boolean watchesPager() {
        return !settings.isExternal() || spec.expectedAlerts().contains(DrillSettings.PAGER_SILENT);
    }

    private boolean pagerSilent(Instant now, Optional<Instant> last) {
        return last.isPresent() && now.isAfter(last.get().plus(settings.pagerSilentAfter()))
                && now.isAfter(injectedAt);
    }

    private static Optional<AlertingView.AlertChange> firstExpectedFiring(List<AlertingView.AlertChange> alerts,
                                                                          DrillSpec spec, Instant injectedAt) {
        return alerts.stream()
                .filter(a -> a.firing() && !a.at().isBefore(injectedAt) && spec.expects(a.name(), a.labels()))
                .findFirst();
    }

    Instant faultDoneAt() {
        return faultDoneAt;
    }

    Instant firstActionDoneAt() {
        return firstActionDoneAt;
    }

    /** Performs the steps in order (each recorded by {@link DrillActions}); {@code fault}: they are the fault's. */
    private void perform(List<DrillStep> stepList, boolean fault) {
        for (DrillStep step : stepList) {
            if (ending) {
                record("step-skipped", step + ": the drill has ended");
                return;
            }
            try {
                actions.perform(step);
            } catch (RuntimeException e) {
                stepFailure = step + ": " + e.getMessage();
                record("step-failed", stepFailure);
                return;
            }
            if (fault && step.holds()) {
                heldStepEnded(step);
            }
        }
    }

    private void record(String what, String detail) {
        events.record(EVENT_KIND_PREFIX + what, spec.name(), detail);
    }
}
