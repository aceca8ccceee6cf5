package dev.salerush.sim.drills.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salerush.sim.results.RunFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The undo steps a drill still owes, in {@code <results>/pending-undo/}: written before its fault, deleted once they
 * ran. A run killed with SIGKILL cannot run them; the file it leaves lets the next run say which undo never ran
 * ({@link #neverRan}), so nobody has to find out from a staging still broken the next morning.
 */
public final class PendingUndo {
    public static final String FOLDER = RunFiles.PENDING_UNDO;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public PendingUndo(Path resultsDir) {
        this.dir = resultsDir.resolve(FOLDER);
    }

    /** Records that {@code drill} of {@code runId} owes {@code undo}; returns the file to {@link #ran} later. */
    public Path owe(String runId, String drill, List<String> undo) {
        ObjectNode record = JSON.createObjectNode().put("run", runId).put("drill", drill)
                .put("writtenAt", Instant.now().toString());
        undo.forEach(record.putArray("undo")::add);
        Path file = dir.resolve(runId.replaceAll("[^A-Za-z0-9._-]", "_") + "--" + drill + ".json");
        try {
            Files.createDirectories(dir);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the pending undo steps in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The undo steps of {@code file} ran (whatever their outcome, which the events log has). */
    public void ran(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One line for each undo an earlier run owed and never ran (it was killed before it could), then forgets them:
     * each is said once, by the next run.
     */
    public List<String> neverRan() {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return lines;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                lines.add(describe(file));
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            lines.add("cannot read the pending undo steps in " + dir + ": " + e.getMessage());
        }
        return lines;
    }

    private static String describe(Path file) throws IOException {
        JsonNode record = JSON.readTree(file.toFile());
        List<String> steps = new ArrayList<>();
        record.path("undo").forEach(step -> steps.add(step.asText()));
        return "drill " + record.path("drill").asText() + " of run " + record.path("run").asText() + " (fault at "
                + record.path("writtenAt").asText() + ") never ran its undo: " + String.join("; ", steps)
                + " — the run was killed before it could; check the system and undo by hand";
    }
}
