package dev.salerush.sim.results;

import dev.salerush.sim.metrics.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunCatalogTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFixtureRunsNewestFirstAndClassifiesEachFolder() {
        Path results = ReportFixtures.resultsIn(dir);

        List<RunRecord> runs = RunCatalog.scan(results);

        assertThat(runs).extracting(RunRecord::runId).containsExactly(ReportFixtures.NO_SUMMARY,
                ReportFixtures.BROKEN_JSON, ReportFixtures.STRESS, ReportFixtures.SMOKE);
        assertThat(runs).extracting(RunRecord::health).containsExactly(RunRecord.Health.CORRUPT,
                RunRecord.Health.CORRUPT, RunRecord.Health.OK, RunRecord.Health.OK);
        RunRecord stress = runs.get(2);
        assertThat(stress.profile()).isEqualTo("stress");
        assertThat(stress.target()).isEqualTo("http://127.0.0.1:43355");
        assertThat(stress.verdict()).isEqualTo(Verdict.PASS);
        assertThat(stress.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(stress.globalP95Ms()).isEqualTo(21.0);
        assertThat(stress.globalRps()).isEqualTo(600.0);
        assertThat(stress.breakingPointRps()).isEqualTo(732.5);
        assertThat(stress.p95MsByRequest()).containsEntry("list products", 21.0);
        assertThat(stress.startedAt()).isEqualTo(Instant.parse("2026-11-25T11:15:00Z"));
        assertThat(runs.get(3).breakingPointRps()).as("no staircase, no breaking point").isNull();
    }

    @Test
    void theSuitesOwnFoldersBesideTheRunsAreNoRuns() throws Exception {
        Path results = ReportFixtures.resultsIn(dir);
        for (String own : RunFiles.NOT_RUNS) {
            java.nio.file.Files.createDirectories(results.resolve(own));
        }

        assertThat(RunCatalog.scan(results)).extracting(RunRecord::runId).doesNotContainAnyElementsOf(RunFiles.NOT_RUNS)
                .hasSize(4);
    }

    @Test
    void aFolderWithoutSummaryIsCorruptButKeepsWhatItsNameSays() {
        Path results = ReportFixtures.resultsIn(dir);

        RunRecord killed = RunCatalog.read(results.resolve(ReportFixtures.NO_SUMMARY));

        assertThat(killed.health()).isEqualTo(RunRecord.Health.CORRUPT);
        assertThat(killed.problem()).startsWith("no summary.json");
        assertThat(killed.profile()).isEqualTo("soak");
        assertThat(killed.startedAt()).isEqualTo(Instant.parse("2026-11-25T13:15:00Z"));
        assertThat(killed.globalP95Ms()).isNull();
        assertThat(killed.summaryIfRead()).isEmpty();
    }

    @Test
    void brokenJsonIsCorruptWithTheParsersReason() {
        Path results = ReportFixtures.resultsIn(dir);

        RunRecord broken = RunCatalog.read(results.resolve(ReportFixtures.BROKEN_JSON));

        assertThat(broken.health()).isEqualTo(RunRecord.Health.CORRUPT);
        assertThat(broken.problem()).startsWith("summary.json is not valid JSON");
        assertThat(broken.profile()).isEqualTo("load");
    }

    @Test
    void emptyFilesAndNonObjectsAreCorrupt() throws IOException {
        assertThat(runWithSummary("20261125-090000-smoke", "").problem()).isEqualTo("summary.json is empty");
        assertThat(runWithSummary("20261125-090001-smoke", "[1, 2]").problem())
                .isEqualTo("summary.json is not a JSON object");
    }

    @Test
    void handEditedWrongTypesReadAsNotMeasuredWithAWarningNeverAsZero() throws IOException {
        RunRecord run = runWithSummary("20261125-090000-load", """
                {"runId": "x", "profile": "load", "status": "complete", "verdict": "pass", "startedAt": "yesterday",
                 "target": "not an object", "global": {"p95Ms": "fast", "rps": 12.5},
                 "requests": {"list": {"p95Ms": [1]}, "detail": {"p95Ms": 7}}, "breakingPoint": {"rps": true}}
                """);

        assertThat(run.health()).isEqualTo(RunRecord.Health.OK);
        assertThat(run.globalP95Ms()).isNull();
        assertThat(run.globalRps()).isEqualTo(12.5);
        assertThat(run.target()).isNull();
        assertThat(run.breakingPointRps()).isNull();
        assertThat(run.p95MsByRequest()).containsOnlyKeys("detail");
        assertThat(run.warnings()).containsExactly("global.p95Ms is not a number", "breakingPoint.rps is not a number");
        assertThat(run.startedAt()).as("unparseable time: the folder name's").isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void aRunThatDidNotCompleteIsPartialWithItsFailureOrMissingStatus() throws IOException {
        RunRecord interrupted = runWithSummary("20261125-090000-smoke",
                "{\"status\": \"partial\", \"verdict\": \"fail\", \"failure\": \"interrupted\"}");
        RunRecord noStatus = runWithSummary("20261125-090001-smoke", "{\"verdict\": \"pass\"}");

        assertThat(interrupted.health()).isEqualTo(RunRecord.Health.PARTIAL);
        assertThat(interrupted.problem()).isEqualTo("interrupted");
        assertThat(noStatus.health()).isEqualTo(RunRecord.Health.PARTIAL);
        assertThat(noStatus.problem()).isEqualTo("summary.json has no status");
    }

    @Test
    void aMissingResultsFolderHasNoRunsAndFilesOrHiddenFoldersAreNotRuns() throws IOException {
        assertThat(RunCatalog.scan(dir.resolve("nowhere"))).isEmpty();
        Files.createDirectories(dir.resolve(".cache"));
        Files.writeString(dir.resolve("index.html"), "<html></html>");
        assertThat(RunCatalog.scan(dir)).isEmpty();
    }

    private RunRecord runWithSummary(String runId, String json) throws IOException {
        Path run = Files.createDirectories(dir.resolve(runId));
        Files.writeString(run.resolve("summary.json"), json);
        return RunCatalog.read(run);
    }
}
