package dev.salerush.sim.report.publish;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.results.ReportFixtures;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunPruning;
import dev.salerush.sim.results.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * results.keep at the end of a run and when the reports are regenerated, on run folders written as runs write them
 * (the report fixtures, and smoke runs of one group made from the fixture smoke run): what goes, what stays, and the
 * pages that are rewritten so that none links a run that is gone.
 */
class ResultsPagesPruningTest {
    private static final ReportSettings SETTINGS = ReportSettings.defaults();

    @TempDir
    Path dir;

    @Test
    void aFinishedRunPrunesItsResultsFolderBeforeItsPagesAndTheIndex() throws IOException {
        Path results = smokeRuns();
        ResultsPages.regenerate(results, SETTINGS, RunPruning.Rule.KEEP_EVERY_RUN);
        assertThat(page(results, smoke(24))).contains(link(smoke(23)));
        Path current = results.resolve(smoke(26));

        ResultsPages.afterRun(current, results, SETTINGS, new RunPruning.Rule(1, null));

        assertThat(results.resolve(smoke(22))).doesNotExist();
        assertThat(results.resolve(smoke(23))).doesNotExist();
        assertThat(results.resolve(ReportFixtures.SMOKE)).doesNotExist();
        assertThat(RunCatalog.scan(results)).extracting(RunRecord::runId).containsExactly(smoke(26),
                ReportFixtures.NO_SUMMARY, ReportFixtures.BROKEN_JSON, ReportFixtures.STRESS, smoke(24));
        assertThat(results.resolve(RunFiles.FINDINGS)).isDirectory();
        assertThat(page(results, smoke(26))).as("the current run's baseline, the group's newest passing run, stays")
                .contains(link(smoke(24)));
        assertThat(page(results, smoke(24))).as("the baseline's own baseline is gone: named, not linked")
                .doesNotContain(link(smoke(23))).contains(smoke(23));
        assertThat(results.resolve(RunFiles.RESULTS_INDEX)).content()
                .contains(smoke(26), smoke(24)).doesNotContain(smoke(22), smoke(23), ReportFixtures.SMOKE);
    }

    @Test
    void regeneratingTheReportsPrunesAsARunsEndDoes() throws IOException {
        Path results = smokeRuns();
        Path pinned = Files.createFile(results.resolve(smoke(22)).resolve(RunFiles.PINNED));

        ResultsPages.regenerate(results, SETTINGS, new RunPruning.Rule(2, null));

        assertThat(RunCatalog.scan(results)).extracting(RunRecord::runId).containsExactly(smoke(26),
                ReportFixtures.NO_SUMMARY, ReportFixtures.BROKEN_JSON, ReportFixtures.STRESS, ReportFixtures.SMOKE,
                smoke(24), smoke(22));
        assertThat(pinned).exists();
        assertThat(page(results, smoke(24))).doesNotContain(link(smoke(23)));
        assertThat(results.resolve(RunFiles.RESULTS_INDEX)).content().doesNotContain(smoke(23));
    }

    /**
     * The report fixtures and four more smoke runs of the same simulation and embedded target: passing on the 22nd
     * to the 24th (each compared with the day before), the fixture's failing one on the 25th, a failing one on the
     * 26th compared with the 24th.
     */
    private Path smokeRuns() throws IOException {
        Path results = ReportFixtures.resultsIn(dir);
        String fixture = Files.readString(results.resolve(ReportFixtures.SMOKE).resolve(RunFiles.SUMMARY));
        for (int day = 22; day <= 24; day++) {
            write(results, day, fixture, "pass", smoke(day - 1));
        }
        write(results, 26, fixture, "fail", smoke(24));
        return results;
    }

    private static void write(Path results, int day, String fixture, String verdict, String baseline)
            throws IOException {
        String json = fixture.replace(ReportFixtures.SMOKE, smoke(day))
                .replace("\"startedAt\": \"2026-11-25T10:15:00Z\"", "\"startedAt\": \"2026-11-" + day + "T10:15:00Z\"")
                .replace("\"status\": \"complete\", \"verdict\": \"fail\"",
                        "\"status\": \"complete\", \"verdict\": \"" + verdict + "\"")
                .replace("\"baselineRunId\": \"" + smoke(24) + "\"", "\"baselineRunId\": \"" + baseline + "\"");
        Path run = Files.createDirectories(results.resolve(smoke(day)));
        Files.writeString(run.resolve(RunFiles.SUMMARY), json);
    }

    private static String smoke(int day) {
        return "202611" + day + "-101500-smoke";
    }

    private static String link(String runId) {
        return "href=\"../" + runId + "/report.html\"";
    }

    private static String page(Path results, String runId) throws IOException {
        return Files.readString(results.resolve(runId).resolve(RunFiles.REPORT_PAGE));
    }
}
