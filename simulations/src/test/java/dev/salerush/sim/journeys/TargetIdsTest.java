package dev.salerush.sim.journeys;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.sim.config.JourneySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TargetIdsTest {
    static final DatasetLayout LAYOUT = DatasetLayout.of(new DatasetSpec(0.01, 42, 2063, 223_986, 1_650_000, 1_000_000, 0, 200, 1.0));

    @Test
    void pickFollowsTheWeights() {
        double[] cumulative = {1, 1, 4};   // weights 1, 0, 3
        int[] counts = new int[3];
        for (int i = 0; i < 40_000; i++) {
            counts[TargetIds.pick(cumulative, ThreadLocalRandom.current())]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[2] / (double) counts[0]).isCloseTo(3.0, within(0.2));
    }

    @Test
    void brandsFromTheDatasetFollowItsPopularity() {
        TargetIds ids = TargetIds.fromDataset(LAYOUT, 20);
        Map<Long, Integer> draws = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            draws.merge(ids.drawBrandId(ThreadLocalRandom.current()), 1, Integer::sum);
        }
        long top = LAYOUT.topBrandId();
        double expectedShare = LAYOUT.brandWeights()[(int) top - 1];
        assertThat(draws.get(top) / 50_000.0).isCloseTo(expectedShare, within(0.02));
        assertThat(draws.keySet()).allMatch(id -> id >= 1 && id <= LAYOUT.brandCount());
    }

    @Test
    void orderersCompeteForHotItemsInStock() {
        TargetIds ids = TargetIds.fromDataset(LAYOUT, 5);
        var feeder = ids.orderingFeeder(new JourneySettings.Ordering(5, 2, 0,
                new JourneySettings.ThinkTime(Duration.ZERO, Duration.ZERO)));
        for (int i = 0; i < 200; i++) {
            Map<String, Object> order = feeder.next();
            long productId = (Long) order.get("productId");
            assertThat(LAYOUT.initialStock(productId)).isPositive();
            assertThat(order.get("brandId")).isEqualTo(LAYOUT.brandOf(productId));
            assertThat((Integer) order.get("quantity")).isBetween(1, 2);
            assertThat((Long) order.get("userId")).isBetween(1L, (long) LAYOUT.userCount());
        }
        assertThat(ids.hotProductCount()).isEqualTo(5);
    }
}
