package dev.salerush.sim.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes through a temporary file next to the target, so a reader (or a CI artifact upload) never sees half a file. */
public final class AtomicFiles {
    static final String TEMP_SUFFIX = ".tmp";

    /** Writes the content to the file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path file, Content content) {
        Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
        try {
            content.writeTo(temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static void writeString(Path file, String text) {
        write(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }
}
