package dev.salerush.sim.integrity;

import dev.salerush.env.DatabaseSettings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows the integrity check reads from the target's database — each read one consistent snapshot (a REPEATABLE
 * READ transaction) — and, for hot-item mode, the stock it sets.
 */
final class OrderDatabase {
    private static final int FETCH_SIZE = 10_000;

    /** Before the load: every product's stock, and the highest order id (the run's orders are the ones above it). */
    record Before(Map<Long, Integer> stock, long maxOrderId) {
    }

    /** After the load: every product's stock, and the orders placed since {@link Before#maxOrderId()}. */
    record After(Map<Long, Integer> stock, List<RunOrder> orders) {
    }

    private interface Read<T> {
        T from(Connection c) throws SQLException;
    }

    private final DatabaseSettings database;

    OrderDatabase(DatabaseSettings database) {
        this.database = database;
    }

    Before before() throws SQLException {
        return inSnapshot(c -> new Before(stock(c), maxOrderId(c)));
    }

    After after(long maxOrderIdBefore) throws SQLException {
        return inSnapshot(c -> new After(stock(c), ordersAfter(c, maxOrderIdBefore)));
    }

    /** Sets the stock of the given products; returns how many rows were updated. */
    int setStock(long[] productIds, int stock) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("UPDATE product SET stock = ? WHERE id = ANY (?)")) {
            Array ids = c.createArrayOf("bigint", Arrays.stream(productIds).boxed().toArray());
            ps.setInt(1, stock);
            ps.setArray(2, ids);
            return ps.executeUpdate();
        }
    }

    private static Map<Long, Integer> stock(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setFetchSize(FETCH_SIZE);
            Map<Long, Integer> stock = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT id, stock FROM product")) {
                while (rs.next()) {
                    stock.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return stock;
        }
    }

    private static long maxOrderId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<RunOrder> ordersAfter(Connection c, long orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, product_id, quantity, amount, status, idempotency_key FROM orders WHERE id > ? ORDER BY id")) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setLong(1, orderId);
            List<RunOrder> orders = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.add(new RunOrder(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
            return orders;
        }
    }

    /** Runs the reads in one read-only REPEATABLE READ transaction, so they see the same moment. */
    private <T> T inSnapshot(Read<T> read) throws SQLException {
        try (Connection c = connect()) {
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try {
                return read.from(c);
            } finally {
                c.rollback();
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
