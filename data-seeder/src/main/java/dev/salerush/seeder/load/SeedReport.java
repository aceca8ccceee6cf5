package dev.salerush.seeder.load;

import java.util.List;

/**
 * Outcome of {@link Seeder#seed(DatasetSpec)}: per table rows and seconds, the post-load steps, totals.
 * {@code noOp} is true when the database already held this dataset (nothing was written).
 */
public record SeedReport(
        String target,
        String fingerprint,
        boolean noOp,
        String note,
        List<TableReport> tables,
        List<StepReport> steps,
        long totalRows,
        double totalSeconds,
        long rowsPerSecond,
        String contentChecksum) {

    /** One table's load: rows, seconds, rows/s, bytes sent and the CRC-32C of the COPY stream. */
    public record TableReport(String table, long rows, double seconds, long rowsPerSecond, long bytes,
                              String checksum) {
    }

    /** A post-load step (indexes, vacuum analyze, ...). */
    public record StepReport(String step, double seconds) {
    }

    public TableReport table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in report"));
    }
}
