package dev.salerush.seeder.specseed;

import java.util.List;

/**
 * A validated spec against one schema: the tables to load in foreign-key order (parents first), each with its
 * exact row count and column generators. Building it writes nothing.
 */
public record SpecPlan(long seed, String fingerprint, String canonicalJson, List<TablePlan> tables) {

    /** How a column gets its values. */
    enum Role {
        /** from its generator */
        VALUE,
        /** the rowsPer parent's key */
        PARENT,
        /** a reference drawn distinct per parent (the other half of a many-to-many key) */
        DISTINCT,
        /** always NULL (a nullable column the spec omits) */
        NULL
    }

    record ColumnPlan(String name, PgType type, int typmod, double nulls, ValueGenerator generator, Role role) {
    }

    /**
     * @param prefix for a rowsPer table: prefix[p] = rows of parents 1..p (prefix[0] = 0); null otherwise
     */
    public record TablePlan(String table, long rows, List<ColumnPlan> columns, String parent, long[] prefix) {

        public List<String> columnNames() {
            return columns.stream().map(ColumnPlan::name).toList();
        }
    }

    public List<String> tableNames() {
        return tables.stream().map(TablePlan::table).toList();
    }

    public long totalRows() {
        return tables.stream().mapToLong(TablePlan::rows).sum();
    }
}
