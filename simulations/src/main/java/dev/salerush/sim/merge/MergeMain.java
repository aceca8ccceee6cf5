package dev.salerush.sim.merge;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.results.RunPruning;
import dev.salerush.sim.results.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Merges a sharded run's folders: {@code ./mvnw -q compile exec:java@merge -Dmerge.dir=<folder holding shard-0..>}.
 * Exit 0 when the merged run passed, 1 when its verdict is fail (as a run's Gatling JVM), 3 when the folder or its
 * shards were refused (nothing written).
 */
public final class MergeMain {
    static final int FAILED = 1;
    static final int REFUSED = 3;
    private static final Logger log = LoggerFactory.getLogger(MergeMain.class);

    private MergeMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0] == null || args[0].isBlank()) {
            fail("set -Dmerge.dir to the folder holding the shard-0..shard-N-1 run folders");
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        RunSummary merged = null;
        try {
            SuiteConfig config = configuration();
            merged = ShardMerge.mergedSummary(dir, config == null ? null : config.regression(),
                    config == null ? ReportSettings.defaults() : config.report(),
                    config == null ? RunPruning.Rule.KEEP_EVERY_RUN : RunPruning.Rule.of(config));
        } catch (MergeRefused e) {
            fail("refused to merge " + dir + ": " + e.getMessage());
        }
        Verdict verdict = merged.verdict();
        System.out.println("salerush: merged the shards of " + dir + " (summary.json, latency.hlog, report.html): "
                + verdict.label());
        if (verdict.failed()) {
            System.exit(FAILED);
        }
    }

    /**
     * conf/salerush.conf with -D overrides, for the regression gate, results.keep and the pages' language; null when it
     * cannot be read (no regression judged, nothing pruned, pages in the default language).
     */
    private static SuiteConfig configuration() {
        try {
            return ConfigLoader.loadWithoutSecrets();
        } catch (ConfigError e) {
            log.warn("regression gate not judged, pages in the default language: the configuration cannot be read"
                    + " ({})", e.getMessage());
            return null;
        }
    }

    private static void fail(String message) {
        System.err.println("salerush merge: " + message);
        System.exit(REFUSED);
    }
}
