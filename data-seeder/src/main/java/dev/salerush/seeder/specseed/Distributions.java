package dev.salerush.seeder.specseed;

import dev.salerush.seeder.generate.FastRandom;
import dev.salerush.seeder.generate.Zipf;
import java.util.Map;

/** Number draws shared by the generators; StrictMath only, so values are the same on every machine. */
final class Distributions {

    private Distributions() {
    }

    /** Uniform long in [min, max]. */
    static long uniformLong(FastRandom r, long min, long max) {
        return min + Math.floorMod(r.nextLong(), max - min + 1); // the planner keeps max - min below 2^62
    }

    static double normal(FastRandom r, double mean, double stddev) {
        double u1 = 1.0 - r.nextDouble(); // (0, 1]
        double u2 = r.nextDouble();
        return mean + stddev * StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    static long poisson(FastRandom r, double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(normal(r, mean, StrictMath.sqrt(mean))));
        }
        double limit = StrictMath.exp(-mean);
        long k = 0;
        double p = r.nextDouble();
        while (p > limit) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    /** Failures before the first success with success probability 1/(1+mean): mean {@code mean}. */
    static long geometric(FastRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double q = mean / (1 + mean);
        return (long) StrictMath.floor(StrictMath.log(1.0 - r.nextDouble()) / StrictMath.log(q));
    }

    /** A Zipf sampler over ranks 0..n-1 (rank 0 the most frequent). */
    static Zipf.Sampler zipf(int n, double exponent) {
        return new Zipf.Sampler(Zipf.weights(n, exponent));
    }

    /** Listed values with their shares, else the fallback: a "most common values" overlay (pg_stats style). */
    static ValueGenerator withMostCommon(Map<Object, Double> shares, ValueGenerator rest) {
        Object[] values = shares.keySet().toArray();
        double[] cumulative = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += shares.get(values[i]);
            cumulative[i] = sum;
        }
        return (row, r) -> {
            double u = r.nextDouble();
            for (int i = 0; i < cumulative.length; i++) {
                if (u < cumulative[i]) {
                    return values[i];
                }
            }
            return rest.value(row, r);
        };
    }
}
