package dev.salerush.sim.results;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes the run folders {@link RunPruning} decides on ({@code results.keep}), oldest first, each with everything in
 * it, and says which: one line per deleted run and one line for all of them; nothing when nothing goes. A folder that
 * cannot be deleted is logged and left (partly deleted at worst): pruning never fails a run.
 */
public final class ResultsPruner {
    private static final Logger log = LoggerFactory.getLogger(ResultsPruner.class);

    private ResultsPruner() {
    }

    /**
     * Prunes {@code resultsDir} by {@code rule}, never touching {@code currentRunId} (null: no run is being written);
     * returns the runs deleted, oldest first.
     */
    public static List<RunPruning.Pruned> prune(Path resultsDir, RunPruning.Rule rule, String currentRunId) {
        if (rule.keep() == 0) {
            return List.of();
        }
        List<RunPruning.Pruned> deleted = new ArrayList<>();
        for (RunPruning.Pruned run : RunPruning.decide(RunCatalog.scan(resultsDir), rule, currentRunId)) {
            String shown = shown(resultsDir, run.run().runId());
            try {
                deleteTree(run.run().dir());
                deleted.add(run);
                log.info("pruned {} ({}: {} newer kept)", shown, run.group(), run.newerKept());
            } catch (IOException | RuntimeException e) {
                log.warn("could not prune {} (results.keep = {}): {}", shown, rule.keep(), e.toString());
            }
        }
        if (!deleted.isEmpty()) {
            log.info("results.keep = {}: pruned {} run folder(s) from {}; kept the {} newest of each simulation, "
                    + "profile and target, the baselines and the pinned runs", rule.keep(), deleted.size(),
                    resultsDir, rule.keep());
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
