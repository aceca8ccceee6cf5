package dev.salerush.sim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.it.FixedDelayServer;
import dev.salerush.sim.it.GatlingProcess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (prints figures, asserts nothing): the highest request rate one injector reaches against an instant
 * endpoint, with the suite's exact recording and without it, alternating runs in the same process tree so both see
 * the same machine. Run from the project root with {@code ./mvnw -q install -DskipTests}, then
 * {@code java -cp "simulations/target/test-classes:simulations/target/classes:$(cat simulations/target/test-classpath.txt)"
 * dev.salerush.sim.bench.RecordingOverheadBenchmark [rounds]}.
 */
public final class RecordingOverheadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordingOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path work = Files.createTempDirectory("salerush-bench");
        Path conf = work.resolve("bench.conf");
        Files.writeString(conf, "profiles.bench { injection = [ { type = constant, usersPerSec = 1, during = 1s } ], "
                + "slo = [ { name = \"none\", metric = koPercent, threshold = 100 } ] }\n");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FixedDelayServer.class.getName(), "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().trim());
            double[] with = new double[rounds];
            double[] without = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                without[round] = run(port, work, conf, false);
                with[round] = run(port, work, conf, true);
                System.out.printf(Locale.ROOT, "round %d: without recording %,.0f rps, with recording %,.0f rps (%.2f)%n",
                        round + 1, without[round], with[round], with[round] / without[round]);
            }
            double bestWith = java.util.Arrays.stream(with).max().orElse(0);
            double bestWithout = java.util.Arrays.stream(without).max().orElse(0);
            System.out.printf(Locale.ROOT, "best of %d: without recording %,.0f rps, with recording %,.0f rps;"
                    + " recording keeps %.0f %% of the injector's ceiling%n", rounds, bestWithout, bestWith,
                    100 * bestWith / bestWithout);
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }

    /** Requests per second the server answered during one run of the ceiling simulation. */
    private static double run(int port, Path work, Path conf, boolean recording) throws Exception {
        long before = served(port);
        GatlingProcess.Result result = GatlingProcess.run(InjectorCeilingSimulation.class.getName(), work.resolve("gatling"),
                Map.of("salerush.conf", conf.toString(), "profile", "bench", "bench.recording", String.valueOf(recording),
                        "target.baseUrl", "http://127.0.0.1:" + port, "results.dir", work.resolve("results").toString()), 300);
        if (result.exitCode() != 0 && !result.output().contains("VERDICT")) {
            throw new IllegalStateException("benchmark run failed:\n" + result.output());
        }
        return (served(port) - before) / (double) InjectorCeilingSimulation.DURATION.toSeconds();
    }

    private static long served(int port) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/served"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path("served").asLong();
    }
}
