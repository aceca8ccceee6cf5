package dev.salerush.example.goods;

import dev.salerush.seeder.embedded.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The goods stand-in's stock and purchases in a PostgreSQL of its own (the project's embedded one, deleted on
 * {@link #close()}), in tables shaped like a team's, not like the demo shop's:
 * <pre>
 * goods(goods_no text PRIMARY KEY, stock int)
 * purchase(purchase_no bigserial PRIMARY KEY, goods_no, member_no, qty, amount, state, request_id UNIQUE)
 * </pre>
 * A purchase is idempotent by its request id (a repeat gets the first one's number) and takes stock with a
 * conditional decrement, so concurrent buyers never oversell. The API shows a purchase number as "P" + 8 digits.
 */
final class GoodsStore implements AutoCloseable {
    /** In losing mode, every this many new purchases one is acknowledged but rolled back. */
    static final int LOSE_EVERY = 5;
    private static final int CONNECTIONS = 8;
    private static final String COMPLETED = "COMPLETED";

    private final EmbeddedDatabase database;
    private final BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(CONNECTIONS);
    private final boolean losePurchases;

    private GoodsStore(EmbeddedDatabase database, boolean losePurchases) {
        this.database = database;
        this.losePurchases = losePurchases;
    }

    /** Starts the database, creates the tables and puts {@code stock} units of every goods item in. */
    static GoodsStore start(List<String> goodsNumbers, int stock, boolean losePurchases) {
        GoodsStore store = new GoodsStore(EmbeddedDatabase.start(), losePurchases);
        try {
            store.createTables(goodsNumbers, stock);
            for (int i = 0; i < CONNECTIONS; i++) {
                Connection c = store.database.connect();
                c.setAutoCommit(false);
                store.connections.add(c);
            }
            return store;
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw new IllegalStateException("the goods stand-in's database could not be set up: " + e.getMessage(), e);
        }
    }

    private void createTables(List<String> goodsNumbers, int stock) throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE goods (goods_no text PRIMARY KEY, stock int NOT NULL)");
            st.execute("CREATE TABLE purchase (purchase_no bigserial PRIMARY KEY,"
                    + " goods_no text NOT NULL REFERENCES goods, member_no text NOT NULL, qty int NOT NULL,"
                    + " amount bigint NOT NULL, state text NOT NULL, request_id text NOT NULL UNIQUE)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO goods VALUES (?, ?)")) {
                for (String goodsNo : goodsNumbers) {
                    insert.setString(1, goodsNo);
                    insert.setInt(2, stock);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    String jdbcUrl() {
        return database.jdbcUrl();
    }

    /**
     * The purchase number of the request: its earlier purchase's, or a new one's when {@code qty} units were still in
     * stock; empty when sold out. A database failure throws {@link IllegalStateException}.
     */
    Optional<String> purchase(String requestId, String goodsNo, String memberNo, int qty, long amount) {
        Connection c = take();
        try {
            Optional<Long> earlier = purchaseOf(c, requestId);
            if (earlier.isPresent()) {
                c.rollback();
                return earlier.map(GoodsStore::shown);
            }
            if (!takeStock(c, goodsNo, qty)) {
                c.rollback();
                return Optional.empty();
            }
            Optional<Long> created = insert(c, requestId, goodsNo, memberNo, qty, amount);
            if (created.isEmpty()) {
                // the same request id was bought concurrently: give its stock back, answer with that purchase
                c.rollback();
                return purchaseOf(c, requestId).map(GoodsStore::shown);
            }
            if (losePurchases && created.get() % LOSE_EVERY == 0) {
                c.rollback(); // the fault under test: acknowledged, never kept
            } else {
                c.commit();
            }
            return created.map(GoodsStore::shown);
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw new IllegalStateException("purchase failed: " + e.getMessage(), e);
        } finally {
            connections.add(c);
        }
    }

    private static Optional<Long> purchaseOf(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT purchase_no FROM purchase WHERE request_id = ?")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The conditional decrement: no row changes when fewer than {@code qty} units are left. */
    private static boolean takeStock(Connection c, String goodsNo, int qty) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE goods SET stock = stock - ? WHERE goods_no = ? AND stock >= ?")) {
            ps.setInt(1, qty);
            ps.setString(2, goodsNo);
            ps.setInt(3, qty);
            return ps.executeUpdate() == 1;
        }
    }

    private static Optional<Long> insert(Connection c, String requestId, String goodsNo, String memberNo, int qty,
                                         long amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO purchase (goods_no, member_no, qty, amount, state,"
                + " request_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING purchase_no")) {
            ps.setString(1, goodsNo);
            ps.setString(2, memberNo);
            ps.setInt(3, qty);
            ps.setLong(4, amount);
            ps.setString(5, COMPLETED);
            ps.setString(6, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The purchase number as the API shows it. */
    private static String shown(long purchaseNo) {
        return String.format("P%08d", purchaseNo);
    }

    /** Purchases the database holds. */
    long purchases() {
        try (Connection c = database.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM purchase")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the purchases: " + e.getMessage(), e);
        }
    }

    private Connection take() {
        try {
            return connections.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the purchase already failed
        }
    }

    @Override
    public void close() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the server stops next anyway
            }
        }
        database.close();
    }
}
