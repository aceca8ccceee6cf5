package dev.salerush.seeder.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The salerush schema (the seeder owns it; the demo shop and simulations never repeat DDL): tables.sql holds the
 * tables, indexes.sql keys and indexes, which the seeder builds after the bulk load.
 */
public final class Schema {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Schema.class);

    public static final String TABLES_RESOURCE = "dev/salerush/seeder/schema/tables.sql";
    public static final String INDEXES_RESOURCE = "dev/salerush/seeder/schema/indexes.sql";

    /** Every table the schema creates, referencing tables after referenced ones. */
    public static final List<String> TABLES = List.of("brand", "product", "app_user", "orders", "payment",
            "salerush_dataset");

    /** The marker table: a database holding it is the seeder's to reload. */
    public static final String MARKER_TABLE = "salerush_dataset";

    private Schema() {
    }

    /** Creates tables, keys and indexes in an empty database: an empty, ready-to-use schema (e.g. for tests). */
    public static void create(Connection c) throws SQLException {
        createTables(c);
        createIndexes(c);
    }

    public static void createTables(Connection c) throws SQLException {
        execute(c, sql(TABLES_RESOURCE));
    }

    public static void createIndexes(Connection c) throws SQLException {
        for (String statement : statements(sql(INDEXES_RESOURCE))) {
            long t0 = System.nanoTime();
            execute(c, statement);
            log.debug("{} ms: {}", (System.nanoTime() - t0) / 1_000_000, statement);
        }
    }

    /** The statements of a script: comment lines dropped, split at semicolons (the schema has no quoted ';'). */
    public static List<String> statements(String script) {
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("--")) {
                int comment = t.indexOf("--");
                sb.append(comment >= 0 ? t.substring(0, comment) : t).append('\n');
            }
        }
        List<String> out = new java.util.ArrayList<>();
        for (String s : sb.toString().split(";")) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t.replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    /** Drops the salerush tables (and only those) if they exist. */
    public static void drop(Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder("DROP TABLE IF EXISTS ");
        for (int i = TABLES.size() - 1; i >= 0; i--) {
            sb.append(TABLES.get(i)).append(i > 0 ? ", " : "");
        }
        execute(c, sb.append(" CASCADE").toString());
    }

    /** Text of a schema resource. */
    public static String sql(String resource) {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a script in one transaction (pgJDBC sends multi-statement text in one simple-query round trip). */
    private static void execute(Connection c, String script) throws SQLException {
        inTransaction(c, st -> st.execute(script));
    }

    /** Statements run by {@link #inTransaction}. */
    @FunctionalInterface
    public interface Work {
        void run(Statement st) throws SQLException;
    }

    /** Runs the work in one transaction on {@code c}: all of it or nothing; the connection's autocommit is restored. */
    public static void inTransaction(Connection c, Work work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            work.run(st);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
