package dev.salerush.sim.shard;

/**
 * The names a sharded run shares with whatever starts its shards: a Kubernetes Indexed Job (deploy/k8s), the local
 * launcher ({@code -Dshards=N}) and the merge. The manifests must use exactly these names and codes (a test checks).
 */
public final class ShardContract {
    /** How many shards split the plan (N, default 1). */
    public static final String ENV_COUNT = "SALERUSH_SHARD_COUNT";
    /** This shard's index 0..N-1, when not started by an Indexed Job. */
    public static final String ENV_INDEX = "SALERUSH_SHARD_INDEX";
    /** The index an Indexed Job gives each pod. */
    public static final String ENV_JOB_INDEX = "JOB_COMPLETION_INDEX";
    /** The common start time, epoch milliseconds: every shard waits for it. */
    public static final String ENV_START_AT = "SALERUSH_START_AT";
    /** The run id every shard of one run shares (the merged run folder's name). */
    public static final String ENV_RUN_ID = "SALERUSH_RUN_ID";

    /**
     * A shard saw a sustained SLO breach in a stress run: the Job's podFailurePolicy turns this exit code into
     * FailJob, so the siblings stop. Distinct from Gatling's 1/2 and the suite's 3 (bad input, not run).
     */
    public static final int EXIT_STOP_SIBLINGS = 42;

    /** A shard's run folder inside the merged one: {@code shard-<index>}. */
    public static final String SHARD_FOLDER_PREFIX = "shard-";

    private ShardContract() {
    }
}
