package dev.salerush.sim.journeys;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import dev.salerush.sim.it.ItLanes;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EnvironmentError;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.sim.config.ConfigError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team simulation's ids sampled from a real PostgreSQL with its own queries (ids.queries), keyed by column label. */
@Order(ItLanes.LANE_TWO + 9)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class TeamIdsDatabaseIT {
    private static EmbeddedDatabase db;
    private static DatabaseSettings settings;

    @BeforeAll
    static void teamTables() throws Exception {
        db = EmbeddedDatabase.start();
        settings = new DatabaseSettings(db.jdbcUrl(), db.user(), db.password(), List.of("127.0.0.1"));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE member (member_no text PRIMARY KEY, active boolean NOT NULL)");
            st.execute("INSERT INTO member VALUES ('M0000001', true), ('M0000002', false), ('M0000003', true)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void eachRowBecomesAFeederRecordKeyedByItsColumnLabels() {
        TeamIds ids = TeamIds.sample(settings, Map.of("members",
                "SELECT member_no AS \"memberNo\" FROM member WHERE active ORDER BY member_no"));

        assertThat(ids.rows("members")).containsExactly(Map.of("memberNo", "M0000001"), Map.of("memberNo", "M0000003"));
        assertThatThrownBy(() -> ids.rows("brands")).isInstanceOf(ConfigError.class)
                .hasMessage("no query 'brands' in ids.queries; configured: members");
    }

    @Test
    void aQueryWithoutRowsOrThatFailsIsNamedByItsKey() {
        assertThatThrownBy(() -> TeamIds.sample(settings, Map.of("members", "SELECT member_no FROM member WHERE false")))
                .isInstanceOf(EnvironmentError.class)
                .hasMessageStartingWith("ids.queries.members returned no rows from " + db.jdbcUrl());
        assertThatThrownBy(() -> TeamIds.sample(settings, Map.of("goods", "SELECT goods_no FROM goods")))
                .isInstanceOf(EnvironmentError.class)
                .hasMessageStartingWith("ids.queries.goods failed: ERROR: relation \"goods\" does not exist");
    }

    @Test
    void theSampleIsReadOnly() {
        assertThatThrownBy(() -> TeamIds.sample(settings, Map.of("members",
                "WITH gone AS (DELETE FROM member RETURNING member_no) SELECT * FROM gone")))
                .isInstanceOf(EnvironmentError.class).hasMessageContaining("read-only");
    }
}
