package dev.salerush.seeder.profile;

import java.util.List;

/** One table's row count and columns, as read from the catalog and pg_stats. */
public record TableProfile(String name, long rows, Count count, List<ColumnProfile> columns) {

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
    }

    /** Parent tables referenced by foreign keys (this table itself excluded). */
    public List<String> parents() {
        return columns.stream().map(ColumnProfile::parent)
                .filter(p -> p != null && !p.equals(name)).distinct().toList();
    }
}
