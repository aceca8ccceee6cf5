package dev.salerush.seeder.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfTest {

    @Test
    void apportionSumsExactlyGivesEveryPartOneAndFollowsTheWeights() {
        int[] parts = Zipf.apportion(223_986, Zipf.weights(2063, 1.0));
        assertThat(Arrays.stream(parts).asLongStream().sum()).isEqualTo(223_986);
        assertThat(Arrays.stream(parts).min().getAsInt()).isGreaterThanOrEqualTo(1);
        for (int i = 1; i < parts.length; i++) {
            assertThat(parts[i]).isLessThanOrEqualTo(parts[i - 1]);
        }
        // rank 1 has twice the weight of rank 2 (exponent 1)
        assertThat((double) parts[0] / parts[1]).isBetween(1.95, 2.05);
    }

    @Test
    void apportionWithFewerItemsThanPartsLeavesTheTailEmpty() {
        int[] parts = Zipf.apportion(3, Zipf.weights(5, 1.0));
        assertThat(parts).containsExactly(1, 1, 1, 0, 0);
    }

    @Test
    void uniformExponentGivesEqualParts() {
        assertThat(Zipf.apportion(10, Zipf.weights(5, 0.0))).containsOnly(2);
    }

    @Test
    void samplerDrawsInProportionToWeights() {
        Zipf.Sampler s = new Zipf.Sampler(new double[] {3, 1, 0, 1});
        SplittableRandom r = new SplittableRandom(42);
        int[] counts = new int[4];
        for (int i = 0; i < 100_000; i++) {
            counts[s.sample(r)]++;
        }
        assertThat(counts[2]).isZero();
        assertThat(counts[0] / 100_000.0).isBetween(0.58, 0.62);
        assertThat(counts[1] / 100_000.0).isBetween(0.18, 0.22);
        assertThat(s.index(0.0)).isZero();
        assertThat(s.index(0.99999)).isEqualTo(3);
    }
}
