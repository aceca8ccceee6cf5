package dev.salerush.seeder.bench;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.load.ProgressListener;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.Seeder;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures, not a test: on one fresh embedded cluster, seed the dataset on a cold JVM and again on a warm one
 * (a different seed forces a full reload), then time {@code pgbench -i} at the scale with a comparable row count
 * (scale s = 100,000·s accounts), and print rows/s of both and their ratio.
 */
public final class Benchmark {

    private final DatasetSpec spec;
    private final Path pgbenchOverride;
    private final PrintWriter out;
    private final ProgressListener progress;

    public Benchmark(DatasetSpec spec, Path pgbench, PrintWriter out, ProgressListener progress) {
        this.spec = spec;
        this.pgbenchOverride = pgbench;
        this.out = out;
        this.progress = progress;
    }

    public Map<String, Object> run() throws IOException, InterruptedException {
        Map<String, Object> figures = new LinkedHashMap<>();
        try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
            out.println("benchmark on a fresh embedded PostgreSQL (" + db.jdbcUrl() + "), " + cores() + " cores");
            Seeder seeder = new Seeder(DbTarget.of(db)).planCheckAfterSeed(false).progress(progress);
            SeedReport cold = seeder.seed(spec);
            SeedReport warm = seeder.seed(spec.withSeed(spec.seed() + 1));
            line("seeder, cold JVM", cold);
            line("seeder, warm JVM", warm);
            double productsWarm = warm.table("product").seconds();
            out.printf("products alone, warm JVM: %,d rows in %.3f s%n", warm.table("product").rows(), productsWarm);
            figures.put("seederColdRows", cold.totalRows());
            figures.put("seederColdSeconds", cold.totalSeconds());
            figures.put("seederColdRowsPerSecond", cold.rowsPerSecond());
            figures.put("seederWarmRows", warm.totalRows());
            figures.put("seederWarmSeconds", warm.totalSeconds());
            figures.put("seederWarmRowsPerSecond", warm.rowsPerSecond());
            figures.put("productsWarmSeconds", productsWarm);
            figures.put("seederWarmReport", warm);

            if (PgbenchReference.compare(out, figures, db, pgbenchOverride, "seeder", cold, warm)) {
                out.printf("products < 1 s warm: %s (%.3f s)%n", productsWarm < 1 ? "yes" : "NO", productsWarm);
            }
        }
        return figures;
    }

    private void line(String label, SeedReport r) {
        out.printf("%s: %,d rows (every table, keys, indexes, VACUUM ANALYZE) in %.3f s = %,d rows/s%n", label,
                r.totalRows(), r.totalSeconds(), r.rowsPerSecond());
        for (SeedReport.TableReport t : r.tables()) {
            out.printf("    %-10s %,10d rows %7.3f s %,10d rows/s%n", t.table(), t.rows(), t.seconds(), t.rowsPerSecond());
        }
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
