package dev.salerush.sim.results;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.salerush.sim.results.RunPruningTest.SALE;
import static dev.salerush.sim.results.RunPruningTest.id;
import static dev.salerush.sim.results.RunPruningTest.ids;
import static dev.salerush.sim.results.RunPruningTest.json;
import static org.assertj.core.api.Assertions.assertThat;

class ResultsPrunerTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(ResultsPruner.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @TempDir
    Path dir;

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aPrunedRunFolderGoesWithEverythingInItAndSaysSoOnceAndInSum() throws IOException {
        Path results = dir.resolve("results");
        for (int day = 1; day <= 3; day++) {
            Path run = write(results, day);
            Files.writeString(Files.createDirectories(run.resolve("js")).resolve("gatling.js"), "//");
        }
        Path outside = Files.writeString(dir.resolve("kept-outside.txt"), "not the run's");
        Files.createSymbolicLink(results.resolve(id(1, "smoke")).resolve("link"), outside);

        var pruned = ResultsPruner.prune(results, new RunPruning.Rule(1, null), id(3, "smoke"));

        assertThat(ids(pruned)).containsExactly(id(1, "smoke"), id(2, "smoke"));
        assertThat(results.resolve(id(1, "smoke"))).doesNotExist();
        assertThat(results.resolve(id(2, "smoke"))).doesNotExist();
        assertThat(results.resolve(id(3, "smoke")).resolve("js").resolve("gatling.js")).exists();
        assertThat(outside).as("a link is deleted, never followed").hasContent("not the run's");
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
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

        assertThat(ResultsPruner.prune(results, new RunPruning.Rule(2, null), null)).isEmpty();
        assertThat(ResultsPruner.prune(results, RunPruning.Rule.KEEP_EVERY_RUN, null)).isEmpty();
        assertThat(ResultsPruner.prune(dir.resolve("no-such-folder"), new RunPruning.Rule(1, null), null)).isEmpty();
        assertThat(logged.list).isEmpty();
        assertThat(results.resolve(id(1, "smoke"))).exists();
    }

    private static Path write(Path results, int day) throws IOException {
        Path run = Files.createDirectories(results.resolve(id(day, "smoke")));
        Files.writeString(run.resolve(RunFiles.SUMMARY), json(id(day, "smoke"), "smoke", SALE, "complete", "fail", "f1"));
        return run;
    }
}
