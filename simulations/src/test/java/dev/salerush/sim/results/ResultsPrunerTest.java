package dev.salerush.sim.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.salerush.sim.results.RunPruningTest.SALE;
import static dev.salerush.sim.results.RunPruningTest.id;
import static dev.salerush.sim.results.RunPruningTest.ids;
import static dev.salerush.sim.results.RunPruningTest.json;
import static org.assertj.core.api.Assertions.assertThat;

class ResultsPrunerTest {
    private final List<String> said = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void aPrunedRunFolderGoesWithEverythingInItAndSaysSoOnceAndInSum() throws IOException {
        Path results = dir.resolve("results");
        for (int day = 1; day <= 3; day++) {
            Path run = write(results, day);
            Files.writeString(Files.createDirectories(run.resolve("js")).resolve("gatling.js"), "//");
        }
        Path outside = Files.writeString(dir.resolve("kept-outside.txt"), "not the run's");
        Files.createSymbolicLink(results.resolve(id(1, "smoke")).resolve("link"), outside);

        var pruned = ResultsPruner.prune(results, new RunPruning.Rule(1, null), id(3, "smoke"), said::add);

        assertThat(ids(pruned)).containsExactly(id(1, "smoke"), id(2, "smoke"));
        assertThat(results.resolve(id(1, "smoke"))).doesNotExist();
        assertThat(results.resolve(id(2, "smoke"))).doesNotExist();
        assertThat(results.resolve(id(3, "smoke")).resolve("js").resolve("gatling.js")).exists();
        assertThat(outside).as("a link is deleted, never followed").hasContent("not the run's");
        assertThat(said).containsExactly(
                "pruned results/" + id(1, "smoke") + " (" + SALE + ", smoke, the embedded target: 1 newer kept)",
                "pruned results/" + id(2, "smoke") + " (" + SALE + ", smoke, the embedded target: 1 newer kept)",
                "results.keep = 1: pruned 2 run folder(s) from " + results + "; kept the 1 newest of each "
                        + "simulation, profile and target, the baselines and the pinned runs");
    }

    @Test
    void nothingPrunedSaysNothing() throws IOException {
        Path results = dir.resolve("results");
        write(results, 1);
        write(results, 2);

        assertThat(ResultsPruner.prune(results, new RunPruning.Rule(2, null), null, said::add)).isEmpty();
        assertThat(ResultsPruner.prune(results, RunPruning.Rule.KEEP_EVERY_RUN, null, said::add)).isEmpty();
        assertThat(ResultsPruner.prune(dir.resolve("no-such-folder"), new RunPruning.Rule(1, null), null, said::add))
                .isEmpty();
        assertThat(said).isEmpty();
        assertThat(results.resolve(id(1, "smoke"))).exists();
    }

    private static Path write(Path results, int day) throws IOException {
        Path run = Files.createDirectories(results.resolve(id(day, "smoke")));
        Files.writeString(run.resolve(RunFiles.SUMMARY),
                json(id(day, "smoke"), "smoke", SALE, "complete", "fail", "f1"));
        return run;
    }
}
