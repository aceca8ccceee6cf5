package dev.salerush.sim.report.cli;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.report.publish.ResultsPages;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunPruning;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates every run page, every results-and-countermeasures document and the index of a results folder:
 * {@code ./mvnw -q compile exec:java@reports [-Dreports.dir=path/to/results] [-Dreport.locale=en]}, in the language,
 * time zone and wording of {@code report} in conf/salerush.conf (with -D overrides). With {@code results.keep = N}
 * it first prunes the folder as a run's end does, so a nightly that restored earlier nights' runs prunes them too.
 */
public final class ReportsMain {
    private ReportsMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            fail("usage: ReportsMain <results folder>");
        }
        Path resultsDir = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isDirectory(resultsDir)) {
            fail("no results folder at " + resultsDir + " (set -Dreports.dir=path/to/results)");
        }
        SuiteConfig config;
        try {
            config = ConfigLoader.load();
        } catch (ConfigError e) {
            System.err.println("salerush: configuration error: " + e.getMessage());
            System.exit(3);
            return;
        }
        int pages = ResultsPages.regenerate(resultsDir, config.report(), RunPruning.Rule.of(config));
        System.out.println("salerush: wrote " + pages + " run page(s) and " + resultsDir.resolve(RunFiles.RESULTS_INDEX));
    }

    private static void fail(String message) {
        System.err.println("salerush reports: " + message);
        System.exit(2);
    }
}
