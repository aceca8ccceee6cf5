package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.salerush.sim.it.RunChecks.SIMULATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real runs of one profile into one results folder: the second, against a demo shop slowed down on purpose, fails
 * the regression gate alone (its SLOs are lenient), naming the metric and the baseline; the index lists both runs
 * and draws their trend. The second runs with results.keep = 1 beside earlier runs written from the first one's
 * summary: it prunes them but the baseline (the next run's), a pinned one and another profile's.
 */
@Order(ItLanes.LANE_TWO + 11)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class RegressionGateIT {
    @TempDir
    Path work;

    @Test
    void aRunMadeSlowerOnPurposeFailsTheGateNamingTheMetricAndTheBaseline() throws Exception {
        Path teamConf = Files.writeString(work.resolve("gate.conf"), """
                profiles.gate {
                  description = "browsing at a low rate, with SLOs no slowdown here can break"
                  injection = [ { type = constant, usersPerSec = 5, during = 8s } ]
                  slo = [ { name = "browsing p95", metric = p95Ms, threshold = 1000 } ]
                }
                """);
        Map<String, String> properties = RunChecks.shortSmokeRun(work);
        properties.put("salerush.conf", teamConf.toString());
        properties.put("profile", "gate");
        properties.remove("duration");

        GatlingProcess.Result baseline = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 300);
        assertThat(baseline.exitCode()).as(baseline.output()).isZero();
        Path baselineRun = runFolders().get(0);
        assertThat(RunChecks.summary(baselineRun).path("regression").path("verdict").asText()).isEqualTo("no baseline");

        // earlier nights of the same group, restored as a pipeline does, and one of another profile
        Path older = earlierRun(baselineRun, "20260101-000000-gate", "gate", "pass");
        Path failed = earlierRun(baselineRun, "20260102-000000-gate", "gate", "fail");
        Path pinned = earlierRun(baselineRun, "20260103-000000-gate", "gate", "fail");
        Files.createFile(pinned.resolve("pinned"));
        Path otherProfile = earlierRun(baselineRun, "20260104-000000-smoke", "smoke", "fail");
        properties.put("embedded.shop.artificialDelay", "40ms");
        properties.put("results.keep", "1");
        GatlingProcess.Result slower = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 300);

        assertThat(slower.exitCode()).as(slower.output()).isEqualTo(2);
        Path slowerRun = runFolders().stream().filter(run -> !List.of(baselineRun, pinned, otherProfile).contains(run))
                .findFirst().orElseThrow();
        JsonNode summary = RunChecks.summary(slowerRun);
        assertThat(summary.path("slo").get(0).path("passed").asBoolean()).as("the SLO alone would pass").isTrue();
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        JsonNode regression = summary.path("regression");
        assertThat(regression.path("verdict").asText()).isEqualTo("fail");
        assertThat(regression.path("baselineRunId").asText()).isEqualTo(baselineRun.getFileName().toString());
        assertThat(regression.path("message").asText()).startsWith("p95Ms rose from ")
                .contains("(baseline run " + baselineRun.getFileName() + ", last passing run)");
        assertThat(slower.output()).contains("REGRESSION: FAIL — p95Ms rose from ");
        assertThat(Files.readString(slowerRun.resolve("junit.xml")))
                .contains("classname=\"salerush.regression\"").contains("<failure message=\"p95Ms rose from ");
        assertThat(Files.readString(slowerRun.resolve("summary.md"))).contains("p95Ms rose from ");

        String index = Files.readString(work.resolve("results").resolve("index.html"));
        assertThat(index).contains(baselineRun.getFileName() + "/report.html", slowerRun.getFileName() + "/report.html")
                .contains("data-chart=\"trend-p95\"");

        // results.keep = 1: the failing run is the newest, the baseline the next run is compared with stays
        assertThat(runFolders()).containsExactly(pinned, otherProfile, baselineRun, slowerRun);
        assertThat(older).doesNotExist();
        assertThat(failed).doesNotExist();
        assertThat(slower.output()).contains("pruned results/" + older.getFileName() + " (", "pruned results/"
                + failed.getFileName() + " (").contains(", gate, the embedded target: ");
        assertThat(index).doesNotContain(older.getFileName().toString());
    }

    /** A copy of {@code run}'s summary.json as an earlier run's, in a folder of its own. */
    private Path earlierRun(Path run, String runId, String profile, String verdict) throws IOException {
        JsonNode summary = RunChecks.summary(run);
        com.fasterxml.jackson.databind.node.ObjectNode copy = summary.deepCopy();
        copy.put("runId", runId).put("profile", profile).put("verdict", verdict)
                .put("startedAt", runId.substring(0, 4) + "-" + runId.substring(4, 6) + "-" + runId.substring(6, 8)
                        + "T00:00:00Z");
        Path dir = Files.createDirectories(work.resolve("results").resolve(runId));
        Files.writeString(dir.resolve("summary.json"), copy.toPrettyString());
        return dir;
    }

    private List<Path> runFolders() throws IOException {
        return RunChecks.runFolders(work.resolve("results"));
    }
}
