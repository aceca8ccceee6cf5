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
 * The suite's exact figures against a target whose answer takes a known time: every /fixed response is delayed
 * {@value #DELAY_MS} ms by the server. The suite's p50 and p95 must be within 2 ms of the true values — the
 * service times the server measured itself, at Gatling's millisecond resolution — and the suite must count exactly
 * the requests the server answered.
 * The first seconds are an unmeasured warm-up step at a higher rate, so the injector's own JIT compilation is not in
 * the figures.
 */
class AccuracyIT {
    static final int DELAY_MS = 20;

    @TempDir
    Path work;

    @Test
    void percentilesMatchTheKnownServiceTimeAndCountsMatchTheServer() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FixedDelayServer.class.getName(), String.valueOf(DELAY_MS))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().trim());
            Path teamConf = work.resolve("accuracy.conf");
            Files.writeString(teamConf, """
                    profiles.accuracy {
                      injection = [
                        { type = constant, usersPerSec = 200, during = 6s, measured = false }
                        { type = constant, usersPerSec = 25, during = 12s }
                      ]
                      slo = [ { name = "no errors", metric = koPercent, threshold = 0 } ]
                    }
                    """);
            GatlingProcess.Result result = GatlingProcess.run(FixedDelayProbeSimulation.class.getName(),
                    work.resolve("gatling"), Map.of(
                            "salerush.conf", teamConf.toString(),
                            "profile", "accuracy",
                            "target.baseUrl", "http://127.0.0.1:" + port,
                            "results.dir", work.resolve("results").toString()), 180);
            assertThat(result.exitCode()).as(result.output()).isZero();

            JsonNode fixed = summary().path("requests").path("fixed");
            JsonNode truth = new ObjectMapper().readTree(get("http://127.0.0.1:" + port + "/served"));
            // the suite counted exactly the measured requests the server answered, apart from the 1,200 of the warm-up
            assertThat(truth.path("warmupServed").asLong()).isEqualTo(1_200);
            assertThat(fixed.path("count").asLong()).isEqualTo(truth.path("served").asLong()).isEqualTo(300);
            assertThat(fixed.path("ko").asLong()).isZero();
            assertThat(fixed.path("withoutResponse").asLong()).isZero();
            double trueP50 = truth.path("p50Micros").asLong() / 1000.0;
            double trueP95 = truth.path("p95Micros").asLong() / 1000.0;
            System.out.printf("accuracy: suite p50 %d ms / p95 %d ms, server's own p50 %.3f ms / p95 %.3f ms%n",
                    fixed.path("p50Ms").asLong(), fixed.path("p95Ms").asLong(), trueP50, trueP95);
            assertThat(trueP50).as("the reference itself").isCloseTo(DELAY_MS, within(1.0));
            // Gatling stamps requests in whole milliseconds, so the reference is compared at that resolution
            assertThat(fixed.path("p50Ms").asDouble()).isCloseTo(Math.round(trueP50), within(2.0));
            assertThat(fixed.path("p95Ms").asDouble()).isCloseTo(Math.round(trueP95), within(2.0));
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
