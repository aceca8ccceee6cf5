package dev.salerush.seeder.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Copying and deleting PostgreSQL data directories. */
public final class DataDirectories {

    /** Prefix of every temporary directory the suite gives PostgreSQL (CI's orphan check looks for it). */
    public static final String PREFIX = "salerush-pg-";

    /** Files of a running (or crashed) server that a copy must not carry over; zonky's lock file as well. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private DataDirectories() {
    }

    /** A new empty directory {@code <java.io.tmpdir>/salerush-pg-<what>-<random>}, mode 0700. */
    public static Path createTemp(String what) {
        try {
            Path dir = Files.createTempDirectory(PREFIX + what + "-");
            setMode(dir, DIR_MODE);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * Copies a cleanly stopped data directory to {@code target} (created if absent; must be empty), skipping
     * {@code postmaster.pid} and {@code postmaster.opts}; directories get mode 0700, files 0600, as PostgreSQL
     * requires of a data directory. Symbolic links (tablespaces, a separate pg_wal) are not supported.
     */
    public static void copy(Path source, Path target) {
        try {
            Files.createDirectories(target);
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path to = target.resolve(source.relativize(dir).toString());
                    Files.createDirectories(to);
                    setMode(to, DIR_MODE);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink()) {
                        throw new IOException("symbolic link in a data directory is not supported: " + file);
                    }
                    if (file.getParent().equals(source) && SKIPPED.contains(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path to = target.resolve(source.relativize(file).toString());
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                    setMode(to, FILE_MODE);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the data directory " + source + " to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes a directory tree, best effort. */
    public static void delete(Path dir) {
        EmbeddedDatabase.deleteRecursively(dir);
    }

    private static void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): PostgreSQL does not check modes there
        }
    }
}
