package dev.salerush.sim.merge;

import java.nio.file.Path;

/** Placeholder for the merge branch's ShardMerge (same signature); the lead drops this file at merge time. */
public final class ShardMerge {
    private ShardMerge() {
    }

    /** Merges dir/shard-0..shard-N-1 into dir (summary.json, latency.hlog, report pages) and returns dir. */
    public static Path merge(Path dir) {
        throw new UnsupportedOperationException("merge not merged yet");
    }
}
