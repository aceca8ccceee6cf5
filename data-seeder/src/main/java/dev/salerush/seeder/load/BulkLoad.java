package dev.salerush.seeder.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loading pipeline of the seeder, for the built-in dataset and for specs alike: binary COPY of each table
 * in order ({@link TableLoader}) while two more connections build the keys, indexes and foreign keys of the tables
 * already loaded and run VACUUM (ANALYZE) ({@link IndexBuilder}). The caller has dropped or not yet created those.
 */
public final class BulkLoad {

    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

    /** Opens another connection to the same database (for the index builders). */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    /** Per-table reports in load order and the index/vacuum steps. */
    public record Result(List<SeedReport.TableReport> tables, List<SeedReport.StepReport> steps) {
    }

    private BulkLoad() {
    }

    /**
     * @param indexStatements keys, indexes and foreign keys to build once their tables are loaded
     */
    public static Result run(Connection c, Connector connector, List<TableData> data, List<String> indexStatements,
                             ProgressListener progress) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("SET synchronous_commit = off"); // session-level only, also fine on an external server
        }
        List<String> tables = data.stream().map(TableData::table).toList();
        List<SeedReport.TableReport> reports = new ArrayList<>();
        List<SeedReport.StepReport> steps = new ArrayList<>();
        try (Connection index1 = connector.connect();
             Connection index2 = connector.connect();
             IndexBuilder indexes = new IndexBuilder(List.of(index1, index2), tables, indexStatements, progress)) {
            indexes.start();
            for (TableData d : data) {
                indexes.checkFailure();
                SeedReport.TableReport tr = TableLoader.load(c, d, progress);
                indexes.tableLoaded(d.table());
                log.info("{}: {} rows in {} s ({} rows/s)", tr.table(), tr.rows(),
                        String.format("%.3f", tr.seconds()), tr.rowsPerSecond());
                reports.add(tr);
            }
            long w0 = System.nanoTime();
            progress.stepStarted("indexes and vacuum analyze");
            double busy = indexes.awaitDone();
            double wait = Math.round((System.nanoTime() - w0) / 1e6) / 1000.0;
            progress.stepFinished("indexes and vacuum analyze", wait);
            steps.add(new SeedReport.StepReport("indexes and vacuum analyze, after the last COPY", wait));
            steps.add(new SeedReport.StepReport("indexes and vacuum analyze, busy (overlaps loading)",
                    Math.round(busy * 1000) / 1000.0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while building indexes", e);
        }
        return new Result(List.copyOf(reports), List.copyOf(steps));
    }
}
