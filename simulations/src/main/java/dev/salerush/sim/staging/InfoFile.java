package dev.salerush.sim.staging;

import dev.salerush.sim.results.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The staging's info file: written through a temporary file and moved into place (a reader never sees half a file),
 * rewritten whenever the info changes (after each operation, and when the periodic refresh sees an instance die or
 * come back), deleted when the staging stops — it exists exactly while the staging is up. Thread-safe.
 *
 * <p>{@link #json()} answers the info as last refreshed without waiting: reading an instance waits while the fleet
 * operates on it (a deploy holds it for seconds), so a refresh during an operation ends with it.
 */
final class InfoFile {
    private final Path file;
    private final Supplier<StagingInfo> info;
    private volatile String latest;
    private boolean deleted;

    InfoFile(Path file, Supplier<StagingInfo> info) {
        this.file = file;
        this.info = info;
    }

    Path path() {
        return file;
    }

    /** Writes the info as it is now, unless the file holds exactly that already or the staging has stopped. */
    synchronized void refresh() {
        if (deleted) {
            return;
        }
        String json = info.get().toJson();
        if (!json.equals(latest)) {
            AtomicFiles.writeString(file, json);
            latest = json;
        }
    }

    /** The info JSON as last refreshed (the file's content); null before the first refresh. */
    String json() {
        return latest;
    }

    /** Deletes the file; later refreshes write nothing. */
    synchronized void delete() throws IOException {
        deleted = true;
        Files.deleteIfExists(file);
    }
}
