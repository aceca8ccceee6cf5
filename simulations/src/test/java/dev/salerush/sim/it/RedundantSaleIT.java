package dev.salerush.sim.it;

import org.junit.jupiter.api.Order;
import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.env.events.Event;
import dev.salerush.env.events.EventKinds;
import dev.salerush.sim.integrity.OrderAttempt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Gatling runs of a sale-day load (browsers and orderers of the hot items) against the redundant topology —
 * HAProxy, two shop instances, a PostgreSQL primary with a synchronous standby — while the suite performs operations
 * on it: an instance killed, a broken rolling deploy rolled back, an overload. (A compatible deploy failing no
 * request is DrillsIT's mixed-version drill, whose every request is counted per second; the database failovers are
 * drills too: the synchronous one in DrillsIT's game day, the asynchronous one in AsyncFailoverDrillIT.)
 * Every figure comes from the run folder: the client's view of every order ({@code orders.csv}), the event log and
 * the integrity checks of {@code summary.json}.
 */
@Order(ItLanes.LANE_ONE)
class RedundantSaleIT {
    /** The orderers' share of arriving users, higher than the default mix so that a window holds many orders. */
    private static final String MIX = "journeys.saleDay { browsing = 50, ordering = 50 }";
    /**
     * A warm-up below the measured load: the default one (half the plan's 306 rps peak) would be far above these
     * short runs' load, and a cold shop meets it with an exhausted order pool.
     */
    private static final String WARMUP = "warmup { during = 5s, usersPerSec = 10, peak = null }";
    private static final long WARMUP_MS = 5_000;

    @TempDir
    Path work;

    @BeforeAll
    static void haproxyInstalled() {
        RequiredTools.assumeInstalled("SALERUSH_REQUIRE_HAPROXY", "apt-get install haproxy", RequiredTools.HAPROXY);
    }

    /** A team file: a constant sale-day load of {@code seconds} after a short warm-up, judged by integrity only. */
    private Map<String, String> saleDay(int usersPerSec, int seconds, String operations) throws IOException {
        Path teamConf = work.resolve("redundant.conf");
        Files.writeString(teamConf, """
                profiles.redundant-sale {
                  journey = sale-day
                  injection = [ { type = constant, usersPerSec = %d, during = %ds } ]
                  # the test judges its own criteria; the run's verdict is its integrity's
                  slo = [ { name = "failed requests", metric = koPercent, threshold = 100 } ]
                }
                %s
                %s
                journeys.ordering { hotStock = 100000, retryProbability = 0.1 }
                """.formatted(usersPerSec, seconds, MIX, WARMUP));
        Map<String, String> properties = new HashMap<>();
        properties.put("salerush.conf", teamConf.toString());
        properties.put("profile", "redundant-sale");
        properties.put("results.dir", work.resolve("results").toString());
        properties.put("dataset.scale", "0.01");
        properties.put("embedded.topology", "redundant");
        properties.put("operations", operations);
        return properties;
    }

    private Run run(Map<String, String> properties) throws Exception {
        GatlingProcess.Result result = GatlingProcess.run(RunChecks.SIMULATION, work.resolve("gatling"), properties,
                420);
        Path runDir = RunChecks.onlyRunFolder(work);
        JsonNode summary = RunChecks.summary(runDir);
        assertThat(summary.path("status").asText()).as(result.output()).isEqualTo("complete");
        assertThat(summary.path("environment").path("operations").findValuesAsText("succeeded"))
                .as("every operation succeeded: " + summary.path("environment").path("operations"))
                .allMatch("true"::equals);
        return new Run(result, runDir, summary, SaleDayRecord.read(runDir));
    }

    private record Run(GatlingProcess.Result result, Path dir, JsonNode summary, SaleDayRecord record) {
        JsonNode integrity() {
            return summary.path("integrity");
        }

        /** One instance killed: see {@link RunChecks#assertIntegrityPassesButForChargesCutByKills}. */
        long assertIntegrityPassesButForChargesCutByAKill() {
            return RunChecks.assertIntegrityPassesButForChargesCutByKills(integrity(), 1);
        }

        void assertIntegrityPasses() {
            RunChecks.assertIntegrityPasses(integrity());
        }
    }

    @Test
    void aKilledInstanceIsMarkedDownWithinTwoSecondsFewOrdersFailAndItComesBackBesideANewOne() throws Exception {
        Run run = run(saleDay(30, 32, "10s kill-instance shop-1; 16s restart-instance shop-1; 22s scale-out"));
        SaleDayRecord record = run.record();

        // from the operation's start: its SIGKILL step is recorded after the signal, and HAProxy marked the instance
        // down on live errors 12 ms before that record in one run
        Event killed = record.first(EventKinds.OPERATION_STARTED, "kill-instance", "shop-1", Instant.EPOCH)
                .orElseThrow();
        Event down = record.first(EventKinds.SERVER_STATE, "shop-1", "-> DOWN", killed.at())
                .orElseThrow(() -> new AssertionError("shop-1 never marked down: " + record.events()));
        long detectionMs = Duration.between(killed.at(), down.at()).toMillis();
        List<OrderAttempt> window = record.measuredOrders(WARMUP_MS);
        List<OrderAttempt> failed = window.stream().filter(SaleDayRecord::failed).toList();
        double failedPercent = 100.0 * failed.size() / window.size();
        System.out.printf("instance kill: marked DOWN %d ms after SIGKILL; %d of %d order attempts after the warm-up "
                + "failed (%.2f %%): %s%n", detectionMs, failed.size(), window.size(), failedPercent,
                SaleDayRecord.statuses(failed));

        assertThat(detectionMs).as("HAProxy marks the killed instance down").isLessThanOrEqualTo(2_000);
        assertThat(window).hasSizeGreaterThan(400);
        assertThat(failedPercent).as("failed order attempts").isLessThanOrEqualTo(0.5);
        System.out.printf("instance kill: %d charges left without an order by the kill%n",
                run.assertIntegrityPassesButForChargesCutByAKill());
        // restarted, and one more instance added through the runtime API: all three up and taking load
        assertThat(record.first(EventKinds.SERVER_STATE, "shop-1", "DOWN -> UP", down.at())).isPresent();
        assertThat(record.first(EventKinds.OPERATION_STEP, "shop-3", "UP at the load balancer", Instant.EPOCH))
                .isPresent();
        assertThat(run.summary().path("environment").path("instances").findValuesAsText("running"))
                .containsExactly("true", "true", "true");
    }

    @Test
    void aBrokenDeployFailsOrdersOnlyUntilItsRollbackHasEnded() throws Exception {
        Map<String, String> properties = saleDay(20, 42, "6s rolling-deploy v2:broken-orders; 20s rollback");
        // both instances on the broken version are both marked down: the site is down until the rollback, which the
        // run must live through rather than end as "target down"
        properties.put("target.giveUpAfter", "60s");
        Run run = run(properties);
        SaleDayRecord record = run.record();
        Instant deployStarted = record.started("rolling-deploy").at();
        Instant rolledBack = record.ended("rollback").at();
        List<OrderAttempt> failed = record.failedOrders();
        List<OrderAttempt> afterRollback = record.ordersFrom(rolledBack);
        System.out.printf("broken deploy at %s, rollback ended at %s: %d failed order attempts, first %s, last %s; "
                        + "%d attempts after the rollback; failed by status %s%n", deployStarted, rolledBack, failed.size(),
                failed.isEmpty() ? "-" : Instant.ofEpochMilli(failed.get(0).atMillis()),
                failed.isEmpty() ? "-" : Instant.ofEpochMilli(failed.get(failed.size() - 1).atMillis()),
                afterRollback.size(), SaleDayRecord.statuses(failed));

        assertThat(failed).as("the broken version failed orders").isNotEmpty();
        assertThat(record.measuredOrders(WARMUP_MS).stream().filter(SaleDayRecord::failed).toList())
                .as("failures confined to the deploy-to-rollback window")
                .allSatisfy(o -> assertThat(o.atMillis()).isBetween(deployStarted.toEpochMilli(),
                        rolledBack.toEpochMilli()));
        assertThat(afterRollback).as("orders after the rollback").isNotEmpty().noneMatch(SaleDayRecord::failed);
        assertThat(run.summary().path("environment").path("instances").findValuesAsText("version"))
                .containsOnly("v1");
        run.assertIntegrityPasses();
    }

    /**
     * Ten times the plan's peak for 10 s between two phases at the peak. The plan is scaled down (a peak of 20 rps)
     * and the shop made small on purpose — two requests in progress per instance, each held 50 ms, four waiting for
     * at most 100 ms — so that the overload is one for any machine that runs the test, injector included.
     */
    @Test
    void anOverloadOfTenTimesThePeakIsShedWith503AndTheShopServesNormallyFiveSecondsAfter() throws Exception {
        Path teamConf = work.resolve("overload.conf");
        Files.writeString(teamConf, """
                profiles.overload {
                  journey = sale-day
                  injection = [
                    { type = constant, peak = 1, during = 8s }
                    { type = constant, peak = 10, during = 10s }
                    { type = constant, peak = 1, during = 12s }
                  ]
                  slo = [ { name = "failed requests", metric = koPercent, threshold = 100 } ]
                }
                # a peak of 20 rps: 1.65 M requests a day would be 8x that; here 216,000 requests a day at 8x
                plan { dau = 108000, requestsPerUserPerDay = 2, peakToAverage = 8 }
                %s
                journeys.ordering { hotStock = 100000 }
                %s
                embedded.shop {
                  artificialDelay = 50ms
                  admission { maxConcurrent = 2, maxQueued = 4, queueWait = 100ms }
                }
                """.formatted(MIX, WARMUP));
        Map<String, String> properties = new HashMap<>();
        properties.put("salerush.conf", teamConf.toString());
        properties.put("profile", "overload");
        properties.put("results.dir", work.resolve("results").toString());
        properties.put("dataset.scale", "0.01");
        properties.put("embedded.topology", "redundant");
        Run run = run(properties);
        SaleDayRecord record = run.record();

        long start = record.orders().get(0).atMillis() + WARMUP_MS;
        List<OrderAttempt> overload = record.ordersBetween(Instant.ofEpochMilli(start + 8_000),
                Instant.ofEpochMilli(start + 18_000));
        List<OrderAttempt> after = record.ordersFrom(Instant.ofEpochMilli(start + 23_000));
        long shed = overload.stream().filter(o -> o.status() != null && o.status() == 503).count();
        System.out.printf("overload: plan peak %.1f rps; during 10x: %d order attempts, %d answered 503; from 5 s "
                        + "after: %d attempts, %d failed; global %s%n",
                run.summary().path("plan").path("peakRps").asDouble(), overload.size(), shed, after.size(),
                after.stream().filter(SaleDayRecord::failed).count(), run.summary().path("global"));

        assertThat(shed).as("orders shed with 503 during the overload").isPositive();
        assertThat(run.summary().path("environment").path("instances").findValuesAsText("running"))
                .as("both instances alive at the end").containsExactly("true", "true");
        assertThat(after).as("orders from 5 s after the overload").isNotEmpty().noneMatch(SaleDayRecord::failed);
        run.assertIntegrityPasses();
    }
}
