package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FixedDelayServer.class.getName(),
                String.valueOf(SERVICE_MS), String.valueOf(WORKERS))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().trim());
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
                            "target.baseUrl", "http://127.0.0.1:" + port,
                            "metrics.enabled", "false",
                            "results.dir", work.resolve("results").toString()), 300);

            JsonNode summary = summary();
            JsonNode truth = new ObjectMapper().readTree(get("http://127.0.0.1:" + port + "/served"));
            double capacity = WORKERS / (truth.path("meanServiceMicros").asDouble() / 1_000_000);
            double breakingPoint = summary.path("breakingPoint").path("rps").asDouble();
            System.out.printf("calibration: true capacity %.1f rps, breaking point %.1f rps (%s)%n", capacity,
                    breakingPoint, summary.path("breakingPoint").path("reason").asText());

            assertThat(summary.path("stoppedEarly").asText()).as(result.output()).contains("breached");
            assertThat(summary.path("steps").size()).isLessThan(14);
            assertThat(summary.path("injectorBound").asBoolean()).isFalse();
            assertThat(breakingPoint).isCloseTo(capacity, within(0.1 * capacity));
            assertThat(summary.path("knee").path("rps").isMissingNode()).isFalse();
            assertThat(result.output()).contains("breaking point: ");
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private JsonNode summary() throws Exception {
        try (Stream<Path> runs = Files.list(work.resolve("results"))) {
            List<Path> folders = runs.toList();
            assertThat(folders).hasSize(1);
            return new ObjectMapper().readTree(folders.get(0).resolve("summary.json").toFile());
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body().trim();
    }
}
