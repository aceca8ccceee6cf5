package dev.salerush.sim.report.cli;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.report.publish.ResultsPages;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunPruning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Regenerates every run page, every results-and-countermeasures document and the index of a results folder:
 * {@code ./mvnw -q compile exec:java@reports [-Dreports.dir=path/to/results] [-Dreport.locale=en]}, in the language,
 * time zone and wording of {@code report} in conf/salerush.conf (with -D overrides). With {@code results.keep = N}
 * it first prunes the folder as a run's end does, so a nightly that restored earlier nights' runs prunes them too.
 */
public final class ReportsMain {
    /** The pom's property naming the results folder; Maven's, not a setting of the suite's. */
    static final String RESULTS_FOLDER_PROPERTY = "reports.dir";

    private ReportsMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            fail("usage: ReportsMain <results folder>");
        }
        Path resultsDir = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isDirectory(resultsDir)) {
            fail("no results folder at " + resultsDir + " (set -D" + RESULTS_FOLDER_PROPERTY + "=path/to/results)");
        }
        SuiteConfig config;
        try {
            config = ConfigLoader.loadWithoutSecrets(ConfigLoader.projectRoot(), settingsOnly(System.getProperties()));
        } catch (ConfigError e) {
            System.err.println("salerush: configuration error: " + e.getMessage());
            System.exit(3);
            return;
        }
        int pages = ResultsPages.regenerate(resultsDir, config.report(), RunPruning.Rule.of(config));
        System.out.println("salerush: wrote " + pages + " run page(s) and " + resultsDir.resolve(RunFiles.RESULTS_INDEX));
    }

    /**
     * This runs inside Maven's JVM, where {@code -Dreports.dir} is a system property beside the suite's settings; the
     * config loader would refuse it as a misspelt {@code report.dir}.
     */
    static Properties settingsOnly(Properties system) {
        Properties settings = new Properties();
        settings.putAll(system);
        settings.remove(RESULTS_FOLDER_PROPERTY);
        return settings;
    }

    private static void fail(String message) {
        System.err.println("salerush reports: " + message);
        System.exit(2);
    }
}
