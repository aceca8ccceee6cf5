package dev.salerush.sim.results;

import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunPruningTest {
    static final String SALE = "dev.salerush.sim.simulations.SaleSimulation";
    static final String EMBEDDED = null;

    @TempDir
    Path results;

    @Test
    void theNNewestOfAGroupAreKeptAndTheOlderOnesPrunedOldestFirst() throws IOException {
        for (int day = 1; day <= 5; day++) {
            run(day, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");
        }

        List<RunPruning.Pruned> pruned = decide(2, null);

        assertThat(ids(pruned)).containsExactly(id(1, "smoke"), id(2, "smoke"), id(3, "smoke"));
        assertThat(pruned).extracting(RunPruning.Pruned::newerKept).containsOnly(2);
        assertThat(pruned.get(0).group()).isEqualTo(new RunPruning.Group(SALE, "smoke", "the embedded target", null));
        assertThat(pruned.get(0).group()).hasToString(SALE + ", smoke, the embedded target");
    }

    @Test
    void simulationProfileAndTargetEachMakeAGroupOfTheirOwn() throws IOException {
        run(1, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");
        run(2, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");
        run(3, "smoke", "com.team.Goods", EMBEDDED, "complete", "fail", "f1");
        run(4, "smoke", SALE, "http://127.0.0.1:8080", "complete", "fail", "f1");
        run(5, "smoke", SALE, "http://127.0.0.1:9090", "complete", "fail", "f1");
        run(6, "load", SALE, EMBEDDED, "complete", "fail", "f1");
        run(7, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");

        assertThat(ids(decide(1, null))).containsExactly(id(1, "smoke"), id(2, "smoke"));
        assertThat(ids(decide(2, null))).containsExactly(id(1, "smoke"));
    }

    @Test
    void eachDrillIsAGroupOfItsOwnAndAComparisonsRunsAreLeftToItsPage() throws IOException {
        runJson(1, "drill", drillRun(1, "drill", "db-failover"));
        runJson(2, "drill", drillRun(2, "drill", "bad-deploy"));
        runJson(3, "drill", drillRun(3, "drill", "db-failover"));
        runJson(4, "compare", drillRun(4, "compare", "db-failover"));
        runJson(5, "compare", drillRun(5, "compare", "db-failover"));

        List<RunPruning.Pruned> pruned = decide(1, null);

        assertThat(ids(pruned)).containsExactly(id(1, "drill"));
        assertThat(pruned.get(0).group()).hasToString(SALE + ", drill (db-failover), the embedded target");
    }

    private static String drillRun(int day, String profile, String drill) {
        return json(id(day, profile), profile, SALE, "complete", "fail", "f1")
                .replace("\"embedded\": true", "\"embedded\": true, \"drills\": [{\"name\": \"" + drill + "\"}]");
    }

    @Test
    void theEmbeddedTargetIsOneTargetWhateverItsPort() throws IOException {
        for (int day = 1; day <= 2; day++) {
            String target = "\"target\": {\"baseUrl\": \"http://127.0.0.1:4100" + day + "\"}";
            runJson(day, "smoke", json(id(day, "smoke"), "smoke", SALE, "complete", "fail", "f1")
                    .replace("\"embedded\": true", "\"embedded\": true, " + target));
        }

        assertThat(ids(decide(1, null))).containsExactly(id(1, "smoke"));
    }

    @Test
    void theGroupsNextBaselineIsKeptThoughOlderThanTheNNewestOnePerDataset() throws IOException {
        run(1, "load", SALE, EMBEDDED, "complete", "pass", "f2");  // the baseline of a run on dataset f2
        run(2, "load", SALE, EMBEDDED, "complete", "pass", "f1");  // an older pass on f1: no baseline any more
        run(3, "load", SALE, EMBEDDED, "complete", "pass", "f1");  // the baseline of the next run on f1
        run(4, "load", SALE, EMBEDDED, "partial", "fail", "f1");
        run(5, "load", SALE, EMBEDDED, "complete", "fail", "f1");
        run(6, "load", SALE, EMBEDDED, "complete", "fail", "f1");

        List<RunPruning.Pruned> pruned = decide(2, null);

        assertThat(ids(pruned)).containsExactly(id(2, "load"), id(4, "load"));
        assertThat(pruned).extracting(RunPruning.Pruned::newerKept).containsExactly(3, 2);
    }

    @Test
    void theBaselineIsTheOneTheRegressionGateWouldTake() throws IOException {
        run(1, "load", SALE, EMBEDDED, "complete", "pass", "f1");
        run(2, "load", SALE, EMBEDDED, "complete", "pass", "f1");
        run(3, "load", SALE, EMBEDDED, "complete", "fail", "f1");
        RunSummary next = RunCatalog.read(run(4, "load", SALE, EMBEDDED, "complete", "fail", "f1")).summary();

        List<RunPruning.Pruned> pruned = decide(1, null);

        String baseline = BaselineFinder.lastPassing(results, next).baseline().runId();
        assertThat(baseline).isEqualTo(id(2, "load"));
        assertThat(ids(pruned)).containsExactly(id(1, "load"), id(3, "load")).doesNotContain(baseline);
    }

    @Test
    void theRunRegressionBaselineNamesIsKeptByItsSummaryOrItsFolder() throws IOException {
        for (int day = 1; day <= 4; day++) {
            run(day, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");
        }
        Path pinnedFolder = results.resolve(id(1, "smoke"));

        assertThat(ids(decide(1, pinnedFolder.resolve(RunFiles.SUMMARY))))
                .containsExactly(id(2, "smoke"), id(3, "smoke"));
        assertThat(ids(decide(1, pinnedFolder))).containsExactly(id(2, "smoke"), id(3, "smoke"));
        assertThat(ids(decide(1, results.resolve("..").resolve(results.getFileName()).resolve(id(2, "smoke")))))
                .as("the same folder written another way").containsExactly(id(1, "smoke"), id(3, "smoke"));
        assertThat(ids(decide(1, results.resolve("elsewhere.json"))))
                .containsExactly(id(1, "smoke"), id(2, "smoke"), id(3, "smoke"));
    }

    @Test
    void aRunPinnedByHandIsKept() throws IOException {
        for (int day = 1; day <= 3; day++) {
            run(day, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");
        }
        Files.createFile(results.resolve(id(1, "smoke")).resolve(RunFiles.PINNED));

        assertThat(ids(decide(1, null))).containsExactly(id(2, "smoke"));
    }

    @Test
    void keepZeroDeletesNothing() throws IOException {
        for (int day = 1; day <= 3; day++) {
            run(day, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");
        }

        assertThat(decide(0, null)).isEmpty();
        assertThat(RunPruning.Rule.KEEP_EVERY_RUN.keep()).isZero();
        assertThatThrownBy(() -> new RunPruning.Rule(-1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRunBeingWrittenIsNeverPruned() throws IOException {
        for (int day = 1; day <= 3; day++) {
            run(day, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");
        }

        assertThat(ids(RunPruning.decide(RunCatalog.scan(results), new RunPruning.Rule(1, null), id(1, "smoke"))))
                .containsExactly(id(2, "smoke"));
    }

    @Test
    void foldersWithoutAReadableSummaryAndTheSuitesOwnFoldersAreNoRunsToPrune() throws IOException {
        for (int day = 1; day <= 3; day++) {
            run(day, "smoke", SALE, EMBEDDED, "complete", "fail", "f1");
        }
        Files.createDirectories(results.resolve("20261101-000000-smoke"));  // killed before its summary
        runJson(0, "smoke", "{ not json");
        for (String own : RunFiles.NOT_RUNS) {
            Files.writeString(Files.createDirectories(results.resolve(own)).resolve(RunFiles.SUMMARY),
                    json(own, "smoke", SALE, "complete", "fail", "f1"));
        }

        assertThat(ids(decide(1, null))).containsExactly(id(1, "smoke"), id(2, "smoke"));
    }

    @Test
    void theConfigurationGivesTheRuleKeepingEveryRunByDefault() {
        SuiteConfig defaults = TestConfigs.load();
        SuiteConfig kept = TestConfigs.load("results.keep", "7", "regression.baseline", "perf/baseline.json");

        assertThat(RunPruning.Rule.of(defaults)).isEqualTo(RunPruning.Rule.KEEP_EVERY_RUN);
        assertThat(RunPruning.Rule.of(kept)).isEqualTo(new RunPruning.Rule(7,
                TestConfigs.PROJECT_ROOT.resolve("perf/baseline.json")));
    }

    private List<RunPruning.Pruned> decide(int keep, Path pinnedBaseline) {
        return RunPruning.decide(RunCatalog.scan(results), new RunPruning.Rule(keep, pinnedBaseline), null);
    }

    static List<String> ids(List<RunPruning.Pruned> pruned) {
        return pruned.stream().map(one -> one.run().runId()).toList();
    }

    static String id(int day, String profile) {
        return "202611%02d-100000-%s".formatted(day, profile);
    }

    /** A run folder of day {@code day}; {@code baseUrl} null: against the embedded target. */
    private Path run(int day, String profile, String simulation, String baseUrl, String status, String verdict,
                     String dataset) throws IOException {
        String json = json(id(day, profile), profile, simulation, status, verdict, dataset);
        return runJson(day, profile, baseUrl == null ? json : json.replace("\"embedded\": true",
                "\"embedded\": false, \"target\": {\"baseUrl\": \"" + baseUrl + "\"}"));
    }

    private Path runJson(int day, String profile, String summary) throws IOException {
        Path dir = Files.createDirectories(results.resolve(id(day, profile)));
        Files.writeString(dir.resolve(RunFiles.SUMMARY), summary);
        return dir;
    }

    static String json(String runId, String profile, String simulation, String status, String verdict,
                       String dataset) {
        return """
                {"runId": "%s", "simulation": "%s", "profile": "%s", "startedAt": "%s", "status": "%s",
                 "verdict": "%s", "embedded": true, "environment": {"dataset": {"fingerprint": "%s"}},
                 "global": {"count": 500, "p95Ms": 7, "koPercent": 0.0}}
                """.formatted(runId, simulation, profile, startedAt(runId), status, verdict, dataset);
    }

    private static String startedAt(String runId) {
        return runId.matches("\\d{8}-\\d{6}-.*")
                ? "%s-%s-%sT10:00:00Z".formatted(runId.substring(0, 4), runId.substring(4, 6), runId.substring(6, 8))
                : "2026-11-01T00:00:00Z";
    }
}
