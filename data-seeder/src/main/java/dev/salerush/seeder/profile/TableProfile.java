package dev.salerush.seeder.profile;

import java.util.List;

/** One table's row count and columns, as read from the catalog and pg_stats. */
public record TableProfile(String name, long rows, boolean exactCount, List<ColumnProfile> columns) {

    public TableProfile {
        columns = List.copyOf(columns);
    }

    /** Parent tables referenced by foreign keys (this table itself excluded). */
    public List<String> parents() {
        return columns.stream().map(ColumnProfile::parent)
                .filter(p -> p != null && !p.equals(name)).distinct().toList();
    }
}
