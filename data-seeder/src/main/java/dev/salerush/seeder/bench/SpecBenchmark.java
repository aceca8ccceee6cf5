package dev.salerush.seeder.bench;

import com.typesafe.config.Config;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.load.ProgressListener;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.specseed.SpecSeeder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures, not a test: on one fresh embedded cluster, create the schema in two new databases and seed the spec into
 * each (cold, then warm JVM), then time {@code pgbench -i} at a comparable row count in the same run.
 */
public final class SpecBenchmark {

    private final Config spec;
    private final String schemaDdl;
    private final Path pgbenchOverride;
    private final PrintWriter out;
    private final ProgressListener progress;

    public SpecBenchmark(Config spec, Path schema, Path pgbench, PrintWriter out, ProgressListener progress)
            throws IOException {
        this.spec = spec;
        this.schemaDdl = Files.readString(schema);
        this.pgbenchOverride = pgbench;
        this.out = out;
        this.progress = progress;
    }

    public Map<String, Object> run() throws IOException, InterruptedException, SQLException {
        Map<String, Object> figures = new LinkedHashMap<>();
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            out.println("spec benchmark on a fresh embedded PostgreSQL (" + db.jdbcUrl() + "), "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            SeedReport cold = new SpecSeeder(schemaIn(db, "spec_cold")).progress(progress).seed(spec);
            SeedReport warm = new SpecSeeder(schemaIn(db, "spec_warm")).progress(progress).seed(spec);
            line("spec seed, cold JVM", cold);
            line("spec seed, warm JVM", warm);
            figures.put("fingerprint", warm.fingerprint());
            figures.put("sameContent", cold.contentChecksum().equals(warm.contentChecksum()));
            figures.put("seederRows", warm.totalRows());
            figures.put("seederColdSeconds", cold.totalSeconds());
            figures.put("seederColdRowsPerSecond", cold.rowsPerSecond());
            figures.put("seederWarmSeconds", warm.totalSeconds());
            figures.put("seederWarmRowsPerSecond", warm.rowsPerSecond());
            PgbenchReference.compare(out, figures, db, pgbenchOverride, "spec seed", cold, warm);
        }
        return figures;
    }

    /** A new database of the cluster holding the (empty) schema. */
    private DbTarget schemaIn(EmbeddedDatabase db, String name) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        DbTarget t = new DbTarget(db.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name), db.user(),
                db.password(), DbTarget.LOOPBACK);
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            st.execute(schemaDdl);
        }
        return t;
    }

    private void line(String label, SeedReport r) {
        out.printf("%s: %,d rows (every table, keys, indexes, foreign keys, VACUUM ANALYZE) in %.3f s = %,d rows/s%n",
                label, r.totalRows(), r.totalSeconds(), r.rowsPerSecond());
        for (SeedReport.TableReport t : r.tables()) {
            out.printf("    %-12s %,10d rows %7.3f s %,10d rows/s%n", t.table(), t.rows(), t.seconds(), t.rowsPerSecond());
        }
        for (SeedReport.StepReport s : r.steps()) {
            out.printf("    %-60s %7.3f s%n", s.step(), s.seconds());
        }
    }
}
