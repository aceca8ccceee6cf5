package dev.salerush.sim.drills;

import dev.salerush.env.events.EventLog;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.drills.watch.AlertingView;
import dev.salerush.sim.drills.watch.OnCallLog;
import dev.salerush.sim.metrics.ExactRecorder;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One drill followed second by second against a scripted alerting stack and service level: when the responder acts,
 * when the guard gives up, when a silent pager counts as detection.
 */
class DrillTrackTest {
    private final DrillSettings settings = TestConfigs.load("drill", "instance-crash").drills();
    private final Instant base = Instant.now();
    private final SliMeter sli = new SliMeter();
    private final ScriptedAlerting alerting = new ScriptedAlerting();
    private final List<String> performed = new CopyOnWriteArrayList<>();

    @Test
    void theResponderActsOnlyOnceTheNoticeHasBeenReadForItsDelay() {
        DrillTrack track = track("instance-crash");
        alerting.alerts.add(new AlertingView.AlertChange(base.plusSeconds(2), "ShopInstanceDown", true, "system", "critical"));
        alerting.notices.add(AlertingView.PostedNotice.named(base.plusSeconds(3), "slack", true, List.of("ShopInstanceDown")));
        seconds(1, 4, 0);

        track.advance(base.plusSeconds(4));
        assertThat(track.detectedAt).isEqualTo(base.plusSeconds(2));
        assertThat(track.notifiedAt).isEqualTo(base.plusSeconds(3));
        waitFor(() -> performed.size() == 1);
        assertThat(performed).containsExactly("kill-instance shop-1");

        track.advance(base.plusSeconds(7));
        assertThat(performed).as("5 s after the notice: not yet").hasSize(1);
        track.advance(base.plusSeconds(8));
        waitFor(() -> performed.size() == 2);
        assertThat(performed).containsExactly("kill-instance shop-1", "restart-instance shop-1");
    }

    @Test
    void aFaultThatHoldsDoesNotKeepTheResponderWaitingAndTheFirstActionEndsIt() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        DrillTrack track = new DrillTrack(settings.catalogue().get("db-lock"), settings, sli, alerting, step -> {
            performed.add(step.text());
            if (step.text().startsWith("lock-hot-rows")) {
                await(released, 30);   // held until released, as HotRowLock does (its 90 s would do too)
            } else if (step.text().equals("release-locks")) {
                released.countDown();
            }
        }, OnCallLog.NONE, EventLog.discarding(), base);
        alerting.alerts.add(new AlertingView.AlertChange(base.plusSeconds(1), "DbPoolWaits", true, "system", "critical"));
        alerting.notices.add(AlertingView.PostedNotice.named(base.plusSeconds(1), "slack", true, List.of("DbPoolWaits")));
        waitFor(() -> performed.size() == 1);

        long before = System.nanoTime();
        track.advance(base.plusSeconds(1).plus(settings.responderDelay()));
        waitFor(() -> performed.contains("release-locks"));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the first action waited for the held lock")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(track.firstActionAt).isNotNull();
        waitFor(() -> track.faultDoneAt() != null);
        assertThat(track.faultDoneAt()).as("the release ended the lock").isAfterOrEqualTo(track.firstActionAt);
        assertThat(track.selfHealed).as("the responder ended the fault").isNull();
        track.endNow(Instant.now(), null);
    }

    @Test
    void aLockThatRanOutBeforeTheResponderActedIsSelfHealedAndRecoveryIsTimedFromItsEnd() {
        DrillTrack track = new DrillTrack(settings.catalogue().get("db-lock"), settings, sli, alerting, step -> {
            performed.add(step.text());
            if (step.text().startsWith("lock-hot-rows")) {
                sleep(300);   // a short lock: it runs out long before the responder's delay
            }
        }, OnCallLog.NONE, EventLog.discarding(), base);
        alerting.notices.add(AlertingView.PostedNotice.named(base.plusSeconds(1), "slack", true, List.of("DbPoolWaits")));
        waitFor(() -> track.faultDoneAt() != null);
        seconds(1, 14, 0);

        track.advance(base.plusSeconds(2));

        assertThat(performed).as("the responder's delay has not passed").containsExactly("lock-hot-rows 90s");
        assertThat(track.selfHealed).startsWith("the fault ended by itself: lock-hot-rows 90s ran out");
        assertThat(track.recoveredAt).as("from the lock's own end, not from a first action")
                .isNotNull().isBeforeOrEqualTo(base.plusSeconds(2));
        track.endNow(base.plusSeconds(3), null);
    }

    @Test
    void aServiceThatCameBackBeforeAnyFirstActionHealedOnItsOwnUnlessTheTopologyAbsorbsTheFault() {
        // an impact as long as the recovery hold (10 s), then the hold
        seconds(1, 10, 50);
        seconds(11, 22, 0);
        DrillTrack payment = track("payment-outage");
        DrillTrack crash = track("instance-crash");

        payment.advance(base.plusSeconds(22));
        crash.advance(base.plusSeconds(22));

        assertThat(payment.selfHealed).startsWith("the system healed on its own");
        assertThat(payment.recoveredAt.toEpochMilli()).isEqualTo(base.plusSeconds(10).toEpochMilli());
        assertThat(crash.selfHealed).as("the load balancer routing around a dead instance is the mitigation").isNull();
        payment.endNow(base.plusSeconds(23), null);
        crash.endNow(base.plusSeconds(23), null);
    }

    /**
     * The service level came back 10 s after the fault and held; the responder acted 5 s into that hold. The hold did
     * not lie wholly before the first action, so the action may have ended it: the response recovered the service.
     */
    @Test
    void aServiceBackWhileTheResponderActsIsNoSelfHealing() {
        Instant fault = base.minusSeconds(15);   // the first action, taken on the real clock, lands 15 s after it
        DrillTrack track = new DrillTrack(settings.catalogue().get("payment-outage"), settings, sli, alerting,
                step -> performed.add(step.text()), OnCallLog.NONE, EventLog.discarding(), fault);
        seconds(fault, 1, 10, 50);
        seconds(fault, 11, 14, 0);
        alerting.notices.add(AlertingView.PostedNotice.named(fault.plusSeconds(9), "slack", true,
                List.of("PaymentBreakerOpen")));

        track.advance(fault.plusSeconds(14));
        waitFor(() -> performed.contains("gateway-recover"));
        seconds(fault, 15, 30, 0);
        track.advance(fault.plusSeconds(30));

        assertThat(track.selfHealed).as("back at +10 s, held until +20 s, acted at +15 s").isNull();
        assertThat(track.recoveredAt).isNotNull();
        track.endNow(fault.plusSeconds(31), null);
    }

    @Test
    void theAbortGuardEndsTheFaultWhenErrorsLastTooLong() {
        DrillTrack track = track("instance-crash");
        long after = settings.abort().after().toSeconds();
        seconds(1, (int) after - 1, 100);
        track.advance(base.plusSeconds(after));
        assertThat(track.abortReason).isNull();

        seconds((int) after, (int) after, 100);
        track.advance(base.plusSeconds(after + 1));
        assertThat(track.abortReason).startsWith("abort guard: more than 80.0 % of requests failed for " + after + " s");
        waitFor(() -> performed.contains("restart-instance shop-1"));
    }

    @Test
    void aSilentPagerIsNoticedAndCountsAsTheAlertingDownDrillsDetection() {
        alerting.heartbeat = base.minusSeconds(1);
        DrillTrack track = track("alerting-down");
        seconds(1, 9, 0);
        track.advance(base.plusSeconds(8));
        assertThat(track.pagerSilentAt).as("8 s since the fault, 9 since the last heartbeat").isNull();

        track.advance(base.plusSeconds(10));
        assertThat(track.pagerSilentAt).isEqualTo(base.plusSeconds(10));
        assertThat(track.detectedBy).isEqualTo(DrillSettings.PAGER_SILENT);
        assertThat(track.notifiedAt).as("the watchdog pages directly").isEqualTo(track.pagerSilentAt);
    }

    @Test
    void aPersonOnCallActsWhenTheyRecordItAndTheSuitePerformsNothingForThem() {
        DrillSettings human = TestConfigs.load("drill", "instance-crash", "drills.responder.mode", "human").drills();
        List<OnCallLog.Entry> recorded = new CopyOnWriteArrayList<>();
        DrillTrack track = new DrillTrack(human.catalogue().get("instance-crash"), human, sli, alerting,
                step -> performed.add(step.text()), () -> recorded, EventLog.discarding(), base);
        alerting.alerts.add(new AlertingView.AlertChange(base.plusSeconds(2), "ShopInstanceDown", true, "system",
                "critical"));
        alerting.notices.add(AlertingView.PostedNotice.named(base.plusSeconds(3), "slack", true,
                List.of("ShopInstanceDown")));
        seconds(1, 20, 0);

        track.advance(base.plusSeconds(20));
        waitFor(() -> performed.size() == 1);
        assertThat(track.firstActionAt).as("no action recorded yet, whatever responder.delay says").isNull();

        recorded.add(new OnCallLog.Entry(base.plusSeconds(14), OnCallLog.Kind.ACK, "looking"));
        recorded.add(new OnCallLog.Entry(base.plusSeconds(15), OnCallLog.Kind.ACTION, "restarted shop-1 by hand"));
        track.advance(base.plusSeconds(21));

        assertThat(track.ackedAt).isEqualTo(base.plusSeconds(14));
        assertThat(track.firstActionAt).isEqualTo(base.plusSeconds(15));
        assertThat(performed).as("the runbook's restart is the person's, not the suite's")
                .containsExactly("kill-instance shop-1");
    }

    @Test
    void undoStepsRunWhenTheDrillEndsEvenAfterOneFailsAndTheOwedRecordIsCleared() throws Exception {
        Path team = Files.createTempFile("undo", ".conf");
        Files.writeString(team, """
                drills.catalogue.instance-crash.undo = [ { run = ["false"] }, { run = ["true"] } ]
                """);
        DrillSettings withUndo = TestConfigs.load("drill", "instance-crash", "salerush.conf", team.toString())
                .drills();
        List<String> owed = new CopyOnWriteArrayList<>();
        DrillActions actions = new DrillActions() {
            @Override
            public void perform(DrillSettings.DrillStep step) {
                performed.add(step.text());
                if (step.text().equals("run false")) {
                    throw new IllegalStateException("false exited 1");
                }
            }

            @Override
            public Runnable oweUndo(DrillSettings.DrillSpec spec) {
                owed.add(spec.name());
                return () -> owed.remove(spec.name());
            }
        };
        DrillTrack track = new DrillTrack(withUndo.catalogue().get("instance-crash"), withUndo, sli, alerting, actions,
                OnCallLog.NONE, EventLog.discarding(), base);
        assertThat(owed).as("owed before the fault").containsExactly("instance-crash");
        waitFor(() -> performed.size() == 1);

        track.endNow(base.plusSeconds(5), "the load ended before the drill did");

        assertThat(performed).containsExactly("kill-instance shop-1", "run false", "run true");
        assertThat(track.undoFailure).isEqualTo("run false: false exited 1");
        assertThat(owed).as("the undo ran: nothing is owed any more").isEmpty();
        Files.delete(team);
    }

    @Test
    void aDrillThatOutlastsMaxDurationEnds() {
        DrillSettings brief = TestConfigs.load("drill", "instance-crash", "drills.maxDuration", "30s").drills();
        DrillTrack track = new DrillTrack(brief.catalogue().get("instance-crash"), brief, sli, alerting,
                step -> performed.add(step.text()), OnCallLog.NONE, EventLog.discarding(), base);
        seconds(1, 29, 50);
        assertThat(track.advance(base.plusSeconds(29))).isFalse();

        assertThat(track.advance(base.plusSeconds(31))).isTrue();
        assertThat(track.abortReason).isEqualTo("not ended 30 s after the fault (drills.maxDuration)");
    }

    @Test
    void aNoticeSaysWhenTheAlertFiredAndOnlyTheLabelsExpectedCount() throws Exception {
        Path team = Files.createTempFile("labels", ".conf");
        Files.writeString(team, """
                drills.catalogue.instance-crash.expectedAlerts = [ { alert = ShopInstanceDown, labels { service = checkout } } ]
                """);
        DrillSettings labelled = TestConfigs.load("drill", "instance-crash", "salerush.conf", team.toString()).drills();
        DrillTrack track = new DrillTrack(labelled.catalogue().get("instance-crash"), labelled, sli, alerting,
                step -> performed.add(step.text()), OnCallLog.NONE, EventLog.discarding(), base);
        alerting.alerts.add(new AlertingView.AlertChange(base.plusSeconds(2), "ShopInstanceDown", true, "", "",
                java.util.Map.of("alertname", "ShopInstanceDown", "service", "search")));
        seconds(1, 6, 0);
        track.advance(base.plusSeconds(3));
        assertThat(track.detectedAt).as("another service's alert of the same name").isNull();

        alerting.alerts.add(new AlertingView.AlertChange(base.plusSeconds(5), "ShopInstanceDown", true, "", "",
                java.util.Map.of("alertname", "ShopInstanceDown", "service", "checkout")));
        alerting.notices.add(new AlertingView.PostedNotice(base.plusSeconds(6), "team-slack", true, List.of(
                new AlertingView.NoticedAlert("ShopInstanceDown", java.util.Map.of("alertname", "ShopInstanceDown",
                        "service", "checkout"), base.plusSeconds(4)))));
        track.advance(base.plusSeconds(6));

        assertThat(track.detectedAt).as("fired at +4 s, as its notice says; the poll saw it at +5 s")
                .isEqualTo(base.plusSeconds(4));
        assertThat(track.notifiedAt).isEqualTo(base.plusSeconds(6));
        track.endNow(base.plusSeconds(7), null);
        Files.delete(team);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The steps run on the drill's own thread: waits (at most 5 s) until {@code done}. */
    private static void waitFor(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("a drill step did not run within 5 s").isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private DrillTrack track(String drill) {
        return new DrillTrack(settings.catalogue().get(drill), settings, sli, alerting,
                step -> performed.add(step.text()), OnCallLog.NONE, EventLog.discarding(), base);
    }

    /** Seconds {@code from}..{@code to} after the base, 50 requests each, {@code koPercent} of them failed, 10 ms. */
    private void seconds(int from, int to, int koPercent) {
        seconds(base, from, to, koPercent);
    }

    /** As {@link #seconds(int, int, int)}, counted from {@code anchor}. */
    private void seconds(Instant anchor, int from, int to, int koPercent) {
        for (int s = from; s <= to; s++) {
            Histogram latencies = new Histogram(3);
            latencies.recordValueWithCount(10, 50);
            long ko = 50L * koPercent / 100;
            sli.onInterval(anchor.plusSeconds(s - 1).toEpochMilli(), anchor.plusSeconds(s).toEpochMilli(),
                    Map.of("list products", new ExactRecorder.Interval(latencies, 50 - ko, ko, 50)));
        }
    }

    /** An alerting stack whose alerts, notices and heartbeat the test writes. */
    private static final class ScriptedAlerting implements AlertingView {
        final List<AlertChange> alerts = new CopyOnWriteArrayList<>();
        final List<PostedNotice> notices = new CopyOnWriteArrayList<>();
        volatile Instant heartbeat;

        @Override
        public List<AlertChange> alertHistory() {
            return alerts;
        }

        @Override
        public List<PostedNotice> notices() {
            return notices;
        }

        @Override
        public Map<String, Double> ruleForSeconds() {
            return Map.of();
        }

        @Override
        public Optional<Instant> lastHeartbeat() {
            return Optional.ofNullable(heartbeat);
        }

        @Override
        public Timing timing() {
            return new Timing(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), java.time.Duration.ZERO,
                    true);
        }
    }
}
