package dev.salerush.seeder.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cleanly stopped PostgreSQL data directory holding a seeded {@value EmbeddedDatabase#DATABASE} database, usable as
 * the base of a single server ({@link EmbeddedDatabase#startOnCopy}) or of a primary and a streaming standby alike:
 * every start works on a {@link #copy(String) copy}, so the snapshot itself can be cached (for instance keyed by the
 * dataset's fingerprint) and reused instead of seeding again.
 *
 * <p>Seeding runs with {@code wal_level=minimal}, and a standby refuses to recover from a cluster whose last
 * checkpoint was written at that level ("WAL was generated with wal_level=minimal, cannot continue recovering").
 * {@link #take} therefore restarts the stopped cluster once in single-user mode with {@code wal_level=replica}: that
 * start records the new level in {@code pg_control} and its shutdown writes a clean checkpoint at that level. This
 * costs about 0.2 s on an empty cluster (a shutdown checkpoint with nothing dirty), no copy and no network.
 */
public final class SeededSnapshot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SeededSnapshot.class);

    private final Path directory;
    private final boolean owned;
    private final Duration preparation;

    private SeededSnapshot(Path directory, boolean owned, Duration preparation) {
        this.directory = directory;
        this.owned = owned;
        this.preparation = preparation;
    }

    /**
     * Turns a running, seeded database into a snapshot: stops it cleanly (the database is closed afterwards), then
     * re-stamps the cluster with {@code wal_level=replica}. The snapshot owns the former data directory and deletes
     * it on {@link #close()}.
     */
    public static SeededSnapshot take(EmbeddedDatabase seeded) {
        long t0 = System.nanoTime();
        Path dir = seeded.stopKeepingDataDirectory();
        long stopped = System.nanoTime();
        try {
            restampForReplication(PgBinaries.locate(), dir);
        } catch (RuntimeException e) {
            DataDirectories.delete(dir);
            throw e;
        }
        long t1 = System.nanoTime();
        Duration took = Duration.ofNanos(t1 - t0);
        log.info("seeded snapshot at {}: clean stop {} ms, wal_level=replica re-stamp {} ms", dir,
                (stopped - t0) / 1_000_000, (t1 - stopped) / 1_000_000);
        return new SeededSnapshot(dir, true, took);
    }

    /**
     * An existing snapshot directory (one {@link #take} produced earlier and the caller kept, e.g. in a cache). It
     * is not deleted on {@link #close()}.
     */
    public static SeededSnapshot at(Path directory) {
        if (!Files.isRegularFile(directory.resolve("global/pg_control"))
                || !Files.isRegularFile(directory.resolve("postgresql.conf"))) {
            throw new IllegalArgumentException(directory + " is not a PostgreSQL data directory");
        }
        if (Files.exists(directory.resolve("postmaster.pid"))) {
            throw new IllegalArgumentException(directory + " belongs to a running (or crashed) server: "
                    + "postmaster.pid is there");
        }
        return new SeededSnapshot(directory, false, Duration.ZERO);
    }

    /**
     * Starts the stopped cluster in {@code dir} once in single-user mode with {@code wal_level=replica} and stops it
     * again, so that its {@code pg_control} and last (shutdown) checkpoint allow a streaming standby.
     */
    static void restampForReplication(PgBinaries bin, Path dir) {
        PgBinaries.Result r = bin.run("postgres", List.of("--single", "-D", dir.toString(),
                "-c", "wal_level=replica", "-c", "fsync=on", "postgres"),
                Duration.ofSeconds(120));
        if (!r.ok()) {
            throw new EmbeddedDatabaseException("cannot prepare the snapshot " + dir + " for replication "
                    + "(single-user restart with wal_level=replica failed, exit " + r.exitCode() + "): "
                    + r.output().strip(), null);
        }
    }

    public Path directory() {
        return directory;
    }

    /** How long {@link #take} took (clean stop + re-stamp); zero for {@link #at}. */
    public Duration preparationTime() {
        return preparation;
    }

    /** Copies the snapshot into {@code target} (see {@link DataDirectories#copy}). */
    public void copyTo(Path target) {
        DataDirectories.copy(directory, target);
    }

    /** Copies the snapshot into a new temporary directory {@code salerush-pg-<what>-…} and returns it. */
    public Path copy(String what) {
        Path target = DataDirectories.createTemp(what);
        try {
            copyTo(target);
            return target;
        } catch (RuntimeException e) {
            DataDirectories.delete(target);
            throw e;
        }
    }

    /** Deletes the snapshot directory if {@link #take} made it. Idempotent. */
    @Override
    public void close() {
        if (owned) {
            DataDirectories.delete(directory);
        }
    }

    @Override
    public String toString() {
        return "SeededSnapshot[" + directory + "]";
    }
}
