package dev.salerush.sim.it;

import org.junit.jupiter.api.Order;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.integrity.IntegrityChecks;
import dev.salerush.sim.integrity.OrderLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Gatling runs of hot-item ordering (many users, three products, little stock) against the embedded sale
 * environment: the demo shop passes the order integrity check, and its deliberately broken stock check (a plain read,
 * then a blind write) is caught as an oversell that fails the run.
 */
@Order(ItLanes.LANE_TWO + 3)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class OrderIntegrityIT {
    static final String SIMULATION = "dev.salerush.sim.simulations.SaleSimulation";
    static final ObjectMapper JSON = new ObjectMapper();
    static final int HOT_PRODUCTS = 2;
    static final int HOT_STOCK = 20;

    @TempDir
    Path work;

    /**
     * 15 orderers/s for 10 s, no think time, after 2 products of 20 units each: they sell out within seconds. Payments
     * take ~100 ms, so orders of one product overlap (the broken variant's read and write straddle the payment). The
     * shop keeps its default gateway timeout: a charge it gives up on (a cold shop on a busy machine) is voided, and
     * the payments check counts it as voided rather than as a charge for nothing.
     */
    Map<String, String> hotItemRun() throws IOException {
        Path teamConf = work.resolve("hot-items.conf");
        Files.writeString(teamConf, """
                profiles.hot-items {
                  journey = ordering
                  injection = [ { type = constant, usersPerSec = 15, during = 10s } ]
                  # only the integrity check decides here
                  slo = [ { name = "failed requests", metric = koPercent, threshold = 100 } ]
                }
                journeys.ordering {
                  hotProducts = %d
                  hotStock = %d
                  retryProbability = 0.2
                  thinkTime { min = 0ms, max = 0ms }
                }
                """.formatted(HOT_PRODUCTS, HOT_STOCK));
        Map<String, String> properties = new HashMap<>();
        properties.put("salerush.conf", teamConf.toString());
        properties.put("profile", "hot-items");
        properties.put("results.dir", work.resolve("results").toString());
        properties.put("dataset.scale", "0.01");
        properties.put("warmup.during", "0s");
        properties.put("embedded.gateway.medianLatency", "100ms");
        return properties;
    }

    @Test
    void theDemoShopSellsExactlyItsHotStockAndPassesEveryCheck() throws Exception {
        GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), hotItemRun(), 300);

        Path runDir = RunChecks.onlyRunFolder(work);
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        JsonNode integrity = summary.path("integrity");
        assertThat(integrity.path("verdict").asText()).as(result.output()).isEqualTo("pass");
        assertThat(integrity.path("checks").findValuesAsText("status")).hasSize(7).containsOnly("passed");
        assertThat(result.exitCode()).as(result.output()).isZero();

        JsonNode figures = integrity.path("figures");
        System.out.println("normal run, integrity figures: " + figures);
        assertThat(figures.path("unitsSold").asLong()).as("every hot unit sold, none twice").isEqualTo(HOT_PRODUCTS * HOT_STOCK);
        assertThat(figures.path("oversoldUnits").asLong()).isZero();
        assertThat(figures.path("responses").path("409").asLong()).as("sold out during the run").isPositive();
        assertThat(figures.path("retries").asLong()).isPositive();
        assertThat(figures.path("paymentsInJournal").asLong() - figures.path("voidedCharges").asLong())
                .as("standing charges").isEqualTo(figures.path("paidOrders").asLong()).isPositive();
        List<String> log = Files.readAllLines(runDir.resolve(OrderLog.FILE));
        assertThat(log).hasSize(1 + figures.path("orderAttempts").asInt());
        assertThat(Files.readString(runDir.resolve("junit.xml"))).contains("classname=\"salerush.integrity\" name=\"no oversell\"");
    }

    @Test
    void theDeliberatelyBrokenStockCheckIsCaughtAsAnOversellThatFailsTheRun() throws Exception {
        Map<String, String> properties = hotItemRun();
        properties.put("embedded.shop.unsafeStockCheck", "true");

        GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 300);

        Path runDir = RunChecks.onlyRunFolder(work);
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        JsonNode integrity = summary.path("integrity");
        assertThat(integrity.path("verdict").asText()).as(result.output()).isEqualTo("fail");
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        assertThat(result.exitCode()).as("the failed verdict's exit code\n" + result.output()).isEqualTo(2);

        System.out.println("broken run, integrity: " + integrity.path("reason").asText() + "; figures: " + integrity.path("figures"));
        JsonNode balance = RunChecks.integrityCheck(integrity, IntegrityChecks.STOCK_BALANCE);
        assertThat(balance.path("passed").asBoolean()).isFalse();
        assertThat(balance.path("offendingIds")).isNotEmpty();
        assertThat(integrity.path("figures").path("unitsSold").asLong())
                .as("more units sold than the hot products held").isGreaterThan(HOT_PRODUCTS * HOT_STOCK);
        assertThat(RunChecks.integrityCheck(integrity, IntegrityChecks.NO_OVERSELL).path("passed").asBoolean()).isFalse();
        assertThat(integrity.path("figures").path("oversoldUnits").asLong()).isPositive();
        // the client, the database and the gateway still agree order by order: the lost units are the stock's
        assertThat(RunChecks.integrityCheck(integrity, IntegrityChecks.CLIENT_SUCCESSES_PAID).path("passed").asBoolean()).isTrue();
        assertThat(RunChecks.integrityCheck(integrity, IntegrityChecks.PAYMENTS_MATCH).path("passed").asBoolean()).isTrue();

        String offending = balance.path("offendingIds").get(0).asText();
        assertThat(integrity.path("reason").asText()).contains("stock balance (" + offending);
        assertThat(result.output()).contains("order integrity: FAIL", "VERDICT: FAIL");
        assertThat(Files.readString(runDir.resolve("junit.xml")))
                .contains("classname=\"salerush.integrity\" name=\"stock balance\"><failure");
    }
}
