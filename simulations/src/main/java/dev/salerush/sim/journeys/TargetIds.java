package dev.salerush.sim.journeys;

import dev.salerush.seeder.DatasetSpec;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.config.SuiteConfig;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Ids the virtual users ask for, drawn from the seeded dataset's deterministic layout (computed from the dataset spec
 * in conf/, no database query needed): brands with the catalog's popularity skew, users uniformly, and for ordering
 * the sale's hot items — the most popular discounted products that are in stock.
 */
public final class TargetIds {
    private final DatasetLayout layout;

    private TargetIds(DatasetLayout layout) {
        this.layout = layout;
    }

    public static TargetIds fromDataset(SuiteConfig config) {
        return new TargetIds(DatasetLayout.of(DatasetSpec.fromConfig(config.dataset())));
    }

    /** Endless {brandId, sort}: brands by popularity, sorts by the configured weights. */
    public Iterator<Map<String, Object>> browsingFeeder(Map<String, Double> sortWeights) {
        List<String> sorts = List.copyOf(sortWeights.keySet());
        double[] cumulative = cumulative(sorts.stream().mapToDouble(sortWeights::get).toArray());
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return Map.<String, Object>of("brandId", layout.drawBrandId(random), "sort", sorts.get(pick(cumulative, random)));
        }).iterator();
    }

    /** Endless {productId, brandId, userId, quantity, idempotencyKey}: every orderer after one of the hot items. */
    public Iterator<Map<String, Object>> orderingFeeder(JourneySettings.Ordering settings) {
        long[] hot = layout.hotProductIds(settings.hotProducts());
        if (hot.length == 0) {
            throw new IllegalStateException("the dataset has no product in stock to order");
        }
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long productId = hot[random.nextInt(hot.length)];
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("productId", productId);
            order.put("brandId", layout.brandOf(productId));
            order.put("userId", 1 + random.nextInt(layout.userCount()));
            order.put("quantity", 1 + random.nextInt(settings.maxQuantity()));
            order.put("idempotencyKey", UUID.randomUUID().toString());
            return order;
        }).iterator();
    }

    /** Brand and product ids for warming a target up. */
    public long drawBrandId(ThreadLocalRandom random) {
        return layout.drawBrandId(random);
    }

    public long drawProductId(ThreadLocalRandom random) {
        return layout.drawProductId(random);
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, ThreadLocalRandom random) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
