package dev.salerush.sim.shard;

import dev.salerush.sim.config.ConfigError;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which shard this process is, from the environment an Indexed Job (or the local launcher) gives it: see
 * {@link ShardContract}. A bad value throws {@link ConfigError} naming the variable and what is allowed, so the run
 * ends with exit 3 before anything is written or sent.
 *
 * @param index     0..count-1
 * @param count     N; 1 for a run that is not sharded
 * @param runId     the run id all shards share (null when not sharded)
 * @param startAtMs the common start time, epoch ms (0 when not sharded)
 */
public record ShardSettings(int index, int count, String runId, long startAtMs) {
    /** A run that is not sharded. */
    public static final ShardSettings SINGLE = new ShardSettings(0, 1, null, 0);
    /** Most shards one run may have. */
    public static final int MAX_COUNT = 1000;
    /** How late a shard may wake after the common start time (JVM start-up jitter) before it refuses to start. */
    public static final Duration LATE_TOLERANCE = Duration.ofSeconds(2);
    /** How far ahead a start time may be: further is a unit mistake (seconds, not ms) or a clock gone wrong. */
    public static final Duration MAX_AHEAD = Duration.ofHours(1);
    /** Every shard's plan opens with a pause this long: its users then wait out the rest to the common start. */
    public static final Duration START_LEAD = Duration.ofSeconds(1);
    /**
     * Gatling's own start-up after before(), before its injection clock runs: 0.4–2 s measured on a loaded 2-core
     * machine, different in every JVM. Gatling is let go this long (plus the lead) before the common start; each
     * shard measures when its clock really started and its users wait the difference (see SaleRun.startCorrection).
     */
    public static final Duration START_ALLOWANCE = Duration.ofSeconds(3);
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.-]{1,120}");

    /**
     * Reads the shard variables. Without {@link ShardContract#ENV_COUNT} (or with 1) the run is not sharded. On
     * Gatling Enterprise, which splits injection across its load generators itself, the variables are ignored.
     *
     * @param nowMs the current time, epoch ms: a start time already past beyond {@link #LATE_TOLERANCE} is refused
     */
    public static ShardSettings fromEnv(Map<String, String> env, boolean onGatlingEnterprise, long nowMs) {
        String countText = blankToNull(env.get(ShardContract.ENV_COUNT));
        if (countText == null || onGatlingEnterprise) {
            return SINGLE;
        }
        int count = wholeNumber(ShardContract.ENV_COUNT, countText, 1, MAX_COUNT, "from 1 to " + MAX_COUNT);
        if (count == 1) {
            return SINGLE;
        }
        String indexVariable = blankToNull(env.get(ShardContract.ENV_INDEX)) != null ? ShardContract.ENV_INDEX
                : ShardContract.ENV_JOB_INDEX;
        String indexText = blankToNull(env.get(indexVariable));
        if (indexText == null) {
            throw new ConfigError(ShardContract.ENV_INDEX + " (or " + ShardContract.ENV_JOB_INDEX + ") must be set to"
                    + " this shard's index, from 0 to " + (count - 1) + ", when " + ShardContract.ENV_COUNT + " = "
                    + count);
        }
        int index = wholeNumber(indexVariable, indexText, 0, count - 1, "from 0 to " + (count - 1) + " ("
                + ShardContract.ENV_COUNT + " = " + count + ")");
        String runId = blankToNull(env.get(ShardContract.ENV_RUN_ID));
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new ConfigError(ShardContract.ENV_RUN_ID + " must be the run id all shards share (1 to 120 of"
                    + " A-Z a-z 0-9 _ . -), got " + (runId == null ? "nothing" : "'" + runId + "'"));
        }
        long startAt = startAt(env.get(ShardContract.ENV_START_AT), nowMs);
        return new ShardSettings(index, count, runId, startAt);
    }

    /** Whether this run is one of several shards. */
    public boolean sharded() {
        return count > 1;
    }

    /** A shard that wakes (or is still waking) after the start time plus the tolerance must not start late. */
    public void checkNotLate(long nowMs) {
        refuseLate(startAtMs, nowMs);
    }

    /** When Gatling is let go: {@link #START_LEAD} plus {@link #START_ALLOWANCE} before the common start. */
    public long releaseAtMs() {
        return startAtMs - START_LEAD.toMillis() - START_ALLOWANCE.toMillis();
    }

    private static void refuseLate(long startAtMs, long nowMs) {
        long late = nowMs - startAtMs;
        if (late > LATE_TOLERANCE.toMillis()) {
            throw new ConfigError(ShardContract.ENV_START_AT + ": woke too late by " + late + " ms (the shards start"
                    + " together at " + startAtMs + "; at most " + LATE_TOLERANCE.toMillis() + " ms late is allowed)");
        }
    }

    private static long startAt(String text, long nowMs) {
        String value = blankToNull(text);
        long startAt;
        try {
            startAt = value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            startAt = -1;
        }
        if (startAt <= 0) {
            throw new ConfigError(ShardContract.ENV_START_AT + " must be the common start time in epoch milliseconds,"
                    + " got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        if (startAt - nowMs > MAX_AHEAD.toMillis()) {
            throw new ConfigError(ShardContract.ENV_START_AT + " is " + (startAt - nowMs) / 1000 + " s ahead; at most "
                    + MAX_AHEAD.toSeconds() + " s is allowed (a clock or unit mistake?)");
        }
        refuseLate(startAt, nowMs);
        return startAt;
    }

    private static int wholeNumber(String variable, String text, int min, int max, String allowed) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a value out of range
        }
        throw new ConfigError(variable + " must be a whole number " + allowed + ", got '" + text + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
