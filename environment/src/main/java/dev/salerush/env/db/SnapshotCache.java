package dev.salerush.env.db;

import dev.salerush.seeder.embedded.DataDirectories;
import dev.salerush.seeder.embedded.SeededSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Seeded snapshots kept between runs, one per dataset fingerprint: {@code <dir>/<fingerprint>/} is a cleanly stopped
 * data directory and {@code <dir>/<fingerprint>.complete} says it was stored whole (its modification time is when it
 * was last used). A snapshot being stored lives under {@code .partial-<fingerprint>-<pid>} until it is complete, so a
 * run that dies half-way never leaves a snapshot that looks usable. At most {@code kept} snapshots stay; the least
 * recently used beyond that are deleted. Writers take a file lock, so two runs never store or evict at once.
 */
public final class SnapshotCache {
    private static final Logger log = LoggerFactory.getLogger(SnapshotCache.class);
    private static final String COMPLETE = ".complete";
    private static final String PARTIAL = ".partial-";

    private final Path dir;
    private final int kept;

    public SnapshotCache(Path dir, int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("kept must be >= 1");
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.kept = kept;
    }

    public Path directory() {
        return dir;
    }

    /** The stored snapshot of this dataset, marked as used now; empty when there is none. */
    public Optional<SeededSnapshot> find(String fingerprint) {
        Path marker = marker(fingerprint);
        Path data = dir.resolve(fingerprint);
        if (!Files.isRegularFile(marker) || !Files.isDirectory(data)) {
            return Optional.empty();
        }
        try {
            SeededSnapshot snapshot = SeededSnapshot.at(data);
            Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
            return Optional.of(snapshot);
        } catch (IllegalArgumentException | IOException e) {
            log.warn("ignoring the unusable snapshot {}: {}", data, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Moves a freshly taken snapshot into the cache (a copy when the cache is on another file system) and returns the
     * stored one; the fresh snapshot's directory is gone afterwards. Evicts the least recently used beyond
     * {@code kept}.
     */
    public SeededSnapshot store(String fingerprint, SeededSnapshot fresh) {
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                deleteAbandonedPartials();
                Path data = dir.resolve(fingerprint);
                if (!Files.isRegularFile(marker(fingerprint))) {
                    Path partial = dir.resolve(PARTIAL + fingerprint + "-" + ProcessHandle.current().pid());
                    moveOrCopy(fresh, partial);
                    DataDirectories.delete(data);
                    Files.move(partial, data, StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(marker(fingerprint), Instant.now() + "\n");
                    log.info("seeded snapshot stored in {}", data);
                }
                fresh.close();
                evictBeyondKept();
                return SeededSnapshot.at(data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the seeded snapshot in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void moveOrCopy(SeededSnapshot fresh, Path target) throws IOException {
        try {
            Files.move(fresh.directory(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            fresh.copyTo(target);
        }
    }

    private Path marker(String fingerprint) {
        return dir.resolve(fingerprint + COMPLETE);
    }

    /** Partial snapshots of runs that are gone (a live run's partial is left to it). */
    private void deleteAbandonedPartials() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> p.getFileName().toString().startsWith(PARTIAL))
                    .filter(p -> !ownerAlive(p.getFileName().toString()))
                    .forEach(DataDirectories::delete);
        }
    }

    private static boolean ownerAlive(String partialName) {
        String pid = partialName.substring(partialName.lastIndexOf('-') + 1);
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void evictBeyondKept() throws IOException {
        List<Path> markers;
        try (Stream<Path> entries = Files.list(dir)) {
            markers = entries.filter(p -> p.getFileName().toString().endsWith(COMPLETE))
                    .sorted(Comparator.comparing(SnapshotCache::lastUsed).reversed())
                    .toList();
        }
        for (Path marker : markers.subList(Math.min(kept, markers.size()), markers.size())) {
            String name = marker.getFileName().toString();
            Files.deleteIfExists(marker);
            DataDirectories.delete(dir.resolve(name.substring(0, name.length() - COMPLETE.length())));
            log.info("evicted the least recently used seeded snapshot {}", name);
        }
    }

    private static FileTime lastUsed(Path marker) {
        try {
            return Files.getLastModifiedTime(marker);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
