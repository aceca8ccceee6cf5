package dev.salerush.seeder.profile;

import java.util.List;

/**
 * One table's row count, columns and unique keys (primary key included), as read from the catalog and pg_stats.
 */
public record TableProfile(String name, long rows, Count count, List<ColumnProfile> columns,
                           List<List<String>> uniqueKeys) {

    /** Where the row count comes from. */
    public enum Count {
        RELTUPLES("pg_class.reltuples (planner estimate; --exact-counts for count(*))"),
        EXACT("count(*)"),
        NEVER_ANALYZED("review: never analyzed (pg_class.reltuples = -1); ANALYZE it or use --exact-counts");

        private final String comment;

        Count(String comment) {
            this.comment = comment;
        }

        public String comment() {
            return comment;
        }
    }

    public TableProfile {
        columns = List.copyOf(columns);
        uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    }

    public ColumnProfile column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** Parent tables referenced by foreign keys (this table itself excluded). */
    public List<String> parents() {
        return columns.stream().map(ColumnProfile::parent)
                .filter(p -> p != null && !p.equals(name)).distinct().toList();
    }
}
