package dev.salerush.sim.bench;

import dev.salerush.sim.it.GatlingProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One run of {@link InjectorCeilingSimulation} in its own Gatling JVM against {@code baseUrl}, under a minimal
 * "bench" profile (no SLO to speak of), for the benchmarks that compare injectors.
 */
final class InjectorCeilingRun {
    private InjectorCeilingRun() {
    }

    /** What one run left: Gatling's console output and the suite's results folder (a summary.json when recording). */
    record Outcome(GatlingProcess.Result result, Path resultsDir) {
    }

    /**
     * Runs the simulation with {@code -Dbench.recording=recording} and the {@code bench.*} properties in
     * {@code settings} (users, seconds, rate) and any other {@code -D} setting there (e.g. warmup.during); {@code work}
     * is a folder of the caller's, each run gets its own results folder in it.
     */
    static Outcome run(Path work, String baseUrl, boolean recording, Map<String, String> settings) throws IOException,
            InterruptedException {
        Path conf = benchConf(work, settings.getOrDefault("bench.rate", "1"), settings.getOrDefault("bench.seconds", "1"));
        Path results = Files.createTempDirectory(work, "results");
        Map<String, String> properties = new HashMap<>(settings);
        properties.putAll(Map.of("salerush.conf", conf.toString(), "profile", "bench",
                "bench.recording", String.valueOf(recording), "target.baseUrl", baseUrl,
                "results.dir", results.toString()));
        GatlingProcess.Result result = GatlingProcess.run(InjectorCeilingSimulation.class.getName(),
                work.resolve("gatling"), properties, 300);
        if (result.exitCode() != 0 && !result.output().contains("VERDICT")) {
            throw new IllegalStateException("benchmark run failed:\n" + result.output());
        }
        return new Outcome(result, results);
    }

    /** The "bench" profile: {@code rate} users a second for {@code seconds} (the fixed-rate mode's measured load). */
    static Path benchConf(Path work, String rate, String seconds) throws IOException {
        Path conf = work.resolve("bench-" + rate + "-" + seconds + ".conf");
        if (!Files.exists(conf)) {
            Files.writeString(conf, "profiles.bench { injection = [ { type = constant, usersPerSec = " + rate
                    + ", during = " + seconds + "s } ], slo = [ { name = \"none\", metric = koPercent, threshold = 100 } ] }\n");
        }
        return conf;
    }
}
