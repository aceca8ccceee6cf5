package dev.salerush.sim.shard;

import dev.salerush.sim.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardClockTest {
    private static final Duration FAR = Duration.ofMinutes(10);

    private static ShardSettings shardStartingIn(Duration fromNow) {
        return new ShardSettings(1, 2, "run", System.currentTimeMillis() + fromNow.toMillis());
    }

    @Test
    void usersWaitFromGatlingsOwnStartToTheCommonStart() {
        ShardSettings shard = shardStartingIn(FAR);
        ShardClock clock = new ShardClock(shard);

        clock.clockUserRan(Duration.ZERO);
        long wait = clock.startCorrection().toMillis();

        // Gatling's clock started about now: its users wait out the rest to the common start, less the plan's pause
        long expected = FAR.toMillis() - ShardSettings.START_LEAD.toMillis();
        assertThat(wait).isBetween(expected - 1000, expected);
    }

    @Test
    void theEarliestClockEstimateWinsSinceAUserOnlyRunsLate() {
        ShardClock clock = new ShardClock(shardStartingIn(FAR));

        clock.clockUserRan(Duration.ZERO);
        long first = clock.startCorrection().toMillis();
        // a later clock user planned 5 s in: Gatling's clock started ~5 s earlier than the first one suggested
        clock.clockUserRan(Duration.ofSeconds(5));

        assertThat(clock.startCorrection().toMillis()).isBetween(first + 4000, first + 5000);
    }

    @Test
    void nothingWaitsWhenNotShardedOrBeforeTheClockIsKnownOrWhenGatlingStartedLate() {
        ShardClock single = new ShardClock(ShardSettings.SINGLE);
        single.clockUserRan(Duration.ZERO);
        assertThat(single.startCorrection()).isZero();

        assertThat(new ShardClock(shardStartingIn(FAR)).startCorrection()).isZero();

        ShardClock late = new ShardClock(shardStartingIn(Duration.ZERO));
        late.clockUserRan(Duration.ZERO);
        assertThat(late.startCorrection()).isZero();
    }

    @Test
    void theSkewIsTheFirstMeasuredUserLessTheCommonStartTheWarmUpAndTheStagger() {
        ShardSettings shard = shardStartingIn(Duration.ofSeconds(-20));
        ShardClock clock = new ShardClock(shard);
        assertThat(clock.startSkewMillis(Duration.ZERO)).isZero();

        clock.plannedStagger(Duration.ofMillis(250));
        clock.measuredUserStarted();
        long started = clock.firstMeasuredMillis();
        clock.measuredUserStarted();

        assertThat(clock.firstMeasuredMillis()).isEqualTo(started);
        assertThat(clock.startSkewMillis(Duration.ofSeconds(10)))
                .isEqualTo(started - shard.startAtMs() - 10_000 - 250);
    }

    @Test
    void aShardThatWakesAfterItsReleaseAndTheToleranceRefusesToStart() {
        ShardClock clock = new ShardClock(shardStartingIn(Duration.ZERO));

        assertThatThrownBy(clock::awaitRelease).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith(ShardContract.ENV_START_AT + ": woke too late by");
    }
}
