package dev.salerush.seeder.load;

import java.io.IOException;
import java.util.List;

/**
 * Rows of one table, as the loader takes them: generated in chunks of "units" (ids of the table, or of the orders
 * for payments). A chunk's bytes depend only on (spec, table, unit range), never on the chunk size or anything
 * outside the spec.
 */
public interface TableData {

    String table();

    List<String> columns();

    /** Units to iterate: 1..units(). */
    long units();

    /** Exact number of rows this table receives; one per unit unless a table says otherwise. */
    default long rows() {
        return units();
    }

    /** Writes the rows of units [from, to) (1-based), returns rows written. */
    long write(long from, long to, BinaryCopyWriter w) throws IOException;
}
