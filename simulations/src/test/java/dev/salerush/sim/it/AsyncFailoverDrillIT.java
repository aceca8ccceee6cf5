package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.sim.integrity.IntegrityChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code db-failover} drill on asynchronous replication ({@code embedded.redundancy.synchronous = false}): the
 * primary crashes under the sale-day load, the standby is promoted, and whatever acknowledged orders the standby had
 * not received are gone. The run counts them, and the drill's verdict says so — a loss the configuration accepts is
 * reported as accepted, never passed over in silence.
 */
@Order(ItLanes.LANE_ONE + 1)
class AsyncFailoverDrillIT {
    @TempDir
    Path work;

    @BeforeAll
    static void toolsInstalled() {
        RequiredTools.assumeAlertingStack();
    }

    @Test
    void anAsynchronousFailoverCountsItsAcknowledgedLossesAndTheDrillSaysSo() throws Exception {
        Path teamConf = work.resolve("async.conf");
        // the game day's plan and phases (DrillsIT), on asynchronous replication
        Files.writeString(teamConf, DrillsIT.PLAN + "\n" + DrillsIT.PHASES + "\nembedded.redundancy.synchronous = false\n");
        Map<String, String> properties = new HashMap<>();
        properties.put("salerush.conf", teamConf.toString());
        properties.put("drill", "db-failover");
        properties.put("duration", "150s");
        properties.put("results.dir", work.resolve("results").toString());
        properties.put("dataset.scale", "0.01");
        GatlingProcess.Result result = GatlingProcess.run(RunChecks.SIMULATION, work.resolve("gatling"), properties,
                420);

        Path runDir = RunChecks.onlyRunFolder(work);
        JsonNode summary = RunChecks.summary(runDir);
        assertThat(summary.path("status").asText()).as(result.output()).isEqualTo("complete");
        JsonNode integrity = summary.path("integrity");
        JsonNode drill = summary.path("drills").path(0);
        long lost = integrity.path("figures").path("acknowledgedMissing").asLong(-1);
        System.out.printf("asynchronous failover drill: %d acknowledged orders missing afterwards; run integrity %s;"
                        + " drill %s (%s); TTD %s s, TTR %s s%n", lost, integrity.path("verdict").asText(),
                drill.path("verdict").asText(), drill.path("verdictReason").asText(), drill.path("ttdSeconds"),
                drill.path("ttrSeconds"));

        assertThat(summary.path("environment").path("replication").asText()).isEqualTo("async");
        assertThat(lost).as("acknowledged orders missing are counted").isNotNegative();
        assertThat(RunChecks.integrityCheck(integrity, IntegrityChecks.ONE_ORDER_PER_KEY).path("passed").asBoolean())
                .isTrue();
        assertThat(drill.path("detectedBy").asText()).isEqualTo("DatabaseDown");
        assertThat(drill.path("firstAction").asText()).isEqualTo("failover");
        // one truth: the drill's integrity is the run's, and a lost order is named as accepted by the configuration
        assertThat(drill.path("integrity").asText()).isEqualTo(integrity.path("verdict").asText());
        if (lost > 0) {
            assertThat(drill.path("verdict").asText()).isEqualTo("fail");
            assertThat(drill.toString()).contains("acknowledged orders missing: " + lost
                    + " (accepted by the configuration: asynchronous replication");
        } else {
            assertThat(drill.path("integrity").asText()).isEqualTo("pass");
        }
        RunChecks.assertNothingLeftBehind(java.util.List.of(), runDir);
    }
}
