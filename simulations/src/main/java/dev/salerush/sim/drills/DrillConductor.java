package dev.salerush.sim.drills;

import dev.salerush.env.events.Event;
import dev.salerush.env.events.EventLog;
import dev.salerush.sim.config.DrillSettings.DrillSpec;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.drills.watch.AlertingView;
import dev.salerush.sim.drills.watch.OnCallLog;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.integrity.OrderAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the run's drills one after the other while the load goes on: waits for each one's offset, checks the steady
 * state, injects the fault and follows it (see {@link DrillTrack}) until it has ended. Closing it (the load ended)
 * ends a drill in progress where it is and skips those not started.
 */
public final class DrillConductor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DrillConductor.class);
    private static final long TICK_MILLIS = 200;

    private final DrillSettings settings;
    private final SliMeter sli;
    private final AlertingView alerting;
    private final DrillActions actions;
    private final OnCallLog onCall;
    private final EventLog events;
    private final Path eventsFile;
    private final long loadStartMillis;
    private final Thread thread;
    private final List<Ended> ended = new ArrayList<>();
    private volatile boolean closing;
    private volatile Instant allEndedAt;
    private volatile DrillTrack current;

    /** A drill that ended: what it observed, or the result of one whose fault was never injected. */
    private record Ended(DrillJudge.Observed observed, DrillResult notInjected) {
    }

    private DrillConductor(DrillSettings settings, SliMeter sli, AlertingView alerting, DrillActions actions,
                           OnCallLog onCall, EventLog events, Path eventsFile) {
        this.settings = settings;
        this.sli = sli;
        this.alerting = alerting;
        this.actions = actions;
        this.onCall = onCall;
        this.events = events;
        this.eventsFile = eventsFile;
        this.loadStartMillis = System.currentTimeMillis();
        this.thread = new Thread(this::runAll, "salerush-drills");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the drills now, at the start of the load. {@code onCall} is what a person on call records (human
     * responders); {@code eventsFile} is the run's events.jsonl (the timeline).
     */
    public static DrillConductor start(DrillSettings settings, SliMeter sli, AlertingView alerting,
                                       DrillActions actions, OnCallLog onCall, EventLog events, Path eventsFile) {
        DrillConductor conductor = new DrillConductor(settings, sli, alerting, actions, onCall, events, eventsFile);
        conductor.thread.start();
        return conductor;
    }

    /** When every drill had ended (a single drill's run may stop its load then); null while one is to come. */
    public Instant allEndedAt() {
        return allEndedAt;
    }

    /** A virtual user saw a failed request: counted in the impact of the drill in progress. */
    public void failedUser(long userId) {
        DrillTrack track = current;
        if (track != null) {
            track.window.failedUser(userId);
        }
    }

    /** An order attempt was answered: counted in the impact of the drill in progress. */
    public void orderAttempt(OrderAttempt attempt) {
        DrillTrack track = current;
        if (track != null) {
            track.window.accept(attempt);
        }
    }

    private void runAll() {
        for (DrillSettings.ScheduledDrill scheduled : settings.scheduled()) {
            if (closing || !sleepUntil(loadStartMillis + scheduled.at().toMillis())) {
                break;
            }
            runOne(scheduled.drill());
        }
        allEndedAt = Instant.now();
    }

    private void runOne(DrillSpec spec) {
        events.record(DrillTrack.EVENT_KIND_PREFIX + "started", spec.name(), spec.description().en());
        String unsteady = awaitSteadyState();
        if (unsteady != null) {
            events.record(DrillTrack.EVENT_KIND_PREFIX + "aborted", spec.name(), unsteady + "; no fault injected");
            synchronized (ended) {
                ended.add(new Ended(null, DrillJudge.notInjected(spec, unsteady, Instant.now(), settings)));
            }
            return;
        }
        DrillTrack track = new DrillTrack(spec, settings, sli, alerting, actions, onCall, events, Instant.now());
        current = track;
        if (spec.human()) {
            tellOnCall(spec);
        }
        while (!track.advance(Instant.now())) {
            if (closing) {
                track.endNow(Instant.now(), "the load ended before the drill did");
                break;
            }
            sleep(TICK_MILLIS);
        }
        current = null;
        synchronized (ended) {
            ended.add(new Ended(observe(track), null));
        }
        log.info("drill {} ended", spec.name());
    }

    /** A person is on call for this drill: the console says how to record what they do. */
    private void tellOnCall(DrillSpec spec) {
        String receiver = "http://127.0.0.1:" + settings.external().receiverPort();
        log.info("\n================ drill {}: the fault is in ({}) ================"
                        + "\nYou are on call. The suite performs nothing: respond as you would to a real incident."
                        + "\nWhen you acknowledge:  curl -s -XPOST --data 'seen, looking' {}/drill/ack"
                        + "\nWhen you have acted:   curl -s -XPOST --data 'what you did' {}/drill/action"
                        + "\n  (or: ./mvnw -q compile exec:java@drill-log -Dkind=action -Dnote=\"what you did\")"
                        + "\nThe drill ends once the service has recovered and its alerts resolved, at most {} s after"
                        + " the fault; then its undo steps run.",
                spec.name(), spec.fault(), receiver, receiver, settings.maxDuration().toSeconds());
    }

    /**
     * Waits until the SLIs have held the tolerance for {@code steadyState.hold} with no alert firing but the
     * Watchdog; returns null then, or why not once {@code steadyState.within} has passed.
     */
    private String awaitSteadyState() {
        Instant deadline = Instant.now().plus(settings.steadyWithin());
        long needed = Math.max(1, settings.steadyHold().toSeconds());
        while (!closing) {
            Instant now = Instant.now();
            List<DrillResult.Second> recent = sli.since(now.minusSeconds(needed + 1));
            boolean held = recent.size() >= needed && recent.subList(recent.size() - (int) needed, recent.size())
                    .stream().allMatch(s -> s.requests() > 0 && settings.tolerance().holds(s.koPercent(), s.p95Ms()));
            List<String> firing = firingNow();
            if (held && firing.isEmpty()) {
                return null;
            }
            if (now.isAfter(deadline)) {
                return "steady state did not hold within " + settings.steadyWithin().toSeconds() + " s ("
                        + (held ? "alerts firing: " + String.join(", ", firing)
                        : "the service level was outside the tolerance") + ")";
            }
            sleep(TICK_MILLIS);
        }
        return "the load ended before the steady state held";
    }

    /** Alerts firing now (the last change of each was to firing), the Watchdog aside. */
    private List<String> firingNow() {
        Map<String, Boolean> last = new java.util.LinkedHashMap<>();
        for (AlertingView.AlertChange change : alerting.alertHistory()) {
            last.put(change.name(), change.firing());
        }
        return last.entrySet().stream().filter(e -> e.getValue() && !DrillJudge.WATCHDOG.equals(e.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    private DrillJudge.Observed observe(DrillTrack t) {
        List<Event> timeline;
        try {
            timeline = EventLog.read(eventsFile);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the event log for drill {}'s timeline: {}", t.spec().name(), e.toString());
            timeline = List.of();
        }
        return new DrillJudge.Observed(t.spec(), t.injectedAt, t.detectedAt, t.detectedBy, t.notifiedAt,
                t.firstActionAt, t.recoveredAt, t.endedAt, t.abortReason, t.stepFailure, t.window.impact(),
                alerting.alertHistory(), t.pagerSilentAt,
                sli.since(t.injectedAt.minus(DrillJudge.BEFORE_FAULT)), timeline, alerting.ruleForSeconds(),
                t.selfHealed, t.undoFailure, t.ackedAt, alerting.timing(), t.recordedAction);
    }

    /**
     * Ends the drills (the one in progress where it is) and waits for the conductor's thread. Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(180_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every drill's result, with the run's order integrity (known only after the load; null when not checked). */
    public List<DrillResult> results(IntegrityReport integrity, boolean lossAccepted) {
        DrillIntegrity judged = DrillIntegrity.of(integrity, lossAccepted);
        synchronized (ended) {
            return ended.stream().map(e -> e.notInjected() != null ? e.notInjected()
                    : DrillJudge.judge(e.observed(), settings, judged)).toList();
        }
    }

    private boolean sleepUntil(long epochMillis) {
        while (!closing && System.currentTimeMillis() < epochMillis) {
            sleep(Math.min(TICK_MILLIS, Math.max(1, epochMillis - System.currentTimeMillis())));
        }
        return !closing;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
