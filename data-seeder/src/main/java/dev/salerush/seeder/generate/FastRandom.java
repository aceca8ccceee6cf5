package dev.salerush.seeder.generate;

/**
 * SplitMix64 generator that can be re-seeded per row without allocating: the generators' inner loop calls
 * {@link #reset(long)} with {@link Mix#seed(long, long, long)} of the row's id, so a row's values depend only on
 * (dataset seed, table, id).
 */
public final class FastRandom {

    private long state;

    public FastRandom(long seed) {
        this.state = seed;
    }

    public FastRandom reset(long seed) {
        this.state = seed;
        return this;
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return Mix.mix64(state);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return Mix.below(nextLong(), bound);
    }

    /** Uniform in [min, max]. */
    public int nextInt(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Fisher–Yates shuffle. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
