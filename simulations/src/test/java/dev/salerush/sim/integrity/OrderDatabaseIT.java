package dev.salerush.sim.integrity;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import dev.salerush.sim.it.ItLanes;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.sim.config.IntegritySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team's orders read from a real PostgreSQL with its own statements (integrity.queries): text ids, only reads. */
@Order(ItLanes.LANE_TWO + 9)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class OrderDatabaseIT {
    private static final String STOCK = "SELECT goods_no, stock FROM goods";
    private static final String LAST = "SELECT coalesce(max(purchase_no), 0) FROM purchase";
    private static final String AFTER = "SELECT 'P' || purchase_no, goods_no, qty, amount, state, request_id"
            + " FROM purchase WHERE purchase_no > ? ORDER BY purchase_no";
    private static EmbeddedDatabase db;
    private static DatabaseSettings settings;

    @BeforeAll
    static void teamTables() throws Exception {
        db = EmbeddedDatabase.start();
        settings = new DatabaseSettings(db.jdbcUrl(), db.user(), db.password(), List.of("127.0.0.1"));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE goods (goods_no text PRIMARY KEY, stock int NOT NULL)");
            st.execute("CREATE TABLE purchase (purchase_no bigserial PRIMARY KEY, goods_no text, qty int, amount bigint,"
                    + " state text, request_id text UNIQUE)");
            st.execute("INSERT INTO goods VALUES ('G000001', 3), ('G000002', 0)");
            st.execute("INSERT INTO purchase (goods_no, qty, amount, state, request_id) VALUES"
                    + " ('G000001', 1, 800, 'COMPLETED', 'r1'), ('G000002', 2, 1600, 'CANCELLED', 'r2'),"
                    + " ('G000001', 1, 800, 'COMPLETED', 'r3')");
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static OrderDatabase reading(String stock, String last, String after) {
        return new OrderDatabase(settings, new IntegritySettings(stock, last, after, "COMPLETED"));
    }

    @Test
    void theTeamsStatementsGiveTextIdsAndItsOwnCompletedStatus() throws Exception {
        OrderDatabase database = reading(STOCK, LAST, AFTER);

        OrderDatabase.Before before = database.before();
        OrderDatabase.After after = database.after(1);

        assertThat(before.stock()).containsOnlyKeys("G000001", "G000002").containsEntry("G000001", 3);
        assertThat(before.maxOrderId()).isEqualTo(3);
        assertThat(after.orders()).containsExactly(
                new RunOrder("P2", "G000002", 2, 1600, "CANCELLED", "r2", false),
                new RunOrder("P3", "G000001", 1, 800, "COMPLETED", "r3", true));
    }

    @Test
    void aStatementOfTheWrongShapeOrTypeIsNamedByItsKey() {
        assertThatThrownBy(() -> reading("SELECT goods_no, stock, 1 FROM goods", LAST, AFTER).before())
                .isInstanceOf(OrderDatabase.QueryFailed.class)
                .hasMessage("integrity.queries.stock failed: returned 3 columns, expected 2");
        assertThatThrownBy(() -> reading(STOCK, LAST, AFTER.replace("qty, amount", "state, amount")).after(0))
                .isInstanceOf(OrderDatabase.QueryFailed.class)
                .hasMessageStartingWith("integrity.queries.ordersAfter failed: ")
                .hasMessageContaining("COMPLETED");
        assertThatThrownBy(() -> reading(STOCK, "SELECT max(purchase_no) FROM nothing", AFTER).before())
                .isInstanceOf(OrderDatabase.QueryFailed.class)
                .hasMessageStartingWith("integrity.queries.lastOrderId failed: ERROR: relation \"nothing\" does not exist");
    }

    @Test
    void aStatementThatWouldWriteIsRefusedByTheReadOnlySnapshot() throws Exception {
        String writes = "WITH emptied AS (UPDATE goods SET stock = 0 RETURNING goods_no, stock) SELECT * FROM emptied";

        assertThatThrownBy(() -> reading(writes, LAST, AFTER).before())
                .isInstanceOf(OrderDatabase.QueryFailed.class)
                .hasMessageContaining("read-only transaction");
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT stock FROM goods WHERE goods_no = 'G000001'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }
}
