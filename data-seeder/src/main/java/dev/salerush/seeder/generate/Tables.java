package dev.salerush.seeder.generate;

import dev.salerush.seeder.load.TableData;

import java.time.OffsetDateTime;
import java.util.List;

/** The built-in dataset's tables, and the fixed point in time their generated timestamps are relative to. */
public final class Tables {
    /** The fixed point in time all generated timestamps are relative to (never the wall clock). */
    public static final OffsetDateTime TIME_ANCHOR = OffsetDateTime.parse("2026-07-01T00:00:00+09:00");

    static final long ANCHOR_MICROS = TIME_ANCHOR.toEpochSecond() * 1_000_000L;

    static final long DAY_MICROS = 86_400L * 1_000_000L;

    private Tables() {
    }

    /** The tables in load order (referenced tables first). */
    public static List<TableData> all(DatasetLayout layout) {
        return List.of(
                new BrandRows(layout),
                new ProductRows(layout),
                new UserRows(layout),
                new OrderRows(layout),
                new PaymentRows(layout));
    }
}
