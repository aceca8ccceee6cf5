package dev.salerush.sim.integrity;

import dev.salerush.env.DatabaseSettings;
import dev.salerush.sim.config.IntegritySettings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows the integrity check reads from the target's database with the configured statements
 * ({@link IntegritySettings}, columns by position) — each read one consistent, read-only snapshot (a REPEATABLE READ
 * transaction) — and, for hot-item mode on the demo shop, the stock it sets. A statement that fails is reported
 * naming its key ({@link QueryFailed}).
 */
final class OrderDatabase {
    private static final int FETCH_SIZE = 10_000;
    private static final int STOCK_COLUMNS = 2;
    private static final int ORDER_COLUMNS = 6;

    /** Before the load: every product's stock, and the last order id (the run's orders are the ones above it). */
    record Before(Map<String, Integer> stock, long maxOrderId) {
    }

    /** After the load: every product's stock, and the orders placed since {@link Before#maxOrderId()}. */
    record After(Map<String, Integer> stock, List<RunOrder> orders) {
    }

    /** A configured statement that could not be run or read: names its key and the database's message. */
    static final class QueryFailed extends Exception {
        QueryFailed(String key, String why, Throwable cause) {
            super(key + " failed: " + why, cause);
        }
    }

    private interface Read<T> {
        T from(Connection c) throws SQLException, QueryFailed;
    }

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException, QueryFailed;
    }

    private final DatabaseSettings database;
    private final IntegritySettings queries;

    OrderDatabase(DatabaseSettings database, IntegritySettings queries) {
        this.database = database;
        this.queries = queries;
    }

    Before before() throws SQLException, QueryFailed {
        return inSnapshot(c -> new Before(stock(c), maxOrderId(c)));
    }

    After after(long maxOrderIdBefore) throws SQLException, QueryFailed {
        return inSnapshot(c -> new After(stock(c), ordersAfter(c, maxOrderIdBefore)));
    }

    /** Sets the stock of the given demo-shop products; returns how many rows were updated. */
    int setStock(long[] productIds, int stock) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("UPDATE product SET stock = ? WHERE id = ANY (?)")) {
            Array ids = c.createArrayOf("bigint", Arrays.stream(productIds).boxed().toArray());
            ps.setInt(1, stock);
            ps.setArray(2, ids);
            return ps.executeUpdate();
        }
    }

    private Map<String, Integer> stock(Connection c) throws SQLException, QueryFailed {
        return query(c, IntegritySettings.STOCK_KEY, queries.stockQuery(), null, STOCK_COLUMNS, rs -> {
            Map<String, Integer> stock = new HashMap<>();
            while (rs.next()) {
                stock.put(id(rs, 1, IntegritySettings.STOCK_KEY), rs.getInt(2));
            }
            return stock;
        });
    }

    private long maxOrderId(Connection c) throws SQLException, QueryFailed {
        return query(c, IntegritySettings.LAST_ORDER_KEY, queries.lastOrderQuery(), null, 1, rs -> {
            if (!rs.next()) {
                throw new QueryFailed(IntegritySettings.LAST_ORDER_KEY, "returned no row (it must return one number,"
                        + " 0 when there are no orders)", null);
            }
            return rs.getLong(1);
        });
    }

    private List<RunOrder> ordersAfter(Connection c, long orderId) throws SQLException, QueryFailed {
        String key = IntegritySettings.ORDERS_AFTER_KEY;
        return query(c, key, queries.ordersAfterQuery(), orderId, ORDER_COLUMNS, rs -> {
            List<RunOrder> orders = new ArrayList<>();
            while (rs.next()) {
                String status = rs.getString(5);
                orders.add(new RunOrder(id(rs, 1, key), id(rs, 2, key), rs.getInt(3), rs.getLong(4), status,
                        rs.getString(6), queries.paidStatus().equals(status)));
            }
            return orders;
        });
    }

    /**
     * Runs one configured statement ({@code after}: its one parameter, or null) and reads its rows; a failure or a
     * result of another shape becomes a {@link QueryFailed} naming {@code key}.
     */
    private static <T> T query(Connection c, String key, String sql, Long after, int columns, Rows<T> rows)
            throws QueryFailed {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH_SIZE);
            if (after != null) {
                ps.setLong(1, after);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int returned = rs.getMetaData().getColumnCount();
                if (returned != columns) {
                    throw new QueryFailed(key, "returned " + returned + " columns, expected " + columns, null);
                }
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new QueryFailed(key, e.getMessage(), e);
        }
    }

    /** An id column as text; an empty one is refused (the client could never have seen it). */
    private static String id(ResultSet rs, int column, String key) throws SQLException, QueryFailed {
        String id = rs.getString(column);
        if (id == null || id.isEmpty()) {
            throw new QueryFailed(key, "column " + column + " (an id) is empty in a row", null);
        }
        return id;
    }

    /** Runs the reads in one read-only REPEATABLE READ transaction, so they see the same moment (and cannot write). */
    private <T> T inSnapshot(Read<T> read) throws SQLException, QueryFailed {
        try (Connection c = database.openReadOnly()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
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
