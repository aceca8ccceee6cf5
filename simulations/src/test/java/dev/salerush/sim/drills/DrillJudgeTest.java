package dev.salerush.sim.drills;

import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.drills.watch.AlertingView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict of a drill from what it observed: alerts sorted, criteria judged, severity set. */
class DrillJudgeTest {
    /** The demo world's alerting: 1 s scrape and evaluation, notices at once, a receiver that gets them. */
    private static final AlertingView.Timing TIMING = new AlertingView.Timing(java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(1), java.time.Duration.ZERO, true);

    private static final Instant T0 = Instant.parse("2026-12-01T07:00:00Z");
    private final DrillSettings settings = TestConfigs.load("drill", "bad-deploy").drills();
    private final DrillSettings.DrillSpec badDeploy = settings.catalogue().get("bad-deploy");

    @Test
    void aDrillDetectedNotifiedAndRecoveredInTimePasses() {
        DrillResult result = DrillJudge.judge(observed(badDeploy, List.of(
                firing(3, "High5xxRatio"), firing(4, "OrderRateDrop"), resolved(30, "High5xxRatio")),
                new DrillResult.Impact(120, 1000, 40, 2, 55, 80.0, 12)), settings, passed("all passed"));

        assertThat(result.verdict()).isEqualTo(DrillVerdict.PASS);
        assertThat(result.ttdSeconds()).isEqualTo(3.0);
        assertThat(result.ttnSeconds()).isEqualTo(5.0);
        assertThat(result.ttfaSeconds()).isEqualTo(10.0);
        assertThat(result.ttrSeconds()).isEqualTo(40.0);
        assertThat(result.alerts().unexpected()).isEmpty();
        assertThat(result.alerts().recall()).isEqualTo(1.0);
        assertThat(result.alerts().fired()).extracting(DrillResult.FiredAlert::name)
                .containsExactly("High5xxRatio", "OrderRateDrop");
        assertThat(result.alerts().fired().get(0).resolvedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(result.criteria()).allMatch(DrillResult.Criterion::passed);
        assertThat(result.severity().id()).isEqualTo("sev2");
        assertThat(result.severity().level().ko()).startsWith("2등급");
        assertThat(result.severity().level().en()).isEqualTo("SEV2");
        assertThat(result.severity().koPercent()).isEqualTo(5.0);
        assertThat(result.severity().failedOrders()).isNull();
    }

    @Test
    void aFaultThatEndedByItselfIsInconclusiveNotAPassAndFailsTheRun() {
        DrillJudge.Observed ranOut = new DrillJudge.Observed(badDeploy, T0, T0.plusSeconds(3), "High5xxRatio",
                T0.plusSeconds(5), null, T0.plusSeconds(20), T0.plusSeconds(45), null, null,
                new DrillResult.Impact(120, 1000, 40, 2, 55, 80.0, 12), List.of(firing(3, "High5xxRatio")), null,
                List.of(), List.of(), Map.of(), "the fault ended by itself: lock-hot-rows 1s ran out before any first action", null, null, TIMING, null);

        DrillResult result = DrillJudge.judge(ranOut, settings, passed(null));

        assertThat(result.verdict()).isEqualTo(DrillVerdict.INCONCLUSIVE);
        assertThat(result.selfHealed()).isTrue();
        assertThat(result.verdictReason()).startsWith("the fault ended by itself: lock-hot-rows 1s ran out");
        assertThat(result.ttrSeconds()).as("measured against the fault's own end").isEqualTo(20.0);
        assertThat(new DrillsOutcome(List.of(result)).passed()).isFalse();
        assertThat(DrillJson.of(result)).containsEntry("verdict", "inconclusive").containsEntry("selfHealed", true);
    }

    @Test
    void aSelfHealedDrillWhoseDetectionFailedStillFails() {
        DrillJudge.Observed late = new DrillJudge.Observed(badDeploy, T0, T0.plusSeconds(40), "High5xxRatio",
                T0.plusSeconds(41), null, T0.plusSeconds(20), T0.plusSeconds(60), null, null,
                noImpact(), List.of(firing(40, "High5xxRatio")), null, List.of(), List.of(), Map.of(), "ran out", null, null, TIMING, null);

        DrillResult result = DrillJudge.judge(late, settings, passed(null));

        assertThat(result.verdict()).isEqualTo(DrillVerdict.FAIL);
        assertThat(result.verdictReason()).startsWith("detected-within");
    }

    @Test
    void anUnexpectedAlertCostsPrecisionAndFailsTheDrill() {
        DrillResult result = DrillJudge.judge(observed(badDeploy, List.of(firing(3, "High5xxRatio"),
                firing(5, "DatabaseDown")), new DrillResult.Impact(0, 1000, 0, 0, 0, 10.0, 0)), settings, passed(null));

        assertThat(result.alerts().unexpected()).containsExactly("DatabaseDown");
        assertThat(result.verdict()).isEqualTo(DrillVerdict.FAIL);
        assertThat(result.verdictReason()).startsWith("no-unexpected-alerts");
        assertThat(result.severity().id()).isEqualTo("sev4");
        assertThat(result.severity().hasBounds()).isFalse();
    }

    @Test
    void detectionLaterThanTheBoundAndLostOrdersFail() {
        DrillJudge.Observed late = new DrillJudge.Observed(badDeploy, T0, T0.plusSeconds(20), "High5xxRatio",
                T0.plusSeconds(22), T0.plusSeconds(27), T0.plusSeconds(60), T0.plusSeconds(70), null, null,
                new DrillResult.Impact(10, 100, 1, 0, 5, 20.0, 3), List.of(firing(20, "High5xxRatio")), null,
                List.of(), List.of(), Map.of("High5xxRatio", 3.0), null, null, null, TIMING, null);

        DrillResult result = DrillJudge.judge(late, settings,
                new DrillIntegrity(DrillIntegrity.Status.FAIL, "1 acknowledged order missing"));

        assertThat(criterion(result, "detected-within").passed()).isFalse();
        assertThat(criterion(result, "detected-within").actual()).isEqualTo("20.0 s");
        assertThat(criterion(result, "detected-within").withinSeconds()).as("conf: detectWithin = 15s").isEqualTo(15.0);
        assertThat(criterion(result, "integrity").withinSeconds()).as("not a time bound").isNull();
        assertThat(criterion(result, "integrity").passed()).isFalse();
        assertThat(result.detection().forByAlert()).containsEntry("High5xxRatio", 3.0);
    }

    @Test
    void aCompatibleChangeMustFireNoAlert() {
        DrillSettings.DrillSpec mixed = settings.catalogue().get("mixed-version");
        DrillResult quiet = DrillJudge.judge(observed(mixed, List.of(), noImpact()), settings, passed(null));
        DrillResult noisy = DrillJudge.judge(observed(mixed, List.of(firing(8, "HighLatencyP95")), noImpact()),
                settings, passed(null));

        assertThat(criterion(quiet, "no-alert-fired").passed()).isTrue();
        assertThat(quiet.verdict()).isEqualTo(DrillVerdict.PASS);
        assertThat(criterion(noisy, "no-alert-fired").actual()).isEqualTo("HighLatencyP95");
        assertThat(noisy.verdict()).isEqualTo(DrillVerdict.FAIL);
    }

    @Test
    void theWatchdogIsNeverADrillAlertButASilentPagerIs() {
        DrillSettings.DrillSpec down = settings.catalogue().get("alerting-down");
        DrillJudge.Observed observed = new DrillJudge.Observed(down, T0, T0.plusSeconds(12), "PagerSilent",
                T0.plusSeconds(12), T0.plusSeconds(17), T0.plusSeconds(40), T0.plusSeconds(50), null, null,
                noImpact(), List.of(firing(1, "Watchdog"), firing(2, "ShopInstanceDown")), T0.plusSeconds(12),
                List.of(), List.of(), Map.of(), null, null, null, TIMING, null);

        DrillResult result = DrillJudge.judge(observed, settings, passed(null));

        assertThat(result.alerts().fired()).extracting(DrillResult.FiredAlert::name)
                .containsExactly("ShopInstanceDown", "PagerSilent");
        assertThat(result.alerts().missed()).isEmpty();
        assertThat(result.detection().forByAlert()).containsEntry("PagerSilent", 10.0);
    }

    @Test
    void severityTakesTheFirstLevelWhoseEveryBoundIsReached() {
        List<DrillSettings.SeverityLevel> levels = settings.severity();
        assertThat(DrillJudge.severity(new DrillResult.Impact(300, 1000, 0, 0, 0, null, 90), levels).id())
                .isEqualTo("sev1");
        // 30 % failed but only for 10 s: not SEV1 (needs 60 s), SEV2 by the failure ratio
        assertThat(DrillJudge.severity(new DrillResult.Impact(300, 1000, 0, 0, 0, null, 10), levels).koPercent())
                .isEqualTo(5.0);
        DrillResult.Severity byOrders = DrillJudge.severity(new DrillResult.Impact(1, 1000, 120, 0, 0, null, 2), levels);
        assertThat(byOrders.id()).isEqualTo("sev2");
        assertThat(byOrders.failedOrders()).isEqualTo(100L);
        assertThat(byOrders.koPercent()).isNull();
        assertThat(DrillJudge.severity(noImpact(), levels).level().ko()).startsWith("4등급");
    }

    private static DrillResult.Criterion criterion(DrillResult result, String name) {
        return result.criteria().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static DrillIntegrity passed(String detail) {
        return new DrillIntegrity(DrillIntegrity.Status.PASS, detail);
    }

    private static DrillResult.Impact noImpact() {
        return new DrillResult.Impact(0, 1000, 0, 0, 0, 8.0, 0);
    }

    /** Detected at +3 s, notified at +5 s, first action at +10 s, recovered at +40 s, ended at +45 s. */
    private static DrillJudge.Observed observed(DrillSettings.DrillSpec spec, List<AlertingView.AlertChange> alerts,
                                                DrillResult.Impact impact) {
        List<DrillResult.Second> series = new ArrayList<>();
        for (int s = -5; s <= 45; s++) {
            series.add(new DrillResult.Second(T0.plusSeconds(s), 50, s >= 2 && s <= 20 ? 30.0 : 0.0, 12.0));
        }
        boolean expects = !spec.expectedAlerts().isEmpty();
        return new DrillJudge.Observed(spec, T0, expects ? T0.plusSeconds(3) : null,
                expects ? spec.expectedAlerts().get(0) : null, expects ? T0.plusSeconds(5) : null,
                expects ? T0.plusSeconds(10) : null, T0.plusSeconds(40), T0.plusSeconds(45), null, null, impact, alerts,
                null, series, List.of(), Map.of(), null, null, null, TIMING, null);
    }

    private static AlertingView.AlertChange firing(int second, String name) {
        return new AlertingView.AlertChange(T0.plusSeconds(second), name, true, "system", "critical");
    }

    private static AlertingView.AlertChange resolved(int second, String name) {
        return new AlertingView.AlertChange(T0.plusSeconds(second), name, false, "system", "critical");
    }
}
