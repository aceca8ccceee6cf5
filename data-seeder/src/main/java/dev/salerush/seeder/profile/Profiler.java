package dev.salerush.seeder.profile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the statistics of a schema's tables (all, or the named ones) through a read-only connection. */
public final class Profiler {

    private Profiler() {
    }

    /**
     * @param tables table names to profile, empty for every table of the schema
     * @throws IllegalArgumentException when a named table is not in the schema (message names it)
     */
    public static List<TableProfile> profile(Connection readOnly, String schema, List<String> tables,
                                             boolean exactCounts) throws SQLException {
        StatsReader reader = new StatsReader(readOnly, schema);
        Map<String, Double> present = reader.tables();
        if (present.isEmpty()) {
            throw new IllegalArgumentException("schema '" + schema + "' has no tables (or none visible to this user)");
        }
        List<String> missing = tables.stream().filter(t -> !present.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no table " + missing + " in schema '" + schema + "' (tables there: "
                    + present.keySet() + ")");
        }
        List<TableProfile> result = new ArrayList<>();
        for (Map.Entry<String, Double> t : present.entrySet()) {
            if (tables.isEmpty() || tables.contains(t.getKey())) {
                result.add(reader.table(t.getKey(), t.getValue(), exactCounts));
            }
        }
        return result;
    }
}
