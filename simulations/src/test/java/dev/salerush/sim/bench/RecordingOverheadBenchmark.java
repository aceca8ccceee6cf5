package dev.salerush.sim.bench;

import dev.salerush.sim.it.TestServer;

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
    private RecordingOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path work = Files.createTempDirectory("salerush-bench");
        try (TestServer server = TestServer.start(0, null)) {
            double[] with = new double[rounds];
            double[] without = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                without[round] = run(server, work, false);
                with[round] = run(server, work, true);
                System.out.printf(Locale.ROOT, "round %d: without recording %,.0f rps, with recording %,.0f rps (%.2f)%n",
                        round + 1, without[round], with[round], with[round] / without[round]);
            }
            double bestWith = java.util.Arrays.stream(with).max().orElse(0);
            double bestWithout = java.util.Arrays.stream(without).max().orElse(0);
            System.out.printf(Locale.ROOT, "best of %d: without recording %,.0f rps, with recording %,.0f rps;"
                    + " recording keeps %.0f %% of the injector's ceiling%n", rounds, bestWithout, bestWith,
                    100 * bestWith / bestWithout);
        }
    }

    /** Requests per second the server answered during one run of the ceiling simulation. */
    private static double run(TestServer server, Path work, boolean recording) throws Exception {
        long before = server.served().path("served").asLong();
        InjectorCeilingRun.run(work, server.baseUrl(), recording, Map.of());
        return (server.served().path("served").asLong() - before) / (double) InjectorCeilingSimulation.DURATION.toSeconds();
    }
}
