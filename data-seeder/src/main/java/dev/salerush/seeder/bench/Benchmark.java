package dev.salerush.seeder.bench;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.load.ProgressListener;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.Seeder;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

            Path pgbench = pgbenchOverride != null ? pgbenchOverride : findPgbench();
            if (pgbench == null) {
                out.println("pgbench not found (not shipped with the embedded binaries; searched PATH, "
                        + "/usr/lib/postgresql/*/bin, /usr/local/bin): seeder figures only");
                figures.put("pgbench", "not found");
                return figures;
            }
            int scale = (int) Math.max(1, Math.round(warm.totalRows() / 100_000.0));
            long pgRows = scale * 100_011L; // accounts + tellers + branches
            double best = Double.MAX_VALUE;
            for (int run = 1; run <= 2; run++) {
                double s = pgbenchInit(pgbench, db, scale);
                best = Math.min(best, s);
                out.printf("pgbench -i -s %d (%s), run %d: %,d rows in %.3f s = %,d rows/s%n", scale, pgbench, run,
                        pgRows, s, Math.round(pgRows / s));
            }
            long pgRate = Math.round(pgRows / best);
            double ratioWarm = (double) warm.rowsPerSecond() / pgRate;
            double ratioCold = (double) cold.rowsPerSecond() / pgRate;
            out.printf("ratio seeder/pgbench rows/s: %.2f warm, %.2f cold (goal >= 0.5)%n", ratioWarm, ratioCold);
            out.printf("products < 1 s warm: %s (%.3f s)%n", productsWarm < 1 ? "yes" : "NO", productsWarm);
            figures.put("pgbench", pgbench.toString());
            figures.put("pgbenchScale", scale);
            figures.put("pgbenchRows", pgRows);
            figures.put("pgbenchBestSeconds", Math.round(best * 1000) / 1000.0);
            figures.put("pgbenchRowsPerSecond", pgRate);
            figures.put("ratioWarm", Math.round(ratioWarm * 100) / 100.0);
            figures.put("ratioCold", Math.round(ratioCold * 100) / 100.0);
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

    /** Wall-clock seconds of {@code pgbench -i -q -s scale} against the embedded database. */
    public static double pgbenchInit(Path pgbench, EmbeddedDatabase db, int scale) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(pgbench.toString(), "-i", "-q", "-s", String.valueOf(scale),
                "-h", db.host(), "-p", String.valueOf(db.port()), "-U", db.user(), EmbeddedDatabase.DATABASE);
        pb.environment().put("PGPASSWORD", db.password());
        pb.redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IOException("pgbench -i failed (exit " + rc + "): " + output.strip());
        }
        return seconds;
    }

    /** pgbench from PATH, else the newest /usr/lib/postgresql/N/bin/pgbench, else /usr/local/bin; null if none. */
    public static Path findPgbench() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "pgbench"));
                }
            }
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                versions.sorted(Comparator.comparingInt(Benchmark::versionOf).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin/pgbench")));
            } catch (IOException ignored) {
                // not found there
            }
        }
        candidates.add(Path.of("/usr/local/bin/pgbench"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
