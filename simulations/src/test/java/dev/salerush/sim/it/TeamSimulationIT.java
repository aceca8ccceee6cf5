package dev.salerush.sim.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.example.goods.GoodsSimulation;
import dev.salerush.example.goods.GoodsStandIn;
import dev.salerush.sim.gatling.ConfiguredSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team's own simulation through the suite, as docs/own-service.md runs it: the example {@link GoodsSimulation},
 * selected by conf/examples/goods.conf's {@code simulation} key, against its stand-in API in a real Gatling JVM — and
 * the same run folder as the built-in simulation's. Bad selections end before anything is written or sent.
 */
@Order(ItLanes.LANE_TWO + 2)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class TeamSimulationIT {
    private static final String EXAMPLE_CONF = "conf/examples/goods.conf";

    @TempDir
    Path work;

    @Test
    void theExampleRunsAgainstItsStandInWithTheBuiltInRunFolder() throws Exception {
        try (GoodsStandIn standIn = GoodsStandIn.start(0)) {
            Map<String, String> properties = exampleRun(standIn);
            // no warm-up: every request the stand-in served is then one the suite measured
            properties.put("warmup.during", "0s");

            GatlingProcess.Result result = GatlingProcess.run(ConfiguredSimulation.class.getName(),
                    work.resolve("gatling"), properties, 120);

            Path runDir = RunChecks.onlyRunFolder(work);
            JsonNode summary = RunChecks.summary(runDir);
            assertThat(summary.path("simulation").asText()).as(result.output()).isEqualTo(GoodsSimulation.class.getName());
            assertThat(summary.path("status").asText()).isEqualTo("complete");
            assertThat(result.exitCode()).as("exit status follows the verdict")
                    .isEqualTo(summary.path("verdict").asText().equals("pass") ? 0 : 2);

            Map<String, Long> served = standIn.servedCounts();
            JsonNode requests = summary.path("requests");
            long pages = count(requests, "goods first page") + count(requests, "goods next page");
            assertThat(count(requests, "goods first page")).isPositive();
            assertThat(count(requests, "goods next page")).isPositive();
            assertThat(pages).as("list requests measured vs served").isEqualTo(served.get(GoodsStandIn.LIST));
            assertThat(count(requests, "goods detail")).isPositive().isEqualTo(served.get(GoodsStandIn.DETAIL));
            assertThat(count(requests, "purchase")).isPositive().isEqualTo(served.get(GoodsStandIn.PURCHASE));
            assertThat(summary.path("global").path("count").asLong())
                    .isEqualTo(served.values().stream().mapToLong(Long::longValue).sum());

            assertThat(summary.path("slo")).isNotEmpty();
            summary.path("slo").forEach(slo -> assertThat(slo.has("actual") && slo.has("passed")).as(slo.toString()).isTrue());
            assertThat(summary.path("regression").path("verdict").asText()).isEqualTo("no baseline");
            JsonNode integrity = summary.path("integrity");
            assertThat(integrity.path("verdict").asText()).as(integrity.toString()).isEqualTo("pass");
            JsonNode figures = integrity.path("figures");
            long acknowledged = figures.path("responses").path("201").asLong();
            assertThat(acknowledged).as("purchases the client saw placed").isPositive()
                    .isEqualTo(figures.path("ordersInDatabase").asLong())
                    .isEqualTo(figures.path("paidOrders").asLong())
                    .isEqualTo(standIn.purchasesStored());
            assertThat(figures.path("orderAttempts").asLong()).isEqualTo(count(requests, "purchase"));
            assertThat(figures.path("oversoldUnits").asLong()).isZero();
            assertThat(RunChecks.integrityCheck(integrity, "no oversell").path("status").asText()).isEqualTo("passed");
            assertThat(RunChecks.integrityCheck(integrity, "stock balance").path("status").asText()).isEqualTo("passed");
            assertThat(RunChecks.integrityCheck(integrity, "client successes are paid orders").path("status").asText()).isEqualTo("passed");
            assertThat(RunChecks.integrityCheck(integrity, "gateway payments match paid orders").path("detail").asText())
                    .isEqualTo("a team's target has no payment gateway of the suite's whose journal could be matched"
                            + " with its orders");
            assertThat(summary.path("server").path("processCpuMean").isNumber()).as("the stand-in's metrics were scraped: "
                    + summary.path("server")).isTrue();

            for (String file : new String[] {"report.html", "summary.md", "junit.xml", "latency.hlog", "index.html"}) {
                assertThat(runDir.resolve(file)).as(file).isRegularFile();
            }
            assertThat(runDir.resolve("report.html")).content().contains("goods first page");
            assertThat(runDir.resolve("orders.csv")).isRegularFile();
        }
    }

    @Test
    void aPurchaseAcknowledgedButNeverStoredFailsTheRunsIntegrity() throws Exception {
        try (GoodsStandIn standIn = GoodsStandIn.startLosingPurchases(0)) {
            Map<String, String> properties = exampleRun(standIn);
            properties.put("warmup.during", "0s");

            GatlingProcess.Result result = GatlingProcess.run(ConfiguredSimulation.class.getName(),
                    work.resolve("gatling"), properties, 120);

            JsonNode summary = RunChecks.summary(RunChecks.onlyRunFolder(work));
            JsonNode integrity = summary.path("integrity");
            long acknowledged = integrity.path("figures").path("responses").path("201").asLong();
            long stored = standIn.purchasesStored();
            assertThat(stored).as("the stand-in lost some acknowledged purchases").isLessThan(acknowledged);
            assertThat(integrity.path("verdict").asText()).as(result.output()).isEqualTo("fail");
            assertThat(integrity.path("reason").asText())
                    .startsWith("order integrity violated: client successes are paid orders (P");
            JsonNode lost = RunChecks.integrityCheck(integrity, "client successes are paid orders");
            assertThat(lost.path("detail").asText()).startsWith("of " + acknowledged + " orders the client saw placed"
                    + " (201): " + (acknowledged - stored) + " missing from the database, 0 not PAID");
            assertThat(integrity.path("figures").path("acknowledgedMissing").asLong()).isEqualTo(acknowledged - stored);
            assertThat(summary.path("verdict").asText()).isEqualTo("fail");
            assertThat(result.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void aTeamQueryOfTheWrongShapeLeavesTheCheckIncompleteNamingItsKey() throws Exception {
        try (GoodsStandIn standIn = GoodsStandIn.start(0)) {
            Map<String, String> properties = exampleRun(standIn);
            properties.put("integrity.queries.ordersAfter", "SELECT purchase_no, goods_no FROM purchase WHERE purchase_no > ?");

            GatlingProcess.run(ConfiguredSimulation.class.getName(), work.resolve("gatling"), properties, 120);

            JsonNode integrity = RunChecks.summary(RunChecks.onlyRunFolder(work)).path("integrity");
            assertThat(integrity.path("verdict").asText()).isEqualTo("fail");
            assertThat(RunChecks.integrityCheck(integrity, "read the orders").path("detail").asText()).isEqualTo("could not be completed:"
                    + " after the load, integrity.queries.ordersAfter failed: returned 2 columns, expected 6");
        }
    }

    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "simulation | com.example.NoSuchSimulation | simulation: unknown class 'com.example.NoSuchSimulation'",
            "simulation | dev.salerush.example.goods.GoodsStandIn | simulation: dev.salerush.example.goods.GoodsStandIn is not a concrete subclass of dev.salerush.sim.gatling.SalerushSimulation",
            "simulation | dev.salerush.sim.it.NoMeanSimulation | journeys.requestsPerUser: dev.salerush.sim.it.NoMeanSimulation does not override requestsPerUser() and journeys.requestsPerUser is 0"})
    void aBadSelectionEndsBeforeAnythingIsWrittenOrSent(String key, String value, String message) throws Exception {
        try (ServerSocket target = new ServerSocket(0)) {
            AtomicInteger connections = BadInputIT.countConnections(target);
            Map<String, String> properties = exampleRun("http://127.0.0.1:" + target.getLocalPort());
            properties.put(key, value);

            GatlingProcess.Result result = GatlingProcess.run(ConfiguredSimulation.class.getName(),
                    work.resolve("gatling"), properties, 120);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
            assertThat(result.output()).contains("salerush: configuration error: " + message);
            assertThat(work.resolve("results")).as("no run folder").doesNotExist();
            assertThat(connections.get()).as("connections to the target").isZero();
        }
    }

    @Test
    void aFeederTheConfDoesNotNameEndsTheStartedRunBeforeAnyLoad() throws Exception {
        try (GoodsStandIn standIn = GoodsStandIn.start(0)) {
            Map<String, String> properties = exampleRun(standIn.baseUrl());
            properties.put("simulation", UnknownFeederSimulation.class.getName());

            GatlingProcess.Result result = GatlingProcess.run(ConfiguredSimulation.class.getName(),
                    work.resolve("gatling"), properties, 120);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
            assertThat(result.output()).contains("salerush: no feeder 'members' in ids.feeders; configured: brands");
            JsonNode summary = RunChecks.summary(RunChecks.onlyRunFolder(work));
            assertThat(summary.path("status").asText()).isEqualTo("partial");
            assertThat(summary.path("failure").asText())
                    .isEqualTo("could not start the run: no feeder 'members' in ids.feeders; configured: brands");
            assertThat(standIn.servedCounts().values()).as("no load sent").containsOnly(0L);
        }
    }

    /** The example's conf against the stand-in and its database. */
    private Map<String, String> exampleRun(GoodsStandIn standIn) {
        Map<String, String> properties = exampleRun(standIn.baseUrl());
        properties.put("db.url", standIn.jdbcUrl());
        return properties;
    }

    /** The example's conf against {@code baseUrl}, its smoke run shortened, results in the test's folder. */
    private Map<String, String> exampleRun(String baseUrl) {
        Map<String, String> properties = new HashMap<>();
        properties.put("salerush.conf", EXAMPLE_CONF);
        properties.put("target.baseUrl", baseUrl);
        properties.put("results.dir", work.resolve("results").toString());
        properties.put("duration", "6s");
        return properties;
    }

    private static long count(JsonNode requests, String name) {
        return requests.path(name).path("count").asLong();
    }
}
