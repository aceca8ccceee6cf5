package dev.salerush.sim.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** {@code results/<run-id>/}: where everything a run produces is kept, outside any {@code target/} folder. */
public final class RunFolder {
    /**
     * System property a launcher gives the runs it starts (a comparison's) so that it knows their folders: the run id,
     * a name of the form {@code <yyyyMMdd-HHmmss>-<profile>[-...]}. Not a setting of the run.
     */
    public static final String RUN_ID_PROPERTY = "salerush.runId";
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final String runId;
    private final Path dir;

    private RunFolder(String runId, Path dir) {
        this.runId = runId;
        this.dir = dir;
    }

    /** Creates a new, uniquely named folder {@code <time>-<profile>} (with a suffix if that name is taken). */
    public static RunFolder create(Path resultsDir, String profile, LocalDateTime now) {
        String base = timestamp(now) + "-" + profile.replaceAll("[^A-Za-z0-9_.-]", "_");
        try {
            Files.createDirectories(resultsDir);
            for (int attempt = 0; ; attempt++) {
                String runId = attempt == 0 ? base : base + "-" + attempt;
                try {
                    return new RunFolder(runId, Files.createDirectory(resultsDir.resolve(runId)));
                } catch (FileAlreadyExistsException taken) {
                    // another run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + resultsDir, e);
        }
    }

    /** The time part of a run id, as {@link #create} names folders. */
    public static String timestamp(LocalDateTime now) {
        return RUN_ID_TIME.format(now);
    }

    /** Creates the folder {@code runId} a launcher chose; one that exists already is an error, never reused. */
    public static RunFolder named(Path resultsDir, String runId) {
        if (!runId.matches("[A-Za-z0-9_.-]+") || runId.startsWith(".")) {
            throw new IllegalArgumentException(RUN_ID_PROPERTY + " must be a folder name of letters, digits, '_', "
                    + "'.' and '-', got '" + runId + "'");
        }
        try {
            Files.createDirectories(resultsDir);
            return new RunFolder(runId, Files.createDirectory(resultsDir.resolve(runId)));
        } catch (FileAlreadyExistsException taken) {
            throw new IllegalStateException(resultsDir.resolve(runId) + " exists already: the run id is reused", taken);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + resultsDir.resolve(runId), e);
        }
    }

    /**
     * A shard's folder {@code <resultsDir>/<runId>/shard-<index>/} inside the run's shared folder (created if missing:
     * its siblings, or the local launcher, may have made it first). The shard's runId is the shared one.
     */
    public static RunFolder forShard(Path resultsDir, String runId, String shardFolder) {
        Path dir = resultsDir.resolve(runId).resolve(shardFolder);
        try {
            Files.createDirectories(dir.getParent());
            return new RunFolder(runId, Files.createDirectory(dir));
        } catch (FileAlreadyExistsException taken) {
            throw new IllegalStateException(dir + " exists already: another shard has this index, or the run id is reused",
                    taken);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the shard's run folder " + dir, e);
        }
    }

    public String runId() {
        return runId;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Writes summary.json atomically, so a reader never sees half a file. */
    public void writeSummary(RunSummary summary) {
        SummaryJson.write(summary, file(RunFiles.SUMMARY));
    }
}
