package dev.salerush.sim.shard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardSplitTest {
    private static final double[] RATES = {0.1, 0.3, 1, 2.5, 7.77, 10, 33.3, 99.9, 250, 1234.5};
    private static final long[] SECONDS = {1, 2, 3, 7, 10, 59, 60, 300, 3600};

    @Test
    void theSharesOfEveryStepAddUpToItsUsersExactlyForOneToSixtyFourShards() {
        for (int count = 1; count <= 64; count++) {
            for (double rate : RATES) {
                for (long seconds : SECONDS) {
                    long users = Math.round(rate * seconds);
                    int shards = count;
                    long sum = IntStream.range(0, shards).mapToLong(i -> ShardSplit.share(users, i, shards)).sum();
                    assertThat(sum).as("%d users over %d shards", users, shards).isEqualTo(users);
                }
            }
        }
    }

    @Test
    void sharesDifferByAtMostOneUser() {
        for (int count = 1; count <= 64; count++) {
            for (long users : new long[] {0, 1, 5, 63, 64, 65, 1000, 123_457}) {
                int shards = count;
                LongStream shares = IntStream.range(0, shards).mapToLong(i -> ShardSplit.share(users, i, shards));
                var stats = shares.summaryStatistics();
                assertThat(stats.getMax() - stats.getMin()).as("%d users over %d shards", users, shards)
                        .isLessThanOrEqualTo(1);
                assertThat(stats.getMin()).isEqualTo(users / shards);
            }
        }
    }

    @Test
    void oneShardTakesEveryUser() {
        for (long users : new long[] {0, 1, 17, 1_000_003}) {
            assertThat(ShardSplit.share(users, 0, 1)).isEqualTo(users);
        }
    }

    @Test
    void dividingTheRateInsteadWouldLoseUsersToRounding() {
        // 3 shards of a 10 users/s step of 1 s: round(10/3) x 3 = 9, the exact shares give 10
        long users = 10;
        long byRate = 3 * Math.round(users / 3.0);
        long exact = IntStream.range(0, 3).mapToLong(i -> ShardSplit.share(users, i, 3)).sum();
        assertThat(byRate).isNotEqualTo(users);
        assertThat(exact).isEqualTo(users);
    }

    @Test
    void shardIStartsIOverTheRateLateSoTheUnionInterleaves() {
        for (double rate : RATES) {
            Duration gap = Duration.ofNanos(Math.round(1e9 / rate));
            assertThat(ShardSplit.stagger(0, rate)).isZero();
            for (int index = 1; index < 64; index++) {
                Duration stagger = ShardSplit.stagger(index, rate);
                assertThat(stagger.toNanos()).as("shard %d at %s users/s", index, rate)
                        .isCloseTo(gap.toNanos() * index, org.assertj.core.data.Offset.offset((long) index));
                assertThat(stagger).isGreaterThan(ShardSplit.stagger(index - 1, rate));
            }
        }
    }

    @Test
    void aStepWithoutUsersHasNoStagger() {
        assertThat(ShardSplit.stagger(5, 0)).isZero();
    }

    @Test
    void anIndexOutsideTheShardsIsRefused() {
        assertThatThrownBy(() -> ShardSplit.share(10, 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= index < count");
        assertThatThrownBy(() -> ShardSplit.share(10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShardSplit.share(-1, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
