package dev.salerush.sim.journeys;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import dev.salerush.sim.it.ItLanes;
import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.Seeder;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.generate.DatasetLayout;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.sim.config.IdSettings;
import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.config.JourneySettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids sampled from a real database, as for a team's own service: only ids that exist, hot items in stock. */
@Order(ItLanes.LANE_TWO + 9)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class TargetIdsDatabaseIT {
    static final IdSettings QUERIES = new IdSettings(true,
            "SELECT id, product_count FROM brand WHERE product_count > 0",
            "SELECT id, brand_id FROM product WHERE stock > 0 ORDER BY discount_rate DESC, id LIMIT ?",
            "SELECT max(id) FROM app_user");

    @Test
    void sampledIdsExistInTheDatabase() throws Exception {
        DatasetSpec spec = TestConfigs.load().dataset().withScale(0.01);
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            new Seeder(DbTarget.of(db)).planCheckAfterSeed(false).seed(spec);
            TargetIds ids = TargetIds.fromDatabase(
                    new DatabaseSettings(db.jdbcUrl(), db.user(), db.password(), List.of("127.0.0.1")), QUERIES, 10);

            Set<Long> brands = new HashSet<>();
            for (int i = 0; i < 2_000; i++) {
                brands.add(ids.drawBrandId(ThreadLocalRandom.current()));
            }
            assertThat(brands).isSubsetOf(longs(db, "SELECT id FROM brand"));
            assertThat(brands).contains(DatasetLayout.of(spec).topBrandId());
            assertThat(ids.hotProductCount()).isEqualTo(10);
            var order = ids.orderingFeeder(new JourneySettings.Ordering(10, 1, 0,
                    new JourneySettings.ThinkTime(Duration.ZERO, Duration.ZERO))).next();
            assertThat(longs(db, "SELECT id FROM product WHERE stock > 0 AND id = " + order.get("productId")
                    + " AND brand_id = " + order.get("brandId"))).hasSize(1);
        }
    }

    private static Set<Long> longs(EmbeddedDatabase db, String sql) throws Exception {
        Set<Long> values = new HashSet<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
