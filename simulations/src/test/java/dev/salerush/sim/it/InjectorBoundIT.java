package dev.salerush.sim.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load generator starved of CPU (confined to one core with taskset) against an instant target, offered far more
 * than one core can send: the run must be marked injector-bound with the evidence, and report no breaking point —
 * the target never was the bottleneck. The starved core delays the injector's stall probe too: the run is flagged as
 * stalled beside its percentiles (measured here with a 1 ms probe: stall p99 182 ms, max 232 ms against the 50 ms bound).
 * It runs alone: beside another lane, core 0's neighbour takes the CPU and the evidence becomes the stalls rather
 * than the injector's CPU ("of 1 cores"), which this test asserts.
 */
@Order(ItLanes.ALONE + 3)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class InjectorBoundIT {
    @TempDir
    Path work;

    @Test
    void aStarvedInjectorIsFlaggedInsteadOfReportingABreakingPoint() throws Exception {
        try (TestServer server = TestServer.start(0, null)) {
            Path teamConf = work.resolve("starved.conf");
            Files.writeString(teamConf, """
                    profiles.starved {
                      stairs { from = 8000, step = 2000, hold = 3s, steps = 2, breachSustain = 3s, headroom = 0, warmup = 1s }
                      slo = [ { name = "errors", metric = koPercent, threshold = 1 } ]
                    }
                    """);
            GatlingProcess.Result result = GatlingProcess.start(List.of("taskset", "-c", "0"),
                    FixedDelayProbeSimulation.class.getName(), work.resolve("gatling"), Map.of(
                            "salerush.conf", teamConf.toString(),
                            "profile", "starved",
                            "target.baseUrl", server.baseUrl(),
                            "metrics.enabled", "false",
                            "results.dir", work.resolve("results").toString())).await(300);

            JsonNode summary = TestServer.onlySummary(work.resolve("results"));
            assertThat(summary.path("injectorBound").asBoolean()).as(result.output()).isTrue();
            assertThat(summary.path("injectorEvidence").get(0).asText()).contains("the injector sent")
                    .contains("of 1 cores");
            assertThat(summary.path("breakingPoint").path("rps").isMissingNode()).isTrue();
            assertThat(summary.path("breakingPoint").path("reason").asText()).contains("not the target");
            assertThat(summary.path("injector").path("cores").asInt()).isEqualTo(1);
            assertThat(result.output()).contains("INJECTOR-BOUND");
            // the starved core also delays the injector's own stall probe: flagged beside the percentiles
            JsonNode injector = summary.path("injector");
            assertThat(injector.path("stallMaxMs").asDouble()).isGreaterThan(injector.path("stallBoundMs").asDouble());
            assertThat(injector.path("stalled").asBoolean()).isTrue();
            assertThat(summary.path("steps").get(0).path("stallMaxMs").isNumber()).isTrue();
            assertThat(result.output()).contains("INJECTOR STALLED: the injector itself stalled up to");
        }
    }
}
