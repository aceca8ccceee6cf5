package dev.salerush.sim.journeys;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.sim.config.IdSettings;
import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.env.EnvironmentError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The ids virtual users ask for: brands with their share of traffic, the sale's hot items, and the range of user
 * ids. For the embedded target (or any service seeded by salerush) they are computed from the dataset spec — the
 * seeded catalog's Zipf popularity, no query needed; for a team's own service they are sampled once from its
 * database (see the {@code ids} section of the configuration).
 */
public final class TargetIds {
    private static final Logger log = LoggerFactory.getLogger(TargetIds.class);

    private final long[] brandIds;
    private final double[] brandCumulativeWeights;
    private final long[] hotProductIds;
    private final long[] hotProductBrandIds;
    private final long maxUserId;

    TargetIds(long[] brandIds, double[] brandWeights, long[] hotProductIds, long[] hotProductBrandIds, long maxUserId) {
        if (brandIds.length == 0 || hotProductIds.length == 0 || maxUserId < 1) {
            throw new EnvironmentError("the target has no data to ask for: " + brandIds.length + " brands, "
                    + hotProductIds.length + " products in stock, " + maxUserId + " users");
        }
        this.brandIds = brandIds;
        this.brandCumulativeWeights = cumulative(brandWeights);
        this.hotProductIds = hotProductIds;
        this.hotProductBrandIds = hotProductBrandIds;
        this.maxUserId = maxUserId;
    }

    /** From the configured source: the dataset spec, or a sample of the target's database. */
    public static TargetIds forRun(SuiteConfig config) {
        IdSettings ids = config.ids();
        int hotProducts = config.journeys().ordering().hotProducts();
        return ids.fromDatabase() ? fromDatabase(config.database(), ids, hotProducts)
                : fromDataset(DatasetLayout.of(config.dataset()), hotProducts);
    }

    static TargetIds fromDataset(DatasetLayout layout, int hotProducts) {
        long[] brands = new long[layout.brandCount()];
        for (int i = 0; i < brands.length; i++) {
            brands[i] = i + 1;
        }
        long[] hot = layout.hotProductIds(hotProducts);
        long[] hotBrands = new long[hot.length];
        for (int i = 0; i < hot.length; i++) {
            hotBrands[i] = layout.brandOf(hot[i]);
        }
        return new TargetIds(brands, layout.brandWeights(), hot, hotBrands, layout.userCount());
    }

    static TargetIds fromDatabase(DatabaseSettings database, IdSettings ids, int hotProducts) {
        try (Connection connection = database.openReadOnly()) {
            List<long[]> brands = rows(connection, ids.brandsQuery(), null);
            List<long[]> hot = rows(connection, ids.hotProductsQuery(), hotProducts);
            long maxUserId = rows(connection, ids.maxUserIdQuery(), null).stream().findFirst().map(row -> row[0]).orElse(0L);
            log.info("ids sampled from the database: {} brands, {} hot products, users 1..{}", brands.size(), hot.size(), maxUserId);
            return new TargetIds(column(brands, 0), brands.stream().mapToDouble(row -> row[1]).toArray(),
                    column(hot, 0), column(hot, 1), maxUserId);
        } catch (SQLException e) {
            throw new EnvironmentError("sampling ids from " + database.url() + " failed: " + e.getMessage(), e);
        }
    }

    /** Endless {brandId, sort}: brands by their share of traffic, sorts by the configured weights. */
    public Iterator<Map<String, Object>> browsingFeeder(Map<String, Double> sortWeights) {
        List<String> sorts = List.copyOf(sortWeights.keySet());
        double[] sortCumulative = cumulative(sorts.stream().mapToDouble(sortWeights::get).toArray());
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return Map.<String, Object>of("brandId", drawBrandId(random), "sort", sorts.get(pick(sortCumulative, random)));
        }).iterator();
    }

    /** Endless {productId, brandId, userId, quantity, idempotencyKey}: every orderer after one of the hot items. */
    public Iterator<Map<String, Object>> orderingFeeder(JourneySettings.Ordering settings) {
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int hot = random.nextInt(hotProductIds.length);
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("productId", hotProductIds[hot]);
            order.put("brandId", hotProductBrandIds[hot]);
            order.put("userId", random.nextLong(1, maxUserId + 1));
            order.put("quantity", 1 + random.nextInt(settings.maxQuantity()));
            order.put("idempotencyKey", UUID.randomUUID().toString());
            return order;
        }).iterator();
    }

    public long drawBrandId(ThreadLocalRandom random) {
        return brandIds[pick(brandCumulativeWeights, random)];
    }

    /** The sale's hot items, which every orderer competes for. */
    public long[] hotProductIds() {
        return hotProductIds.clone();
    }

    public int hotProductCount() {
        return hotProductIds.length;
    }

    private static List<long[]> rows(Connection connection, String sql, Integer parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setInt(1, parameter);
            }
            List<long[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long[] row = new long[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getLong(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static long[] column(List<long[]> rows, int index) {
        return rows.stream().mapToLong(row -> row[index]).toArray();
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += Math.max(0, weights[i]);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** Index i with probability weight[i] / total, by binary search over the cumulative weights. */
    static int pick(double[] cumulative, ThreadLocalRandom random) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (r < cumulative[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
