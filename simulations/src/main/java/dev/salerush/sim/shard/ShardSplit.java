package dev.salerush.sim.shard;

import java.time.Duration;

/**
 * How N shards share one injection plan exactly. Shard {@code i} of {@code N} takes
 * {@code ceil(U·(i+1)/N) − ceil(U·i/N)} of a step's {@code U} users: the shares differ by at most one and add up to
 * {@code U} exactly (a rate divided by N would lose users to Gatling's rounding in every shard). Each shard starts
 * {@code i / rate} late, once, so that the union interleaves instead of every shard firing on the same millisecond.
 */
public final class ShardSplit {
    private ShardSplit() {
    }

    /** Shard {@code index}'s share of {@code total} users among {@code count} shards. */
    public static long share(long total, int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + ": need 0 <= index < count");
        }
        if (total < 0) {
            throw new IllegalArgumentException("a step has no negative user count: " + total);
        }
        return ceilDiv(total * (index + 1), count) - ceilDiv(total * index, count);
    }

    /**
     * How long shard {@code index} waits before its first user, for a union arriving at {@code usersPerSec}: its
     * place in the union's first round, {@code index / rate}. Zero for shard 0 and for a rate of zero.
     */
    public static Duration stagger(int index, double usersPerSec) {
        if (index < 0) {
            throw new IllegalArgumentException("shard index must be >= 0: " + index);
        }
        if (usersPerSec <= 0 || index == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(index * 1e9 / usersPerSec));
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
