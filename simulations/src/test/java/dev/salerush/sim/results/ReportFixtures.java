package dev.salerush.sim.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run folders for the catalog and report tests: the run folders under src/test/resources/report-fixtures, copied into a results folder, with latency logs written
 * by HdrHistogram itself (a binary-ish file nobody should hand-edit stays out of the repository).
 */
public final class ReportFixtures {
    public static final String SMOKE = "20261125-101500-smoke";
    public static final String STRESS = "20261125-111500-stress";
    public static final String BROKEN_JSON = "20261125-121500-load";
    public static final String NO_SUMMARY = "20261125-131500-soak";
    public static final long SMOKE_START = 1795601700000L;
    public static final long STRESS_START = 1795605300000L;
    public static final long KILLED_START = 1795608900000L;

    private ReportFixtures() {
    }

    /** A results folder holding the four fixture runs. */
    public static Path resultsIn(Path dir) {
        try {
            Path source = Path.of(ReportFixtures.class.getResource("/report-fixtures").toURI());
            Path results = dir.resolve("results");
            copy(source, results);
            Files.delete(results.resolve("README.md"));
            IntervalLogs.write(results.resolve(SMOKE).resolve("latency.hlog"), SMOKE_START,
                    IntervalLogs.random(SMOKE_START, 30, List.of("list products", "<b>product</b> detail"), 1), true);
            IntervalLogs.write(results.resolve(STRESS).resolve("latency.hlog"), STRESS_START,
                    IntervalLogs.random(STRESS_START, 40, List.of("list products", "place order"), 2), true);
            IntervalLogs.writeStalls(results.resolve(STRESS).resolve("injector-stalls.hlog"), STRESS_START, 40, 84);
            IntervalLogs.write(results.resolve(NO_SUMMARY).resolve("latency.hlog"), KILLED_START,
                    IntervalLogs.random(KILLED_START, 10, List.of("list products"), 3), true);
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }
}
