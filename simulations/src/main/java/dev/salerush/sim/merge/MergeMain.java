package dev.salerush.sim.merge;

import java.nio.file.Path;

/**
 * Merges a sharded run's folders: {@code ./mvnw -q compile exec:java@merge -Dmerge.dir=<folder holding shard-0..>}.
 * Exit 0 when merged (whatever the verdict: it is in summary.json), 3 when the folder or its shards were refused.
 */
public final class MergeMain {
    static final int REFUSED = 3;

    private MergeMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            fail("set -Dmerge.dir to the folder holding the shard-0..shard-N-1 run folders");
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        try {
            ShardMerge.merge(dir);
        } catch (MergeRefused e) {
            fail("refused to merge " + dir + ": " + e.getMessage());
        }
        System.out.println("salerush: merged the shards of " + dir + " (summary.json, latency.hlog, report.html)");
    }

    private static void fail(String message) {
        System.err.println("salerush merge: " + message);
        System.exit(REFUSED);
    }
}
