package dev.salerush.sim.journeys;

import dev.salerush.env.Warmup;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.config.TargetSettings;

import java.util.List;
import java.util.Random;

/**
 * What the embedded shop is warmed up with before a run: a product list of a brand drawn with the catalog's skew, in
 * any sort, then a product's detail — the browsing journey's two hot queries, so their plans and caches are warm.
 */
public final class WarmupBrowsing implements Warmup.Requests {
    private static final int PAGES = 3;
    private static final int PAGE_SIZE = 20;

    private final TargetSettings target;
    private final DatasetLayout layout;

    public WarmupBrowsing(TargetSettings target, DatasetLayout layout) {
        this.target = target;
        this.layout = layout;
    }

    @Override
    public List<String> next(Random random) {
        List<String> sorts = JourneySettings.SORTS;
        String list = target.path("products") + "?brandId=" + layout.drawBrandId(random)
                + "&sort=" + sorts.get(random.nextInt(sorts.size())) + "&page=" + random.nextInt(PAGES)
                + "&size=" + PAGE_SIZE;
        String detail = target.path("product").replace("{id}", String.valueOf(layout.drawProductId(random)));
        return List.of(list, detail);
    }
}
