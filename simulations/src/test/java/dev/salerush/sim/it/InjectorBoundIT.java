package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load generator starved of CPU (confined to one core with taskset) against an instant target, offered far more
 * than one core can send: the run must be marked injector-bound with the evidence, and report no breaking point —
 * the target never was the bottleneck.
 */
class InjectorBoundIT {
    @TempDir
    Path work;

    @Test
    void aStarvedInjectorIsFlaggedInsteadOfReportingABreakingPoint() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FixedDelayServer.class.getName(), "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().trim());
            Path teamConf = work.resolve("starved.conf");
            Files.writeString(teamConf, """
                    profiles.starved {
                      stairs { from = 12000, step = 2000, hold = 4s, steps = 2, breachSustain = 4s, headroom = 0, warmup = 1s }
                      slo = [ { name = "errors", metric = koPercent, threshold = 1 } ]
                    }
                    """);
            GatlingProcess.Result result = GatlingProcess.start(List.of("taskset", "-c", "0"),
                    FixedDelayProbeSimulation.class.getName(), work.resolve("gatling"), Map.of(
                            "salerush.conf", teamConf.toString(),
                            "profile", "starved",
                            "target.baseUrl", "http://127.0.0.1:" + port,
                            "metrics.enabled", "false",
                            "results.dir", work.resolve("results").toString())).await(300);

            JsonNode summary = summary();
            assertThat(summary.path("injectorBound").asBoolean()).as(result.output()).isTrue();
            assertThat(summary.path("injectorEvidence").get(0).asText()).contains("the injector sent")
                    .contains("of 1 cores");
            assertThat(summary.path("breakingPoint").path("rps").isMissingNode()).isTrue();
            assertThat(summary.path("breakingPoint").path("reason").asText()).contains("not the target");
            assertThat(summary.path("injector").path("cores").asInt()).isEqualTo(1);
            assertThat(result.output()).contains("INJECTOR-BOUND");
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
}
