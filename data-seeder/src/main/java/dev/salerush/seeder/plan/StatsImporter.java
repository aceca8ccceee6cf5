package dev.salerush.seeder.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports planner statistics on top of loaded data with PostgreSQL 18's {@code pg_restore_relation_stats} and
 * {@code pg_restore_attribute_stats}: to make plans follow production's statistics, never instead of volume.
 *
 * <p>File format (JSON; {@link #export} writes it):
 * <pre>
 * { "relations":  [ {"relname": "product", "relpages": 9000, "reltuples": 223986, "relallvisible": 9000} ],
 *   "attributes": [ {"relname": "product", "attname": "brand_id", "inherited": false, "null_frac": 0,
 *                    "avg_width": 8, "n_distinct": 2063, "most_common_vals": "{1,2}",
 *                    "most_common_freqs": [0.1, 0.05], "histogram_bounds": "{...}", "correlation": 0.01} ] }
 * </pre>
 * Keys are passed through as the functions' named arguments; the schema is always {@code public}.
 */
public final class StatsImporter {

    private static final Logger log = LoggerFactory.getLogger(StatsImporter.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Server version (server_version_num) from which the restore functions exist. */
    public static final int MIN_SERVER_VERSION = 180000;

    private static final Set<String> INTEGER_KEYS = Set.of("relpages", "relallvisible", "relallfrozen", "avg_width");
    private static final Set<String> SMALLINT_KEYS = Set.of("attnum");
    private static final Set<String> REAL_KEYS = Set.of("reltuples", "null_frac", "n_distinct", "correlation",
            "range_empty_frac");
    private static final Set<String> REAL_ARRAY_KEYS = Set.of("most_common_freqs", "most_common_elem_freqs",
            "elem_count_histogram");
    private static final Set<String> BOOLEAN_KEYS = Set.of("inherited");

    private StatsImporter() {
    }

    /** Outcome: imported counts, or skipped with the reason. */
    public record Result(boolean skipped, String message, int relations, int attributes) {
    }

    public static int serverVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW server_version_num"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Integer.parseInt(rs.getString(1).trim());
        }
    }

    /** Imports the file; on servers older than 18 logs why and changes nothing. */
    public static Result importFile(Connection c, Path file) throws SQLException, IOException {
        int version = serverVersion(c);
        if (version < MIN_SERVER_VERSION) {
            String msg = "statistics import skipped: the server is version " + version / 10000
                    + ", pg_restore_relation_stats/pg_restore_attribute_stats need PostgreSQL 18 or newer";
            log.warn(msg);
            return new Result(true, msg, 0, 0);
        }
        JsonNode root = JSON.readTree(Files.readAllBytes(file));
        int relations = 0;
        int attributes = 0;
        for (JsonNode rel : root.path("relations")) {
            call(c, "pg_restore_relation_stats", rel);
            relations++;
        }
        for (JsonNode att : root.path("attributes")) {
            call(c, "pg_restore_attribute_stats", att);
            attributes++;
        }
        String msg = "imported planner statistics from " + file + ": " + relations + " relation(s), "
                + attributes + " column(s)";
        log.info(msg);
        return new Result(false, msg, relations, attributes);
    }

    private static void call(Connection c, String function, JsonNode args) throws SQLException {
        if (!args.hasNonNull("relname")) {
            throw new IllegalArgumentException(function + " entry without relname: " + args);
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(function).append("('schemaname', 'public'::text");
        List<String> values = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = args.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if ("schemaname".equals(key) || e.getValue().isNull()) {
                continue;
            }
            if (!key.matches("[a-z_]+")) {
                throw new IllegalArgumentException("bad statistics key '" + key + "'");
            }
            sql.append(", '").append(key).append("', ?::").append(typeOf(key));
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.asText()));
                values.add("{" + String.join(",", items) + "}");
            } else {
                values.add(v.asText());
            }
        }
        sql.append(")");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    log.warn("{} reported a partial import for {}", function, args.path("relname").asText());
                }
            }
        }
    }

    static String typeOf(String key) {
        if (INTEGER_KEYS.contains(key)) {
            return "integer";
        }
        if (SMALLINT_KEYS.contains(key)) {
            return "smallint";
        }
        if (REAL_KEYS.contains(key)) {
            return "real";
        }
        if (REAL_ARRAY_KEYS.contains(key)) {
            return "real[]";
        }
        if (BOOLEAN_KEYS.contains(key)) {
            return "boolean";
        }
        return "text";
    }

    /** Writes the current statistics of the given tables (public schema) in the import format. */
    public static void export(Connection c, List<String> tables, Path file) throws SQLException, IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rels = root.putArray("relations");
        ArrayNode atts = root.putArray("attributes");
        for (String t : tables) {
            try (PreparedStatement ps = c.prepareStatement("SELECT relpages, reltuples, relallvisible FROM pg_class "
                    + "WHERE oid = to_regclass(?)")) {
                ps.setString(1, "public." + t);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        rels.addObject().put("relname", t).put("relpages", rs.getInt(1))
                                .put("reltuples", rs.getFloat(2)).put("relallvisible", rs.getInt(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT attname, inherited, null_frac, avg_width, "
                    + "n_distinct, most_common_vals::text, most_common_freqs::text, histogram_bounds::text, "
                    + "correlation FROM pg_stats WHERE schemaname = 'public' AND tablename = ? ORDER BY attname")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        ObjectNode a = atts.addObject().put("relname", t);
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String name = md.getColumnLabel(i);
                            String v = rs.getString(i);
                            if (v == null) {
                                continue;
                            }
                            switch (name) {
                                case "inherited" -> a.put(name, rs.getBoolean(i));
                                case "avg_width" -> a.put(name, rs.getInt(i));
                                case "null_frac", "n_distinct", "correlation" -> a.put(name, rs.getFloat(i));
                                case "most_common_freqs" -> {
                                    ArrayNode arr = a.putArray(name);
                                    for (String x : v.substring(1, v.length() - 1).split(",")) {
                                        arr.add(Float.parseFloat(x));
                                    }
                                }
                                default -> a.put(name, v);
                            }
                        }
                    }
                }
            }
        }
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }
}
