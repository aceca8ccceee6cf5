package dev.salerush.sim.report.cli;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.report.publish.ResultsPages;
import dev.salerush.sim.results.RunFiles;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates every run page, every results-and-countermeasures document and the index of a results folder:
 * {@code ./mvnw -q compile exec:java@reports [-Dreports.dir=path/to/results] [-Dreport.locale=en]}, in the language,
 * time zone and wording of {@code report} in conf/salerush.conf (with -D overrides).
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
        ReportSettings settings;
        try {
            settings = ConfigLoader.load().report();
        } catch (ConfigError e) {
            System.err.println("salerush: configuration error: " + e.getMessage());
            System.exit(3);
            return;
        }
        int pages = ResultsPages.regenerate(resultsDir, settings);
        System.out.println("salerush: wrote " + pages + " run page(s) and " + resultsDir.resolve(RunFiles.RESULTS_INDEX));
    }

    private static void fail(String message) {
        System.err.println("salerush reports: " + message);
        System.exit(2);
    }
}
