package dev.salerush.sim.gatling;

import dev.salerush.seeder.DatasetSpec;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.sim.run.SaleRun;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Ids the virtual users ask for, drawn from the seeded dataset's deterministic layout (computed from the dataset spec
 * in conf/, no database query needed): brands with the catalog's popularity skew, so the top brand gets the traffic
 * (and the query plan) it gets in production.
 */
public final class TargetIds {
    static final List<String> SORTS = List.of("discount", "newest", "price_asc", "price_desc");

    private final DatasetLayout layout;

    private TargetIds(DatasetLayout layout) {
        this.layout = layout;
    }

    public static TargetIds forRun(SaleRun run) {
        return new TargetIds(DatasetLayout.of(DatasetSpec.fromConfig(run.config().dataset())));
    }

    /** An endless feeder of {brandId, sort}: brands by popularity, sorts uniformly. */
    public Iterator<Map<String, Object>> brandFeeder() {
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return Map.<String, Object>of("brandId", layout.drawBrandId(random), "sort", SORTS.get(random.nextInt(SORTS.size())));
        }).iterator();
    }
}
