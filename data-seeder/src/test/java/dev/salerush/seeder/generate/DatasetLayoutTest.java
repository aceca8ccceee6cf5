package dev.salerush.seeder.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.TestSpecs;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DatasetLayoutTest {

    static final DatasetLayout FULL = DatasetLayout.of(TestSpecs.production());

    @Test
    void productionCountsAreExactAndBrandSizesAddUp() {
        assertThat(FULL.brandCount()).isEqualTo(2063);
        assertThat(FULL.productCount()).isEqualTo(223_986);
        assertThat(FULL.userCount()).isEqualTo(1_650_000);
        assertThat(FULL.orderCount()).isEqualTo(1_000_000);
        long sum = LongStream.rangeClosed(1, 2063).map(FULL::brandSize).sum();
        assertThat(sum).isEqualTo(223_986);
        assertThat(Arrays.stream(FULL.brandWeights()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void topBrandIsTheBiggestAndItsProductsAreInterleavedNotContiguous() {
        long top = FULL.topBrandId();
        int topSize = FULL.brandSize(top);
        assertThat(LongStream.rangeClosed(1, 2063).map(FULL::brandSize).max().getAsLong()).isEqualTo(topSize);
        assertThat(FULL.brandSize(FULL.tailBrandId())).isLessThan(topSize / 100);
        long first = -1;
        long last = -1;
        for (long id = 1; id <= FULL.productCount(); id++) {
            if (FULL.brandOf(id) == top) {
                last = id;
                if (first < 0) {
                    first = id;
                }
            }
        }
        // spread over nearly the whole id range, not a contiguous block of topSize ids
        assertThat(last - first).isGreaterThan(FULL.productCount() * 9L / 10);
    }

    @Test
    void drawnBrandsFollowTheWeights() {
        SplittableRandom r = new SplittableRandom(7);
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            if (FULL.drawBrandId(r) == FULL.topBrandId()) {
                hits++;
            }
        }
        double expected = FULL.brandWeights()[(int) FULL.topBrandId() - 1];
        assertThat(hits / 100_000.0).isBetween(expected * 0.9, expected * 1.1);
    }

    @Test
    void hotProductsAreInStockAndMostPopularFirst() {
        long[] hot = FULL.hotProductIds(100);
        assertThat(hot).hasSize(100).doesNotHaveDuplicates();
        for (int i = 0; i < hot.length; i++) {
            assertThat(FULL.initialStock(hot[i])).isPositive();
            if (i > 0) {
                assertThat(FULL.productWeight(hot[i])).isLessThanOrEqualTo(FULL.productWeight(hot[i - 1]));
            }
        }
    }

    @Test
    void layoutIsDeterministicAndDependsOnTheSeed() {
        DatasetLayout again = DatasetLayout.of(TestSpecs.production());
        assertThat(again.hotProductIds(50)).containsExactly(FULL.hotProductIds(50));
        assertThat(again.topBrandId()).isEqualTo(FULL.topBrandId());
        for (long id = 1; id <= 1000; id++) {
            assertThat(again.brandOf(id)).isEqualTo(FULL.brandOf(id));
            assertThat(again.initialStock(id)).isEqualTo(FULL.initialStock(id)).isBetween(0, 200);
            assertThat(again.price(id)).isEqualTo(FULL.price(id));
        }
        DatasetLayout other = DatasetLayout.of(TestSpecs.production().withSeed(1));
        assertThat(other.hotProductIds(50)).isNotEqualTo(FULL.hotProductIds(50));
    }

    @Test
    void pricesArePlausibleSalePrices() {
        for (long id = 1; id <= 10_000; id++) {
            Pricing.Price p = FULL.price(id);
            assertThat(p.price()).isBetween(9_900, 398_900);
            assertThat(p.price() % 1000).isEqualTo(900);
            assertThat(p.discountRate()).isBetween(10, 80);
            assertThat(p.salePrice()).isLessThanOrEqualTo(p.price()).isPositive();
            assertThat(p.salePrice() % 100).isZero();
        }
    }

    @Test
    void rejectsIdsOutsideTheDataset() {
        DatasetLayout small = DatasetLayout.of(TestSpecs.small());
        assertThatThrownBy(() -> small.initialStock(small.productCount() + 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no product");
        assertThatThrownBy(() -> small.brandSize(0)).hasMessageContaining("no brand 0");
    }

    @Test
    void tinyScaleStillHasOneOfEverything() {
        DatasetLayout tiny = DatasetLayout.of(TestSpecs.production().withScale(0.0001));
        assertThat(tiny.brandCount()).isEqualTo(1);
        assertThat(tiny.productCount()).isEqualTo(22);
        assertThat(tiny.brandSize(1)).isEqualTo(22);
        assertThat(DatasetSpec.scaled(2063, 0.0001)).isEqualTo(1);
    }
}
