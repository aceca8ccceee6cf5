package dev.salerush.seeder.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads one table with {@code COPY ... FROM STDIN (FORMAT binary, FREEZE)} in one transaction: TRUNCATE first,
 * so the rows are written frozen and all-visible (and, with wal_level=minimal, without WAL).
 */
public final class TableLoader {

    /** Units generated per chunk (progress is reported per chunk). */
    public static final int CHUNK = 32_768;

    private TableLoader() {
    }

    public static SeedReport.TableReport load(Connection c, TableData data, ProgressListener progress)
            throws SQLException, IOException {
        long t0 = System.nanoTime();
        progress.tableStarted(data.table(), data.rows());
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        CopyIn in = null;
        try {
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE " + data.table());
            }
            String sql = "COPY " + data.table() + " (" + String.join(", ", data.columns())
                    + ") FROM STDIN (FORMAT binary, FREEZE)";
            in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            CopyIn copy = in;
            BinaryCopyWriter w = new BinaryCopyWriter((buf, off, len) -> {
                try {
                    copy.writeToCopy(buf, off, len);
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            });
            w.header();
            long rows = 0;
            for (long from = 1; from <= data.units(); from += CHUNK) {
                long to = Math.min(data.units() + 1, from + CHUNK);
                rows += data.write(from, to, w);
                progress.tableProgress(data.table(), rows, data.rows());
            }
            w.finish();
            long copied = in.endCopy();
            in = null;
            c.commit();
            if (copied != rows || rows != data.rows()) {
                throw new IllegalStateException(data.table() + ": generated " + rows + " rows, expected "
                        + data.rows() + ", server copied " + copied);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            progress.tableFinished(data.table(), rows, seconds);
            return new SeedReport.TableReport(data.table(), rows, round3(seconds), Math.round(rows / seconds),
                    w.bytesWritten(), String.format("%08x", w.checksum()));
        } catch (SQLException | IOException | RuntimeException e) {
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException ignored) {
                    // failing anyway
                }
            }
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
