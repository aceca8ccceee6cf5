package dev.salerush.sim.shard;

/**
 * What a shard says of itself in its summary.json ({@code shard} field); the merge checks and records it.
 *
 * @param index        0..count-1
 * @param count        N, the number of shards
 * @param runId        the run id all shards share
 * @param startAtMs    the common start time they waited for (epoch ms)
 * @param startedAtMs  when this shard's first measured user was injected (epoch ms)
 * @param startSkewMs  startedAtMs minus startAtMs minus this shard's stagger
 * @param sentRps      requests this shard sent per second of its run
 * @param exitCode     the process exit code it ended with
 * @param exitReason   why it ended: completed, stop-siblings (SLO breach), terminated (SIGTERM), failed
 * @param versions     what it ran with: {@code salerush}, {@code gatling} (see {@link ShardVersions})
 */
public record ShardInfo(int index, int count, String runId, long startAtMs, long startedAtMs, long startSkewMs,
                        double sentRps, int exitCode, String exitReason, java.util.Map<String, String> versions) {
}
