package dev.salerush.sim.it;

import dev.salerush.sim.config.ReportLocale;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.salerush.sim.it.RunChecks.JSON;
import static dev.salerush.sim.it.RunChecks.SIMULATION;
import static dev.salerush.sim.it.RunChecks.assertNothingLeftBehind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Gatling runs of the product-browsing simulation, each in its own JVM as the Maven plugin starts it, against the
 * embedded sale environment (embedded PostgreSQL, payment gateway and demo shop processes).
 */
@Order(ItLanes.LANE_TWO + 1)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class SmokeRunIT {
    @TempDir
    Path work;

    Map<String, String> shortSmokeRun() {
        return RunChecks.shortSmokeRun(work);
    }

    Path onlyRunFolder() throws IOException {
        return RunChecks.onlyRunFolder(work);
    }

    @Test
    void smokeRunLeavesGatlingReportExactSummaryAndNoProcessBehind() throws Exception {
        GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), shortSmokeRun(), 300);

        Path runDir = onlyRunFolder();
        assertThat(runDir.resolve("index.html")).as(result.output()).isRegularFile();
        assertThat(runDir.resolve("latency.hlog")).isNotEmptyFile();
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.path("runId").asText()).isEqualTo(runDir.getFileName().toString());
        assertThat(summary.path("profile").asText()).isEqualTo("smoke");
        assertThat(summary.path("status").asText()).isEqualTo("complete");
        assertThat(summary.path("embedded").asBoolean()).isTrue();
        // 5 users/s for 5 s, each listing, sometimes paging deeper and opening a detail
        JsonNode global = summary.path("global");
        assertThat(global.path("count").asLong()).isBetween(25L, 150L);
        assertThat(global.path("ok").asLong() + global.path("ko").asLong()).isEqualTo(global.path("count").asLong());
        assertThat(global.path("p50Ms").asLong()).isPositive().isLessThanOrEqualTo(global.path("p95Ms").asLong());
        assertThat(global.path("p95Ms").asLong()).isLessThanOrEqualTo(global.path("maxMs").asLong());
        assertThat(summary.path("requests").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("list products", "list next page", "product detail");
        assertThat(summary.path("slo").findValuesAsText("metric")).containsExactly("p95Ms", "koPercent");
        assertThat(summary.path("environment").path("dataset").path("rows").path("product").asLong()).isEqualTo(2240);

        assertIntervalLogMatchesSummary(runDir.resolve("latency.hlog"), global);
        assertThat(summary.path("environment").path("dataset").path("planCheck").isObject()).isTrue();
        assertThat(runDir.resolve("report.html")).content().contains("data-verdict=\"" + summary.path("verdict").asText());
        assertThat(runDir.resolve("summary.md")).content().contains("`smoke` 부하 테스트 `" + runDir.getFileName());
        RunChecks.assertPagesInOneLanguage(runDir, ReportLocale.KO);
        RunChecks.assertPlanMatchesSummary(runDir, summary);
        assertThat(work.resolve("results").resolve("index.html")).content().contains(runDir.getFileName() + "/report.html");
        assertThat(result.output()).contains("results: " + runDir.resolve("report.html"));

        boolean passed = summary.path("verdict").asText().equals("pass");
        assertThat(result.exitCode() == 0).as("exit code follows the verdict\n" + result.output()).isEqualTo(passed);
        assertThat(result.output()).contains("VERDICT: " + (passed ? "PASS" : "FAIL"));
        assertNothingLeftBehind(summary, runDir);
    }

    @Test
    void anImpossibleSloFailsTheRun() throws Exception {
        Path teamConf = work.resolve("impossible.conf");
        Files.writeString(teamConf, """
                profiles.impossible {
                  injection = [ { type = constant, usersPerSec = 5, during = 3s } ]
                  slo = [ { name = "faster than light", metric = p95Ms, threshold = 0.001 } ]
                }
                """);
        Map<String, String> properties = shortSmokeRun();
        properties.put("salerush.conf", teamConf.toString());
        properties.put("profile", "impossible");
        properties.put("warmup.during", "0s");

        GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 300);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        Path runDir = onlyRunFolder();
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        JsonNode slo = summary.path("slo").get(0);
        assertThat(slo.path("name").asText()).isEqualTo("faster than light");
        assertThat(slo.path("passed").asBoolean()).isFalse();
        assertThat(slo.path("actual").asDouble()).isGreaterThan(0.001);
        assertThat(result.output()).contains("FAIL faster than light");
        assertNothingLeftBehind(summary, runDir);
    }

    @Test
    void anUnknownProfileFailsFastListingTheProfilesAndStartsNothing() throws Exception {
        Map<String, String> properties = shortSmokeRun();
        properties.put("profile", "nope");

        GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 120);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("salerush: configuration error: unknown profile 'nope'; available profiles: ")
                .contains("smoke")
                .doesNotContain("embedded PostgreSQL started");
        assertThat(work.resolve("results")).doesNotExist();
    }

    @Test
    void anUnreachableExternalTargetFailsWithinSecondsNamingTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        Map<String, String> properties = shortSmokeRun();
        properties.put("target.baseUrl", url);
        properties.put("target.healthTimeout", "2s");

        GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 120);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("target unreachable: GET " + url + "/health");
        JsonNode summary = JSON.readTree(onlyRunFolder().resolve("summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("partial");
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        assertThat(summary.path("failure").asText()).contains(url);
        assertThat(summary.has("global")).isFalse();
    }

    /**
     * Ctrl-C in a terminal sends SIGINT to the foreground process group. (SIGTERM, what CI runners and kill send,
     * ends the JVM through the same shutdown hooks; StagingDrillsIT sends it to a run mid-fault.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT"})
    void aSignalDuringTheLoadStopsEverythingAndKeepsPartialResults(String signal) throws Exception {
        Map<String, String> properties = shortSmokeRun();
        properties.put("duration", "60s");
        GatlingProcess.Running running = GatlingProcess.start(SIMULATION, work.resolve("gatling"), properties);
        running.awaitOutput("started...", 240);
        // past the 3 s warm-up (see RunChecks.shortSmokeRun), into the measured load
        Thread.sleep(5_000);

        new ProcessBuilder("kill", "-" + signal, String.valueOf(running.process().pid())).start().waitFor();
        GatlingProcess.Result result = running.await(60);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        Path runDir = onlyRunFolder();
        JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("partial");
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        assertThat(summary.path("failure").asText()).contains("interrupted");
        assertThat(summary.path("global").path("count").asLong()).isPositive();
        assertThat(runDir.resolve("latency.hlog")).isNotEmptyFile();
        assertNothingLeftBehind(summary, runDir);
    }

    /** Merging the interval log's untagged (all requests) intervals gives exactly the summary's global figures. */
    private static void assertIntervalLogMatchesSummary(Path log, JsonNode global) throws IOException {
        Histogram merged = new Histogram(3);
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null; interval = reader.nextIntervalHistogram()) {
            if (interval.getTag() == null) {
                merged.add((Histogram) interval);
            }
        }
        assertThat(merged.getTotalCount()).isEqualTo(global.path("count").asLong() - global.path("withoutResponse").asLong());
        assertThat(merged.getValueAtPercentile(50)).isEqualTo(global.path("p50Ms").asLong());
        assertThat(merged.getValueAtPercentile(95)).isEqualTo(global.path("p95Ms").asLong());
        assertThat(merged.getValueAtPercentile(99)).isEqualTo(global.path("p99Ms").asLong());
        assertThat(merged.getMaxValue()).isEqualTo(global.path("maxMs").asLong());
    }
}
