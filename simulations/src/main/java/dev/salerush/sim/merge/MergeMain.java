package dev.salerush.sim.merge;

import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.results.SummaryReader;

import java.nio.file.Path;

/**
 * Merges a sharded run's folders: {@code ./mvnw -q compile exec:java@merge -Dmerge.dir=<folder holding shard-0..>}.
 * Exit 0 when the merged run passed, 1 when its verdict is fail (as a run's Gatling JVM), 3 when the folder or its
 * shards were refused (nothing written).
 */
public final class MergeMain {
    static final int FAILED = 1;
    static final int REFUSED = 3;

    private MergeMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0] == null || args[0].isBlank()) {
            fail("set -Dmerge.dir to the folder holding the shard-0..shard-N-1 run folders");
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        try {
            ShardMerge.merge(dir);
        } catch (MergeRefused e) {
            fail("refused to merge " + dir + ": " + e.getMessage());
        }
        RunSummary merged = SummaryReader.read(dir.resolve(RunFiles.SUMMARY)).summary();
        Verdict verdict = merged == null ? Verdict.FAIL : merged.verdict();
        System.out.println("salerush: merged the shards of " + dir + " (summary.json, latency.hlog, report.html): "
                + verdict.label());
        if (verdict.failed()) {
            System.exit(FAILED);
        }
    }

    private static void fail(String message) {
        System.err.println("salerush merge: " + message);
        System.exit(REFUSED);
    }
}
