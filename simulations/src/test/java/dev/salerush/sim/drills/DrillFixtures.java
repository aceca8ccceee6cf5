package dev.salerush.sim.drills;

import dev.salerush.sim.config.LocalizedText;
import dev.salerush.sim.drills.DrillResult.Alerts;
import dev.salerush.sim.drills.DrillResult.Criterion;
import dev.salerush.sim.drills.DrillResult.Detection;
import dev.salerush.sim.drills.DrillResult.FiredAlert;
import dev.salerush.sim.drills.DrillResult.Impact;
import dev.salerush.sim.drills.DrillResult.Second;
import dev.salerush.sim.drills.DrillResult.Severity;
import dev.salerush.sim.drills.DrillResult.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drill results written by hand for the report tests: a bad deploy that passed with a rollback, an instance crash
 * that failed (a missed alert, an unexpected one, no notice, never recovered), and a drill aborted before its fault.
 */
public final class DrillFixtures {
    /** 2026-12-01 16:02:10 KST. */
    public static final Instant FAULT = Instant.parse("2026-12-01T07:02:10Z");
    private static final DrillIntegrity INTEGRITY_PASSED = new DrillIntegrity(DrillIntegrity.Status.PASS,
            "lost 0, duplicated 0, oversold 0", List.of(), 7);

    private DrillFixtures() {
    }

    public static DrillResult badDeployPassed() {
        return DrillResult.builder("bad-deploy").description(new LocalizedText("롤링 배포로 주문이 실패하는 버전이 나갑니다.",
                        "A rolling deploy ships a version whose orders fail."))
                .verdict(DrillVerdict.PASS, null).fault("rolling-deploy v2:broken-orders")
                .point(new LocalizedText("쇼핑몰 인스턴스 (배포 `v2`)", "shop instances (deploy `v2`)")).firstAction("rollback").rollback(true)
                .injectedAt(FAULT).detected(at(40), "OrderFailureRateHigh").notifiedAt(at(55)).firstActionAt(at(70))
                .mitigatedAt(at(90)).recoveredAt(at(110)).endedAt(at(150))
                .impact(new Impact(420, 1000, 37, 3, 120, 850.0, 95)).integrity(INTEGRITY_PASSED)
                .alerts(new Alerts(List.of("OrderFailureRateHigh", "HighErrorRate"), List.of("InstanceUnhealthy"),
                        List.of(new FiredAlert("OrderFailureRateHigh", "business", "critical", at(40), at(115)),
                                new FiredAlert("HighErrorRate", "system", "warning", at(52), at(118))),
                        List.of(), List.of()))
                .criteria(List.of(new Criterion("detected-within", "≤ 60 s", "40 s", true, 60.0),
                        new Criterion("notice-posted", "≤ 120 s", "55 s", true, 120.0),
                        new Criterion("recovered-within", "≤ 300 s", "110 s", true, 300.0),
                        new Criterion("integrity", "pass", "pass", true)))
                .severity(new Severity("sev2", new LocalizedText("2등급 (SEV2)", "SEV2"), 5.0, null, null))
                .detection(new Detection(15, 15, 10, 5, Map.of("OrderFailureRateHigh", 30.0, "HighErrorRate", 60.0)))
                .timeline(List.of(new TimelineEntry(FAULT, "fault.injected", "drill", "rolling deploy of v2:broken-orders"),
                        new TimelineEntry(at(40), "alert.firing", "alertmanager", "OrderFailureRateHigh"),
                        new TimelineEntry(at(55), "notice.posted", "pager", "#incident: orders failing"),
                        new TimelineEntry(at(70), "operation", "runbook", "rollback to v1"),
                        new TimelineEntry(at(110), "state.recovered", "drill", "error ratio back within tolerance")))
                .series(seconds(-30, 150, 40, 110, 42.0)).build();
    }

    public static DrillResult instanceCrashFailed() {
        return DrillResult.builder("instance-crash").description(new LocalizedText("쇼핑몰 인스턴스 하나가 죽습니다.", "One shop instance is killed."))
                .verdict(DrillVerdict.FAIL, "notice-posted: no notice within 120 s").fault("kill -9 shop-2")
                .point(new LocalizedText("쇼핑몰 인스턴스 `shop-2`", "shop instance `shop-2`")).firstAction("restart shop-2").rollback(false)
                .injectedAt(FAULT).detected(at(75), "HighErrorRate").mitigatedAt(at(20)).endedAt(at(300))
                .impact(new Impact(12, 2000, 0, 2, 9, 240.0, 0)).integrity(INTEGRITY_PASSED)
                .alerts(new Alerts(List.of("InstanceDown", "HighErrorRate"), List.of(),
                        List.of(new FiredAlert("HighErrorRate", "system", "warning", at(75), null),
                                new FiredAlert("DiskSpaceLow", "system", "warning", at(80), at(200))),
                        List.of("InstanceDown"), List.of("DiskSpaceLow")))
                .criteria(List.of(new Criterion("detected-within", "≤ 60 s", "75 s", false, 60.0),
                        new Criterion("notice-posted", "≤ 120 s", "never", false, 120.0),
                        new Criterion("recovered-within", "≤ 300 s", "never", false, 300.0),
                        new Criterion("no-unexpected-alerts", "0", "1 (DiskSpaceLow)", false),
                        new Criterion("integrity", "pass", "pass", true),
                        new Criterion("queue-drained", "0 messages", "14 messages", false)))
                .severity(new Severity("sev3", new LocalizedText("3등급 (SEV3)", "SEV3"), null, null, 1L))
                .detection(new Detection(15, 15, 10, 5, Map.of("InstanceDown", 60.0, "HighErrorRate", 60.0)))
                .timeline(List.of(new TimelineEntry(FAULT, "fault.injected", "drill", "kill -9 shop-2"),
                        new TimelineEntry(at(20), "state.mitigated", "load-balancer", "shop-2 marked DOWN"),
                        new TimelineEntry(at(75), "alert.firing", "alertmanager", "HighErrorRate")))
                .series(seconds(-30, 300, 0, 20, 3.0)).build();
    }

    public static DrillResult abortedBeforeFault() {
        return DrillResult.builder("db-failover").description(new LocalizedText("DB 프라이머리가 멈춥니다.", "The DB primary is stopped."))
                .verdict(DrillVerdict.ABORTED, "steady state never held: p95 900 ms > 500 ms, no fault injected")
                .fault("stop db-primary").point(new LocalizedText("DB 프라이머리", "the DB primary")).firstAction("promote replica").rollback(false)
                .integrity(DrillIntegrity.notChecked(null))
                .timeline(List.of(new TimelineEntry(FAULT.minusSeconds(5), "drill.aborted", "drill",
                        "steady state never held")))
                .build();
    }

    private static Instant at(int secondsAfterFault) {
        return FAULT.plusSeconds(secondsAfterFault);
    }

    /** One second each from {@code from} to {@code to} (relative to the fault), failing between the two marks. */
    private static List<Second> seconds(int from, int to, int failFrom, int failTo, double koPercent) {
        List<Second> seconds = new ArrayList<>();
        for (int s = from; s <= to; s++) {
            boolean failing = s >= failFrom && s < failTo;
            seconds.add(new Second(at(s), s == 5 ? 0 : 20, failing ? koPercent : 0, s == 5 ? null
                    : failing ? 850.0 : 120.0));
        }
        return seconds;
    }
}
