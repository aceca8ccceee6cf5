package dev.salerush.seeder.generate;

import dev.salerush.seeder.load.BinaryCopyWriter;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Rows of one table, generated in chunks of "units" (ids of the table, or of the orders for payments). A chunk's
 * bytes depend only on (spec, table, unit range), never on the chunk size or anything outside the spec.
 */
public interface TableData {

    /** The fixed point in time all generated timestamps are relative to (never the wall clock). */
    OffsetDateTime TIME_ANCHOR = OffsetDateTime.parse("2026-07-01T00:00:00+09:00");

    long ANCHOR_MICROS = TIME_ANCHOR.toEpochSecond() * 1_000_000L;

    long DAY_MICROS = 86_400L * 1_000_000L;

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

    /** The tables in load order (referenced tables first). */
    static List<TableData> all(DatasetLayout layout) {
        return List.of(
                new BrandRows(layout),
                new ProductRows(layout),
                new UserRows(layout),
                new OrderRows(layout),
                new PaymentRows(layout));
    }
}
