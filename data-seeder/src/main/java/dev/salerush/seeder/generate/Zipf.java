package dev.salerush.seeder.generate;

import java.util.random.RandomGenerator;

/** Zipf-like weights (rank k has weight 1 / k^s), exact apportioning, and a sampler over arbitrary weights. */
public final class Zipf {

    private Zipf() {
    }

    /** weights[k] = 1 / (k+1)^exponent, for ranks 1..n. */
    public static double[] weights(int n, double exponent) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = exponent == 0 ? 1.0 : StrictMath.pow(k + 1, -exponent);
        }
        return w;
    }

    /**
     * Splits {@code total} into {@code weights.length} integer parts proportional to the weights, summing to
     * exactly {@code total}. Each part gets at least {@code min(1, total / n)}: when total >= n no part is empty.
     * Largest-remainder method; ties go to the lower index, so the result is deterministic.
     */
    public static int[] apportion(long total, double[] weights) {
        int n = weights.length;
        int[] parts = new int[n];
        long base = total >= n ? 1 : 0;
        long remaining = total - base * n;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] remainders = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            double exact = remaining * weights[i] / sum;
            long floor = (long) Math.floor(exact);
            parts[i] = Math.toIntExact(base + floor);
            remainders[i] = exact - floor;
            assigned += floor;
        }
        long left = remaining - assigned;
        if (left > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> {
                int c = Double.compare(remainders[b], remainders[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int i = 0; i < left; i++) {
                parts[order[i % n]]++;
            }
        }
        return parts;
    }

    /** Draws index i with probability weights[i] / sum(weights): cumulative sums and a binary search. */
    public static final class Sampler {
        private final double[] cumulative;

        public Sampler(double[] weights) {
            cumulative = new double[weights.length];
            double acc = 0;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] < 0) {
                    throw new IllegalArgumentException("negative weight at " + i);
                }
                acc += weights[i];
                cumulative[i] = acc;
            }
            if (!(acc > 0)) {
                throw new IllegalArgumentException("weights sum to 0");
            }
        }

        public int size() {
            return cumulative.length;
        }

        /** @param u uniform in [0, 1) */
        public int index(double u) {
            double target = u * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        public int sample(RandomGenerator random) {
            return index(random.nextDouble());
        }
    }
}
