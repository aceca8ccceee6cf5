package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.salerush.sim.it.RunChecks.SIMULATION;
import static dev.salerush.sim.it.RunChecks.assertNothingLeftBehind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite itself under faults, in real Gatling JVMs against the embedded sale environment: a target that dies in
 * the middle of the load, and a child process that cannot start. Each run must end by itself within a bounded time,
 * say why, and leave no process or listening port behind. (Signals are covered in {@link SmokeRunIT}.)
 */
@Order(ItLanes.LANE_ONE + 2)
class SuiteFaultsIT {
    private static final Pattern GATEWAY_PORT = Pattern.compile("payment gateway ready at http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern DATABASE_PORT = Pattern.compile("embedded PostgreSQL started on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path work;

    @Test
    void aTargetThatDiesMidRunEndsTheRunWithinSecondsAsFailedNamingTheCause() throws Exception {
        Map<String, String> properties = RunChecks.shortSmokeRun(work);
        properties.put("duration", "120s");
        properties.put("target.giveUpAfter", "3s");
        GatlingProcess.Running running = GatlingProcess.start(SIMULATION, work.resolve("gatling"), properties);
        running.awaitOutput("started...", 240);
        Thread.sleep(3_000);

        List<ProcessHandle> shop = RunChecks.children(running.process(), "dev.salerush.shop.ShopMain");
        assertThat(shop).as("the demo shop process").hasSize(1);
        long killedAt = System.nanoTime();
        shop.get(0).destroyForcibly();
        GatlingProcess.Result result = running.await(90);
        long secondsAfterKill = (System.nanoTime() - killedAt) / 1_000_000_000L;

        // 3 s to give up, then the users in flight finish and the environment stops: far from the planned 120 s
        assertThat(secondsAfterKill).as(result.output()).isLessThan(45);
        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        Path runDir = RunChecks.onlyRunFolder(work);
        JsonNode summary = RunChecks.summary(runDir);
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        assertThat(summary.path("status").asText()).isEqualTo("partial");
        assertThat(summary.path("failure").asText()).startsWith("target down: GET http://127.0.0.1:")
                .contains("/health has not answered 200 for 3 s");
        assertThat(summary.path("global").path("count").asLong()).isPositive();
        assertThat(runDir.resolve("index.html")).as("Gatling's report of the run").isRegularFile();
        assertThat(result.output()).contains("VERDICT: FAIL").contains("target down");
        assertNothingLeftBehind(summary, runDir);
    }

    @Test
    void aChildThatCannotStartIsNamedAndEverythingStartedBeforeItIsStopped() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> properties = RunChecks.shortSmokeRun(work);
            properties.put("embedded.shop.port", String.valueOf(taken.getLocalPort()));

            GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 240);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
            assertThat(result.output()).contains("salerush: ").contains("demo shop")
                    .contains(String.valueOf(taken.getLocalPort()));
            Path runDir = RunChecks.onlyRunFolder(work);
            JsonNode summary = RunChecks.summary(runDir);
            assertThat(summary.path("status").asText()).isEqualTo("partial");
            assertThat(summary.path("failure").asText()).contains("demo shop");
            assertThat(summary.has("global")).as("no load was sent").isFalse();
            // the gateway and PostgreSQL had started before the shop failed: both must be gone
            assertNothingLeftBehind(List.of(port(GATEWAY_PORT, result.output()), port(DATABASE_PORT, result.output())),
                    runDir);
            assertThat(Files.readString(runDir.resolve("shop.log"))).isNotEmpty();
        }
    }

    private static int port(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        assertThat(matcher.find()).as(pattern + " in\n" + output).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
