package dev.salerush.sim.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Deletes the run folders {@link RunPruning} decides on ({@code results.keep}), oldest first, each with everything in
 * it, and says which: one line per deleted run and one line for all of them; nothing when nothing goes. A folder that
 * cannot be deleted is said so and left (partly deleted at worst): pruning never fails a run.
 */
public final class ResultsPruner {
    /**
     * The console, where a run's end says what it pruned: printed, not logged, since Gatling has shut logging down
     * by the time a run's pages are written.
     */
    public static final Consumer<String> CONSOLE = line -> {
        System.out.println(line);
        System.out.flush();
    };

    private ResultsPruner() {
    }

    /**
     * Prunes {@code resultsDir} by {@code rule}, never touching {@code currentRunId} (null: no run is being written),
     * telling {@code say} what goes; returns the runs deleted, oldest first.
     */
    public static List<RunPruning.Pruned> prune(Path resultsDir, RunPruning.Rule rule, String currentRunId,
                                                Consumer<String> say) {
        if (rule.keep() == 0) {
            return List.of();
        }
        List<RunPruning.Pruned> deleted = new ArrayList<>();
        for (RunPruning.Pruned run : RunPruning.decide(RunCatalog.scan(resultsDir), rule, currentRunId)) {
            String shown = shown(resultsDir, run.run().runId());
            try {
                deleteTree(run.run().dir());
                deleted.add(run);
                say.accept("pruned " + shown + " (" + run.group() + ": " + run.newerKept() + " newer kept)");
            } catch (IOException | RuntimeException e) {
                say.accept("could not prune " + shown + " (results.keep = " + rule.keep() + "): " + e);
            }
        }
        if (!deleted.isEmpty()) {
            say.accept("results.keep = " + rule.keep() + ": pruned " + deleted.size() + " run folder(s) from "
                    + resultsDir + "; kept the " + rule.keep() + " newest of each simulation, profile and target, "
                    + "the baselines and the pinned runs");
        }
        return deleted;
    }

    /** {@code results/<run-id>}, as a person finds it next to the other runs. */
    private static String shown(Path resultsDir, String runId) {
        Path name = resultsDir.getFileName();
        return (name == null ? resultsDir.toString() : name.toString()) + "/" + runId;
    }

    /** The folder and everything below it, deepest first; links are deleted, never followed. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
