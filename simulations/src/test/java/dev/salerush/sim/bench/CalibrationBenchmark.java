package dev.salerush.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.sim.it.FixedDelayProbeSimulation;
import dev.salerush.sim.it.GatlingProcess;
import dev.salerush.sim.it.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (prints figures): the stress staircase's breaking point against a target of known, larger capacity than
 * the CI test uses — {@code workers} workers each serving in {@code serviceMs} (default 10 x 10 ms = 1,000 rps) —
 * and how far it lands from the capacity the server really had (from the service time it measured itself). Run from the project root after
 * {@code ./mvnw -q install -DskipTests}:
 * {@code java -cp "simulations/target/test-classes:simulations/target/classes:$(cat simulations/target/test-classpath.txt)"
 * dev.salerush.sim.bench.CalibrationBenchmark [workers] [serviceMs]}.
 */
public final class CalibrationBenchmark {
    private CalibrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int serviceMs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double nominal = workers * 1000.0 / serviceMs;
        Path work = Files.createTempDirectory("salerush-calibration");
        Path conf = work.resolve("calibration.conf");
        Files.writeString(conf, String.format(Locale.ROOT, """
                profiles.calibration {
                  stairs { from = %d, step = %d, hold = 10s, steps = 14, breachSustain = 3s, headroom = 0, warmup = 5s }
                  slo = [ { name = "p95", metric = p95Ms, threshold = %d, request = "fixed" } ]
                }
                """, Math.round(nominal * 0.7), Math.round(nominal * 0.05), serviceMs * 3));
        try (TestServer server = TestServer.start(serviceMs, workers)) {
            GatlingProcess.run(FixedDelayProbeSimulation.class.getName(), work.resolve("gatling"), Map.of(
                    "salerush.conf", conf.toString(), "profile", "calibration",
                    "target.baseUrl", server.baseUrl(), "metrics.enabled", "false",
                    "results.dir", work.resolve("results").toString()), 600);
            JsonNode truth = server.served();
            double capacity = workers / (truth.path("meanServiceMicros").asDouble() / 1_000_000);
            JsonNode summary = TestServer.onlySummary(work.resolve("results"));
            JsonNode point = summary.path("breakingPoint");
            System.out.printf(Locale.ROOT, "target: %d workers x %d ms nominal = %.0f rps; measured service time %.2f ms"
                            + " -> true capacity %.1f rps%n", workers, serviceMs, nominal,
                    truth.path("meanServiceMicros").asDouble() / 1000, capacity);
            System.out.printf(Locale.ROOT, "breaking point: %s rps (%+.1f %% from the true capacity); injector-bound: %s%n",
                    point.path("rps").asText("none"), 100 * (point.path("rps").asDouble() - capacity) / capacity,
                    summary.path("injectorBound").asText());
            System.out.println("reason: " + point.path("reason").asText());
        }
    }
}
