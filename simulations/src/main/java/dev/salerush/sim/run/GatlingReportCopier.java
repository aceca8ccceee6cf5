package dev.salerush.sim.run;

import dev.salerush.sim.results.RunFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies Gatling's HTML report of this run from Gatling's results folder (under {@code target/}, which
 * {@code mvn clean} wipes) into the run folder. Gatling writes it after the simulation's {@code after()} hook, so
 * this runs at JVM exit.
 */
public final class GatlingReportCopier {
    /** System property with Gatling's results folder; the plugin configuration in simulations/pom.xml sets it. */
    public static final String GATLING_RESULTS_PROPERTY = "salerush.gatlingResults";

    private GatlingReportCopier() {
    }

    public static Path gatlingResultsDir(Path projectRoot) {
        String configured = System.getProperty(GATLING_RESULTS_PROPERTY);
        return configured != null ? Path.of(configured) : projectRoot.resolve("simulations/target/gatling");
    }

    /**
     * The newest Gatling report folder that was created after {@code startedMillis} and holds an index.html,
     * if any.
     */
    public static Optional<Path> findReport(Path gatlingResults, long startedMillis) {
        if (!Files.isDirectory(gatlingResults)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(gatlingResults)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve(RunFiles.GATLING_REPORT)))
                    .filter(dir -> modifiedMillis(dir) >= startedMillis - 1000)
                    .max(Comparator.comparingLong(GatlingReportCopier::modifiedMillis));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + gatlingResults, e);
        }
    }

    /** Copies the report's files (index.html, js/, style/, ...) into {@code runDir}, keeping its layout. */
    public static void copy(Path report, Path runDir) {
        try (Stream<Path> files = Files.walk(report)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = runDir.resolve(report.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the Gatling report " + report + " to " + runDir, e);
        }
    }

    private static long modifiedMillis(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
