package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.env.events.Event;
import dev.salerush.env.events.EventKinds;
import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.integrity.OrderAttempt;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.BrowserPages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shortened incident drills, all of them real, on one sale-day load on the redundant topology with the real alerting
 * stack (Prometheus and Alertmanager in their own processes, the Slack stand-in recording every notice): a shortened
 * game day whose schedule runs the catalogue's drills back to back on one environment, as a team's game day does.
 * For each drill the fault is injected, an alert must detect it, a notice must be posted, the responder must act, the
 * service must recover, and no order may be lost, duplicated or oversold. The criteria come from summary.json
 * drills[]; each drill also names every criterion it judged, so a criterion that fails shows up here as that drill's
 * reason. A drill starts once the one before has ended and its own steady state holds (no alert firing, the service
 * level within tolerance), so one drill's alerts cannot be taken for the next one's. The catalogue's instance-crash,
 * bad-deploy and payment-outage are the faults {@link StagingDrillsIT} drills on the same demo world through a team's
 * steps (a kill -9, a broken-orders deploy rolled back through the ops endpoint, a 500 stub in the payment partner's
 * admin API), detected by the same rules: their built-in operations run here in alerting-down (kill-instance,
 * restart-instance) and silent-failure (rolling-deploy, rollback) and in PaymentFaultsIT (the gateway's faults), and the
 * nightly game day runs all three as the catalogue defines them.
 */
@Order(ItLanes.LANE_TWO)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class DrillsIT {
    /** A plan scaled to what two cores carry beside the environment and the alerting stack: peak ≈ 60 rps. */
    static final String PLAN = "plan.dau = 330000";
    /**
     * The order: faults the next drill's steady state recovers from first; the deploys before the crash, so that a
     * rollback finds every instance as the deploy left it; the failover last, since it leaves the environment without
     * a standby.
     */
    private static final List<String> SCHEDULE = List.of("mixed-version", "silent-failure", "db-lock",
            "alerting-down", "expiring-lock", "db-failover");
    /**
     * A drill of the test's own: a lock that lets go (30 s) long before the on-call stand-in acts (60 s after the
     * notice). The impact ends by itself, so the drill proves nothing about the response and must not pass.
     */
    private static final String EXPIRING_LOCK = """
            drills.catalogue.expiring-lock {
              description {
                ko = "멈춘 작업의 행 잠금이 누가 조치하기 전에 스스로 풀립니다."
                en = "A stuck job's row locks let go by themselves before anyone acts."
              }
              point { ko = "`PostgreSQL` (인기 상품의 행 잠금)", en = "`PostgreSQL` (row locks on hot products)" }
              fault = ["lock-hot-rows 30s"]
              firstAction = ["release-locks"]
              rollback = false
              responderDelay = 60s
              criteria { detectWithin = 20s }
              expectedAlerts = [DbPoolWaits]
              allowedAlerts = [HighLatencyP95, High5xxRatio, OrderRateDrop]
            }
            """;
    /**
     * Phases no longer than the assertions need: the steady state before a fault and the recovery hold after the first
     * action are judged on 5 s of per-second SLIs (10 s by default): with 3 s, a payment outage once "recovered" in a
     * quiet stretch of orders before its first action.
     */
    static final String PHASES = "drills { steadyState.hold = 5s, recoveryHold = 5s }";
    /** Drills of the schedule that SIGKILL an instance (alerting-down): each may cut a charge. */
    private static final int KILLS = 1;

    @TempDir
    static Path work;
    private static JsonNode summary;
    private static Path runDir;
    private static String output;

    @BeforeAll
    static void runTheGameDay() throws Exception {
        RequiredTools.assumeAlertingStack();
        Path teamConf = work.resolve("gameday.conf");
        Files.writeString(teamConf, PLAN + "\n" + PHASES + "\n" + EXPIRING_LOCK);
        StringBuilder schedule = new StringBuilder();
        for (int i = 0; i < SCHEDULE.size(); i++) {
            // each at its own offset; a drill starts when the one before has ended, whichever is later
            schedule.append(i + 1).append("s ").append(SCHEDULE.get(i)).append("; ");
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("salerush.conf", teamConf.toString());
        properties.put("profile", "gameday");
        properties.put("drills.gameday.schedule", schedule.toString());
        // a bound, not the length: the load ends once the last drill has ended
        properties.put("duration", "900s");
        properties.put("results.dir", work.resolve("results").toString());
        properties.put("dataset.scale", "0.01");
        GatlingProcess.Result result = GatlingProcess.run(RunChecks.SIMULATION, work.resolve("gatling"), properties,
                1000);
        output = result.output();
        runDir = RunChecks.onlyRunFolder(work);
        summary = RunChecks.summary(runDir);
        System.out.printf("shortened game day of %d drills: %d s%n", SCHEDULE.size(), result.millis() / 1000);
    }

    private static Drill drill(String name) {
        assertThat(summary.path("status").asText()).as(output).isEqualTo("complete");
        for (JsonNode drill : summary.path("drills")) {
            if (drill.path("name").asText().equals(name)) {
                return new Drill(runDir, summary, drill);
            }
        }
        throw new AssertionError("no drill " + name + " in " + summary.path("drills").toPrettyString());
    }

    @Test
    void everyScheduledDrillRanInOrderAndNothingIsLeftBehind() {
        assertThat(summary.path("status").asText()).as(output).isEqualTo("complete");
        List<String> ran = new ArrayList<>();
        summary.path("drills").forEach(drill -> ran.add(drill.path("name").asText()));
        assertThat(ran).containsExactlyElementsOf(SCHEDULE);
        // a game day's SPOF table beside the incident reports
        assertThat(runDir.resolve("spof.html")).isNotEmptyFile();
        assertThat(runDir.resolve("spof.md")).isNotEmptyFile();
        RunChecks.assertNothingLeftBehind(ports(summary.path("environment")), runDir);
    }

    /**
     * The SPOF page's analysis states the deploys from the drills' own figures: silent-failure's rollback (a bad deploy
     * caught by a business alert), mixed-version's two versions side by side; no payment drill ran, and it says so.
     */
    @Test
    void theSpofPageAnalysesTheDeploysFromWhatTheDrillsMeasured() throws Exception {
        String spof = Files.readString(runDir.resolve("spof.md"));
        JsonNode silent = drill("silent-failure").result();
        JsonNode mixed = drill("mixed-version").result();

        assertThat(spof).contains("## 서버 확장·배포 과정의 장애와 SPOF 분석", "### 배포 실패 대응", "### 롤백 전략");
        assertThat(spof).contains("- `silent-failure`: 탐지 " + Numbers.grouped(silent.path("ttdSeconds").asDouble(), 1)
                + "초 · 롤백 시작(초동 조치) " + Numbers.grouped(silent.path("ttfaSeconds").asDouble(), 1) + "초 · 롤백 ");
        assertThat(spof).contains(" · 복구 " + Numbers.grouped(silent.path("ttrSeconds").asDouble(), 1) + "초 · 실패한 주문 "
                + Numbers.grouped(silent.path("impact").path("failedOrders").asLong(), 0) + "건");
        assertThat(spof).contains("- `mixed-version`: 두 버전이 함께 돈 ", " 동안 실패한 요청 "
                + Numbers.grouped(mixed.path("impact").path("failedRequests").asLong(), 0) + "건");
        assertThat(spof).contains("- `silent-failure`: 롤백 ", "측정하는 훈련: `payment-outage`, `payment-slow`");
        BrowserPages.requireBrowser();
        new BrowserPages(work).assertPageWorks(runDir.resolve("spof.html"), "drill-run-spof", 0);
    }

    @Test
    void theGameDaysPagesAreInKoreanOnly() throws IOException {
        RunChecks.assertPagesInOneLanguage(runDir, ReportLocale.KO);
    }

    /** Every port the run listened on: instances, gateway, load balancer, both databases, the alerting stack. */
    private static List<Integer> ports(JsonNode environment) {
        List<Integer> ports = RunChecks.ports(environment);
        assertThat(ports).as("ports of " + environment).hasSizeGreaterThanOrEqualTo(9);
        return ports;
    }

    private record Drill(Path dir, JsonNode summary, JsonNode result) {
        JsonNode criterion(String name) {
            for (JsonNode c : result.path("criteria")) {
                if (c.path("name").asText().equals(name)) {
                    return c;
                }
            }
            throw new AssertionError("no criterion " + name + " in " + result);
        }

        void assertPassed(String criterion) {
            assertThat(criterion(criterion).path("passed").asBoolean()).as(criterion + ": " + criterion(criterion)
                    + "\n" + result.toPrettyString()).isTrue();
        }

        List<String> fired() {
            List<String> names = new ArrayList<>();
            result.path("alerts").path("fired").forEach(a -> names.add(a.path("name").asText()));
            return names;
        }

        /** Detected within 15 s by an expected alert, a notice posted, the first action taken, recovered, orders whole. */
        void assertRespondedAndRecovered(String... expectedAlerts) {
            assertRespondedAndRecoveredDetectingWithin(15.0, expectedAlerts);
        }

        /** As {@link #assertRespondedAndRecovered}, for a drill whose own detection bound is {@code seconds}. */
        void assertRespondedAndRecoveredDetectingWithin(double seconds, String... expectedAlerts) {
            assertPassed("fault-injected");
            assertPassed("detected-within");
            assertThat(result.path("detectedBy").asText()).isIn((Object[]) expectedAlerts);
            assertThat(result.path("ttdSeconds").asDouble()).isLessThanOrEqualTo(seconds);
            assertPassed("notice-posted");
            assertPassed("first-action-taken");
            assertThat(result.path("firstActionAt").isTextual()).isTrue();
            assertPassed("recovered-within");
            assertThat(result.path("ttrSeconds").asDouble()).as("recovered after the first action: " + result.toPrettyString())
                    .isGreaterThan(result.path("ttfaSeconds").asDouble());
            assertRunIntegrity(summary, result);
            assertThat(dir.resolve("incident-" + result.path("name").asText() + ".md")).isNotEmptyFile();
        }
    }

    /**
     * A drill's integrity is the run's, which passes but for the charges a SIGKILL may cut (counted, at most 3 per
     * kill; see {@link RunChecks#assertIntegrityPassesButForChargesCutByKills}): the drill's integrity criterion says
     * so either way.
     */
    private static void assertRunIntegrity(JsonNode summary, JsonNode drill) {
        JsonNode integrity = summary.path("integrity");
        long cut = RunChecks.assertIntegrityPassesButForChargesCutByKills(integrity, KILLS);
        assertThat(drill.path("integrity").asText()).isEqualTo(integrity.path("verdict").asText())
                .isEqualTo(cut == 0 ? "pass" : "fail");
    }

    @Test
    void dbFailoverIsCaughtByTheDatabaseProbeAndTheStandbyPromoted() throws Exception {
        Drill drill = drill("db-failover");
        drill.assertRespondedAndRecovered("DatabaseDown");
    }

    /**
     * The synchronous standby promoted by the responder's failover takes orders within 15 s of it, and the run loses no
     * acknowledged order, duplicates none and oversells nothing. The gap is timed from the failover, not the crash:
     * the drill's criteria above time the response, this the promotion.
     */
    @Test
    void aSynchronousFailoverLosesNoAcknowledgedOrder() throws Exception {
        drill("db-failover");
        SaleDayRecord record = SaleDayRecord.read(runDir);
        Event crashed = record.first(EventKinds.DATABASE_ROLE, "db-primary", "crashed", Instant.EPOCH).orElseThrow();
        Event promoted = record.first(EventKinds.DATABASE_ROLE, "db-standby", "promoted", crashed.at())
                .orElseThrow(() -> new AssertionError("the standby was never promoted: " + record.events()));
        Instant failover = record.started("failover").at();
        OrderAttempt firstPlaced = record.ordersFrom(failover).stream().filter(OrderAttempt::succeeded).findFirst()
                .orElseThrow(() -> new AssertionError("no order placed on the new primary"));
        long gapMs = firstPlaced.atMillis() - failover.toEpochMilli();
        System.out.printf("synchronous failover: primary crashed at %s, failover ordered %d ms later, standby promoted "
                        + "%d ms after the crash; first order placed %d ms after the failover; integrity figures %s%n",
                crashed.at(), Duration.between(crashed.at(), failover).toMillis(),
                Duration.between(crashed.at(), promoted.at()).toMillis(), gapMs,
                summary.path("integrity").path("figures"));

        assertThat(gapMs).as("failover to the first order placed on the new primary").isLessThanOrEqualTo(15_000);
        assertThat(record.ordersFrom(record.ended("failover").at()))
                .as("orders placed on the new primary").anyMatch(OrderAttempt::succeeded);
        assertRunIntegrity(summary, drill("db-failover").result());
    }

    @Test
    void silentFailureIsCaughtOnlyByABusinessAlert() throws Exception {
        Drill drill = drill("silent-failure");
        drill.assertPassed("detected-within");
        assertThat(drill.result().path("detectedBy").asText()).isEqualTo("ProductDetailEntryDrop");
        assertThat(drill.fired()).doesNotContain("High5xxRatio", "HighLatencyP95");
        drill.assertPassed("recovered-within");
        assertRunIntegrity(summary, drill.result());
        // the incident report opened in a real browser: its chart drawn, no script error, a screenshot kept
        BrowserPages.requireBrowser();
        new BrowserPages(work).assertPageWorks(drill.dir().resolve("incident-silent-failure.html"),
                "drill-run-incident-silent-failure", 1);
    }

    /**
     * The lock holds while the drill goes on: detected, announced, and the responder's release-locks ends it
     * {@code responder.delay} after the notice (not when the lock would have let go by itself); recovery is measured
     * from that first action, and the drill's integrity and the run's agree.
     */
    @Test
    void dbLockIsReleasedByTheRespondersFirstActionWhileTheLockStillHolds() throws Exception {
        Drill drill = drill("db-lock");
        // its own bound (drills.catalogue.db-lock.criteria): the order pool takes a while to fill at this plan's rate
        drill.assertRespondedAndRecoveredDetectingWithin(20.0, "DbPoolWaits");
        JsonNode result = drill.result();
        assertThat(result.path("firstAction").asText()).isEqualTo("release-locks");
        assertThat(result.path("selfHealed").asBoolean()).as(result.toPrettyString()).isFalse();
        double afterNotice = java.time.Duration.between(java.time.Instant.parse(result.path("notifiedAt").asText()),
                java.time.Instant.parse(result.path("firstActionAt").asText())).toMillis() / 1000.0;
        assertThat(afterNotice).as("first action after the notice (responder.delay 5 s)").isBetween(4.0, 6.0);
        assertThat(result.path("ttfaSeconds").asDouble()).as("long before the 90 s lock would have let go")
                .isLessThan(60.0);
        assertThat(Files.readString(runDir.resolve("events.jsonl"))).contains("row locks released on request");
        assertRunIntegrity(summary, result);
        JsonNode figures = summary.path("integrity").path("figures");
        System.out.printf("db-lock: TTD %s s, TTN %s s, TTFA %s s, TTR %s s; impact %s; run integrity figures: "
                        + "%s unknown outcomes, %s paid but never told%n", result.path("ttdSeconds"),
                result.path("ttnSeconds"), result.path("ttfaSeconds"), result.path("ttrSeconds"), result.path("impact"),
                figures.path("unknownOutcomes"), figures.path("paidClientNeverTold"));
        assertThat(figures.path("unknownOutcomes").isNumber()).isTrue();
        assertThat(figures.path("paidClientNeverTold").isNumber()).isTrue();
    }

    @Test
    void alertmanagerDownIsCaughtByThePagerWatchdog() throws Exception {
        Drill drill = drill("alerting-down");
        drill.assertRespondedAndRecovered("PagerSilent");
        assertThat(drill.result().path("firstAction").asText()).contains("start-alertmanager");
    }

    @Test
    void aFaultThatEndsBeforeAnyoneActsIsInconclusiveAndTheRunDoesNotPass() throws Exception {
        Drill drill = drill("expiring-lock");
        JsonNode result = drill.result();
        assertThat(result.path("selfHealed").asBoolean()).as(result.toPrettyString()).isTrue();
        assertRunIntegrity(summary, result);
        if (result.path("integrity").asText().equals("pass")) {
            assertThat(result.path("verdict").asText()).as(result.toPrettyString()).isEqualTo("inconclusive");
            assertThat(result.path("verdictReason").asText()).isNotBlank();
            assertThat(output).contains("DRILL expiring-lock: INCONCLUSIVE");
        } else {
            // a charge cut by a kill fails the run's integrity: a failed criterion outweighs an unjudged response
            assertThat(result.path("verdict").asText()).as(result.toPrettyString()).isEqualTo("fail");
            assertThat(result.path("verdictReason").asText()).startsWith("integrity");
        }
        // a drill that proved nothing about the response is not a pass, so neither is the game day
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
    }

    @Test
    void aCompatibleDeployFiresNoAlert() throws Exception {
        Drill drill = drill("mixed-version");
        drill.assertPassed("no-alert-fired");
        assertThat(drill.fired()).isEmpty();
        // every request of the drill's window, counted per second, while v1 and v2 served side by side
        JsonNode impact = drill.result().path("impact");
        assertThat(impact.path("requests").asLong()).as("requests while two versions served").isPositive();
        assertThat(impact.path("failedRequests").asLong()).as("failed requests: " + impact).isZero();
        assertThat(impact.path("failedOrders").asLong()).isZero();
        assertRunIntegrity(summary, drill.result());
        // its verdict is the criteria's: a charge cut by another drill's kill fails the integrity criterion, named
        assertThat(drill.result().path("verdict").asText()).isEqualTo(
                summary.path("integrity").path("verdict").asText().equals("pass") ? "pass" : "fail");
    }
}
