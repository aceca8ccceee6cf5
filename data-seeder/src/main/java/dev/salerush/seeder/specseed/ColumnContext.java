package dev.salerush.seeder.specseed;

import java.util.Locale;

/**
 * What a generator of one column must know: the column's type, whether it must be unique, the table's row count
 * and, for a foreign key column, the referenced table and its row count (its keys are 1..targetRows).
 */
record ColumnContext(SpecConfig cfg, String table, String column, PgType type, int typmod, boolean notNull,
                     boolean unique, long rows, String target, long targetRows, Locale locale) {

    boolean reference() {
        return target != null;
    }

    boolean selfReference() {
        return table.equals(target);
    }
}
