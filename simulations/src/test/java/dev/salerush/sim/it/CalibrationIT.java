package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The stress staircase against a target of known capacity: {@value #WORKERS} workers each serving a request in
 * {@value #SERVICE_MS} ms (capacity = workers / service time, about 200 rps), requests beyond it queue. The run must
 * stop by itself once the queue makes p95 breach its SLO, and report a breaking point within ±10 % of the capacity
 * the server really had (computed from the service time it measured itself).
 */
class CalibrationIT {
    static final int WORKERS = 5;
    static final int SERVICE_MS = 25;

    @TempDir
    Path work;

    @Test
    void breakingPointLandsWithinTenPercentOfTheTrueCapacity() throws Exception {
        try (TestServer server = TestServer.start(SERVICE_MS, WORKERS)) {
            Path teamConf = work.resolve("calibration.conf");
            Files.writeString(teamConf, """
                    profiles.calibration {
                      stairs { from = 140, step = 10, hold = 8s, steps = 14, breachSustain = 3s, headroom = 0, warmup = 5s }
                      slo = [
                        { name = "p95", metric = p95Ms, threshold = 75, request = "fixed" }
                        { name = "errors", metric = koPercent, threshold = 1 }
                      ]
                    }
                    """);
            GatlingProcess.Result result = GatlingProcess.run(FixedDelayProbeSimulation.class.getName(),
                    work.resolve("gatling"), Map.of(
                            "salerush.conf", teamConf.toString(),
                            "profile", "calibration",
                            "target.baseUrl", server.baseUrl(),
                            "metrics.enabled", "false",
                            "results.dir", work.resolve("results").toString()), 300);

            JsonNode summary = TestServer.onlySummary(work.resolve("results"));
            double capacity = WORKERS / (server.served().path("meanServiceMicros").asDouble() / 1_000_000);
            double breakingPoint = summary.path("breakingPoint").path("rps").asDouble();
            System.out.printf("calibration: true capacity %.1f rps, breaking point %.1f rps (%s)%n", capacity,
                    breakingPoint, summary.path("breakingPoint").path("reason").asText());

            assertThat(summary.path("stoppedEarly").asText()).as(result.output()).contains("breached");
            assertThat(summary.path("steps").size()).isLessThan(14);
            assertThat(summary.path("injectorBound").asBoolean()).isFalse();
            assertThat(breakingPoint).isCloseTo(capacity, within(0.1 * capacity));
            assertThat(summary.path("knee").path("rps").isMissingNode()).isFalse();
            assertThat(result.output()).contains("breaking point: ");
        }
    }
}
