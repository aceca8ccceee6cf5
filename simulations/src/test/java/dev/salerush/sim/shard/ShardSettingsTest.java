package dev.salerush.sim.shard;

import dev.salerush.sim.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardSettingsTest {
    private static final long NOW = 1_800_000_000_000L;

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of(ShardContract.ENV_COUNT, "4", ShardContract.ENV_INDEX, "2",
                ShardContract.ENV_RUN_ID, "20261206-120000-stress", ShardContract.ENV_START_AT, String.valueOf(NOW + 5000)));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    @Test
    void aShardReadsItsIndexCountRunIdAndStartTime() {
        ShardSettings shard = ShardSettings.fromEnv(env(), false, NOW);

        assertThat(shard).isEqualTo(new ShardSettings(2, 4, "20261206-120000-stress", NOW + 5000));
        assertThat(shard.sharded()).isTrue();
    }

    @Test
    void anIndexedJobsCompletionIndexIsTheIndexWhenNoneIsGiven() {
        ShardSettings shard = ShardSettings.fromEnv(env(ShardContract.ENV_INDEX, null, ShardContract.ENV_JOB_INDEX, "3"),
                false, NOW);

        assertThat(shard.index()).isEqualTo(3);
    }

    @Test
    void withoutACountOrWithOneShardTheRunIsNotSharded() {
        assertThat(ShardSettings.fromEnv(Map.of(), false, NOW)).isEqualTo(ShardSettings.SINGLE);
        assertThat(ShardSettings.fromEnv(env(ShardContract.ENV_COUNT, "1"), false, NOW).sharded()).isFalse();
    }

    @Test
    void onGatlingEnterpriseTheShardVariablesAreIgnored() {
        assertThat(ShardSettings.fromEnv(env(ShardContract.ENV_INDEX, "9"), true, NOW)).isEqualTo(ShardSettings.SINGLE);
    }

    @Test
    void anIndexNotBelowTheCountIsRefused() {
        assertRefused(env(ShardContract.ENV_INDEX, "4"), ShardContract.ENV_INDEX + " must be a whole number from 0 to 3");
        assertRefused(env(ShardContract.ENV_INDEX, "-1"), ShardContract.ENV_INDEX + " must be a whole number from 0 to 3");
        assertRefused(env(ShardContract.ENV_INDEX, null, ShardContract.ENV_JOB_INDEX, "7"),
                ShardContract.ENV_JOB_INDEX + " must be a whole number from 0 to 3");
    }

    @Test
    void aCountBelowOneOrNotANumberIsRefused() {
        assertRefused(env(ShardContract.ENV_COUNT, "0"), ShardContract.ENV_COUNT + " must be a whole number from 1 to");
        assertRefused(env(ShardContract.ENV_COUNT, "-3"), ShardContract.ENV_COUNT + " must be a whole number from 1 to");
        assertRefused(env(ShardContract.ENV_COUNT, "two"), ShardContract.ENV_COUNT + " must be a whole number from 1 to");
    }

    @Test
    void aMissingIndexOrRunIdIsRefused() {
        assertRefused(env(ShardContract.ENV_INDEX, null), ShardContract.ENV_INDEX + " (or "
                + ShardContract.ENV_JOB_INDEX + ") must be set");
        assertRefused(env(ShardContract.ENV_RUN_ID, null), ShardContract.ENV_RUN_ID + " must be the run id");
        assertRefused(env(ShardContract.ENV_RUN_ID, "../etc"), ShardContract.ENV_RUN_ID + " must be the run id");
    }

    @Test
    void aStartTimeInThePastBeyondTheToleranceIsRefused() {
        long late = ShardSettings.LATE_TOLERANCE.toMillis() + 1500;
        assertRefused(env(ShardContract.ENV_START_AT, String.valueOf(NOW - late)),
                ShardContract.ENV_START_AT + ": woke too late by " + late + " ms");
        // within the tolerance a shard still starts
        long justLate = NOW - ShardSettings.LATE_TOLERANCE.toMillis();
        assertThat(ShardSettings.fromEnv(env(ShardContract.ENV_START_AT, String.valueOf(justLate)), false, NOW)
                .startAtMs()).isEqualTo(justLate);
    }

    @Test
    void aStartTimeThatIsNoEpochMillisecondsIsRefused() {
        assertRefused(env(ShardContract.ENV_START_AT, null), ShardContract.ENV_START_AT + " must be the common start time");
        assertRefused(env(ShardContract.ENV_START_AT, "soon"), ShardContract.ENV_START_AT + " must be the common start time");
        long tooFar = NOW + ShardSettings.MAX_AHEAD.toMillis() + 60_000;
        assertRefused(env(ShardContract.ENV_START_AT, String.valueOf(tooFar)), ShardContract.ENV_START_AT + " is ");
    }

    @Test
    void aShardThatWakesLateAfterItsStartRefusesToSendLoad() {
        ShardSettings shard = ShardSettings.fromEnv(env(), false, NOW);
        long wokeAt = shard.startAtMs() + ShardSettings.LATE_TOLERANCE.toMillis() + 10;

        assertThatThrownBy(() -> shard.checkNotLate(wokeAt)).isInstanceOf(ConfigError.class)
                .hasMessageContaining("woke too late by " + (ShardSettings.LATE_TOLERANCE.toMillis() + 10) + " ms");
    }

    /** One message, naming the variable and what it allows. */
    private static void assertRefused(Map<String, String> env, String message) {
        assertThatThrownBy(() -> ShardSettings.fromEnv(env, false, NOW)).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith(message).hasNoCause();
    }
}
