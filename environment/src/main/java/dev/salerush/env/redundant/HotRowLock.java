package dev.salerush.env.redundant;

import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.OperationFailedException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds row locks on the sale's hot products for a while, as a long migration or a stuck batch job would: orders on
 * those products wait for the lock while holding an order-pool connection, so the pool runs dry and the shop sheds.
 * The products locked are those the latest orders went to (what the sale's buyers compete for now), or before any
 * order the most discounted products in stock.
 */
final class HotRowLock {
    /** The products the latest orders of the sale went to (orders placed with a key), most ordered first. */
    private static final String LOCK_ORDERED_ROWS = "SELECT id FROM product WHERE id IN ("
            + "SELECT product_id FROM orders WHERE id > (SELECT max(id) FROM orders) - 2000 "
            + "AND idempotency_key IS NOT NULL GROUP BY product_id ORDER BY count(*) DESC LIMIT ?) FOR UPDATE";
    /** Before any order of the sale: the most discounted products in stock, the sale's hot items by default. */
    private static final String LOCK_HOT_ROWS = "SELECT id FROM product WHERE stock > 0 "
            + "ORDER BY discount_rate DESC, id LIMIT ? FOR UPDATE";
    private static final int HOT_ROWS = 20;

    /** Counted down by {@link #release()}: the holder lets go before its time is up. */
    private volatile CountDownLatch released = new CountDownLatch(0);

    /**
     * Locks the hot rows, holds them for {@code duration} or until {@link #release()}, then releases them (rollback:
     * nothing changes).
     */
    void hold(String jdbcUrl, String user, String password, Duration duration, EventLog events) {
        CountDownLatch release = new CountDownLatch(1);
        released = release;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.setAutoCommit(false);
            int locked = lock(c, LOCK_ORDERED_ROWS);
            if (locked == 0) {
                locked = lock(c, LOCK_HOT_ROWS);
            }
            events.record(EventKinds.OPERATION_STEP, "database", "holding row locks on " + locked
                    + " hot products for " + duration.toMillis() + " ms");
            boolean early = release.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            c.rollback();
            events.record(EventKinds.OPERATION_STEP, "database", early ? "row locks released on request"
                    : "row locks released");
        } catch (SQLException e) {
            throw new OperationFailedException("cannot lock the hot rows: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while holding the hot rows' locks (released)", e);
        }
    }

    /** Runs one locking query; returns how many rows it locked. */
    private static int lock(Connection c, String query) throws SQLException {
        int locked = 0;
        try (PreparedStatement st = c.prepareStatement(query)) {
            st.setInt(1, HOT_ROWS);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    locked++;
                }
            }
        }
        return locked;
    }

    /** Makes a running {@link #hold} let go of its locks now (as killing the stuck job's session would). */
    void release() {
        released.countDown();
    }
}
