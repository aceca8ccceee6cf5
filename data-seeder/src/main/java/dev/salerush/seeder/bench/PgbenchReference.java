package dev.salerush.seeder.bench;

import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.process.SuiteProcesses;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmarks' reference: {@code pgbench -i} on the same embedded cluster in the same run, at a comparable row
 * count, so a seed rate is reported as a ratio to it rather than as an absolute figure of a busy machine.
 */
public final class PgbenchReference {

    private PgbenchReference() {
    }

    /**
     * Times {@code pgbench -i} (best of two) at about the warm seed's row count and prints and records both rates and
     * their ratios; returns false, saying so, when no pgbench is found.
     */
    static boolean compare(PrintWriter out, Map<String, Object> figures, EmbeddedDatabase db, Path pgbenchOverride,
                           String label, SeedReport cold, SeedReport warm) throws IOException, InterruptedException {
        Path pgbench = pgbenchOverride != null ? pgbenchOverride : findPgbench();
        if (pgbench == null) {
            out.println("pgbench not found (not shipped with the embedded binaries; searched PATH, "
                    + "/usr/lib/postgresql/*/bin, /usr/local/bin): seeder figures only");
            figures.put("pgbench", "not found");
            return false;
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
        out.printf("ratio %s/pgbench rows/s: %.2f warm, %.2f cold%n", label, ratioWarm, ratioCold);
        figures.put("pgbench", pgbench.toString());
        figures.put("pgbenchScale", scale);
        figures.put("pgbenchRows", pgRows);
        figures.put("pgbenchBestSeconds", Math.round(best * 1000) / 1000.0);
        figures.put("pgbenchRowsPerSecond", pgRate);
        figures.put("ratioWarm", Math.round(ratioWarm * 100) / 100.0);
        figures.put("ratioCold", Math.round(ratioCold * 100) / 100.0);
        return true;
    }

    /** Wall-clock seconds of {@code pgbench -i -q -s scale} against the embedded database. */
    public static double pgbenchInit(Path pgbench, EmbeddedDatabase db, int scale) throws IOException, InterruptedException {
        ProcessBuilder pb = SuiteProcesses.builder(pgbench.toString(), "-i", "-q", "-s", String.valueOf(scale),
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
                versions.sorted(Comparator.comparingInt(PgbenchReference::versionOf).reversed())
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
