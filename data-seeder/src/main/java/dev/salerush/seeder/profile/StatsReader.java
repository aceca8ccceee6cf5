package dev.salerush.seeder.profile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.seeder.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads table sizes (pg_class) and column statistics (pg_stats) of one schema. Most-common values and histogram
 * bounds are selected only for numeric, date/time and boolean columns — the SQL itself never returns a text value
 * of the source. {@code count(*)} is run only when exact counts are asked for.
 */
public final class StatsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TABLES = "SELECT c.relname, c.reltuples FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname";

    // Values of text columns are never selected: the CASE yields NULL for them.
    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory,
                   a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%%'
                     OR EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = a.attrelid AND p.contype = 'p'
                                AND p.conkey = ARRAY[a.attnum] AND t.typcategory = 'N'),
                   (SELECT pc.relname FROM pg_constraint f JOIN pg_class pc ON pc.oid = f.confrelid
                     WHERE f.conrelid = a.attrelid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum]
                     ORDER BY f.conname LIMIT 1),
                   s.null_frac, s.n_distinct, s.avg_width,
                   CASE WHEN t.typcategory IN (%1$s) THEN
                     (SELECT json_agg(v) FROM unnest(s.most_common_vals::text::text[]) v) END,
                   CASE WHEN t.typcategory IN (%1$s) THEN array_to_json(s.most_common_freqs) END,
                   CASE WHEN t.typcategory IN (%1$s) THEN
                     (SELECT json_agg(v) FROM unnest(s.histogram_bounds::text::text[]) v) END
            FROM pg_attribute a
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_stats s ON s.schemaname = ? AND s.tablename = ? AND s.attname = a.attname
                                AND s.inherited = (SELECT relkind = 'p' FROM pg_class WHERE oid = a.attrelid)
            WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """.formatted("'N', 'D', 'B'");

    // Every primary and unique key of a table, as lists of column names in key order.
    private static final String UNIQUE_KEYS = """
            SELECT json_agg(k.cols) FROM (
              SELECT (SELECT json_agg(a.attname ORDER BY u.ord) FROM unnest(co.conkey) WITH ORDINALITY u(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = u.attnum) AS cols
              FROM pg_constraint co WHERE co.conrelid = ?::regclass AND co.contype IN ('p', 'u')) k
            """;

    private final Connection connection;
    private final String schema;

    public StatsReader(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** Tables of the schema with their planner row estimate (pg_class.reltuples; -1 = never analyzed). Partitions
     * are left out: a partitioned table is profiled as a whole (its statistics are the inherited ones). So is
     * salerush's own marker table: it is the seeder's bookkeeping, not the team's data. */
    public Map<String, Double> tables() throws SQLException {
        Map<String, Double> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals(Schema.MARKER_TABLE)) {
                        continue;
                    }
                    tables.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return tables;
    }

    /** Reads one table; {@code exactCount} runs count(*) instead of trusting reltuples. */
    public TableProfile table(String name, double reltuples, boolean exactCount) throws SQLException {
        TableProfile.Count source = exactCount ? TableProfile.Count.EXACT
                : reltuples < 0 ? TableProfile.Count.NEVER_ANALYZED : TableProfile.Count.RELTUPLES;
        long rows = exactCount ? count(name) : Math.max(0, Math.round(reltuples));
        List<ColumnProfile> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, schema);
            ps.setString(2, name);
            ps.setString(3, qualified(name));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new ColumnProfile(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0),
                            rs.getBoolean(4), rs.getString(5), number(rs, 6), number(rs, 7),
                            (Integer) rs.getObject(8), strings(rs.getString(9)), doubles(rs.getString(10)),
                            strings(rs.getString(11))));
                }
            }
        }
        return new TableProfile(name, rows, source, columns, uniqueKeys(name));
    }

    private List<List<String>> uniqueKeys(String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(UNIQUE_KEYS)) {
            ps.setString(1, qualified(table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String json = rs.getString(1);
                return json == null ? List.of() : parse(json, new TypeReference<List<List<String>>>() { });
            }
        }
    }

    private long count(String table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + qualified(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String qualified(String table) {
        return quoteIdent(schema) + "." + quoteIdent(table);
    }

    static String quoteIdent(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static List<String> strings(String json) {
        return json == null ? List.of() : parse(json, new TypeReference<List<String>>() { });
    }

    private static List<Double> doubles(String json) {
        return json == null ? List.of() : parse(json, new TypeReference<List<Double>>() { });
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
