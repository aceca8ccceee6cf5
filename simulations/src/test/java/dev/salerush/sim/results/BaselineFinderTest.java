package dev.salerush.sim.results;

import dev.salerush.sim.config.RegressionSettings;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.regression.Baseline;
import dev.salerush.sim.regression.RegressionGate;
import dev.salerush.sim.regression.RegressionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineFinderTest {
    static final RegressionSettings TOLERANCES = new RegressionSettings(true, null, 15, 3, 1, 10);

    static String json(String runId, String profile, String status, String verdict, long p95, long listP95) {
        return """
                {"runId": "%s", "profile": "%s", "status": "%s", "verdict": "%s", "embedded": true,
                 "environment": {"dataset": {"fingerprint": "f1"}},
                 "global": {"count": 500, "p95Ms": %d, "koPercent": 0.0},
                 "requests": {"list products": {"count": 300, "p95Ms": %d}}}
                """.formatted(runId, profile, status, verdict, p95, listP95);
    }

    @Test
    void theBaselineIsTheNewestCompletePassingRunOfTheSameProfileTargetAndDataset(@TempDir Path results)
            throws IOException {
        write(results, "20261101-100000-load", json("20261101-100000-load", "load", "complete", "pass", 7, 6));
        write(results, "20261102-100000-load", json("20261102-100000-load", "load", "complete", "fail", 7, 6));
        write(results, "20261103-100000-load", json("20261103-100000-load", "load", "partial", "fail", 7, 6));
        write(results, "20261104-100000-smoke", json("20261104-100000-smoke", "smoke", "complete", "pass", 7, 6));
        write(results, "20261105-100000-load", "{ this is not json");
        Files.createDirectories(results.resolve("20261106-100000-load")); // killed before writing a summary
        write(results, "20261107-100000-load", "[1, 2, 3]");
        write(results, "20261108-100000-load", json("20261108-100000-load", "load", "complete", "pass", 7, 6));
        RunSummary current = summary(results.resolve("20261108-100000-load"));

        Baseline.Lookup lookup = BaselineFinder.lastPassing(results, current);

        assertThat(lookup.baseline().runId()).isEqualTo("20261101-100000-load");
        assertThat(lookup.baseline().source()).isEqualTo("last passing run");
        assertThat(lookup.baseline().figures().global().p95Ms()).isEqualTo(7);
    }

    @Test
    void withoutAnEarlierRunThereIsNoBaselineAndTheGateSaysSo(@TempDir Path results) throws IOException {
        RunSummary current = summary(write(results, "20261108-100000-load",
                json("20261108-100000-load", "load", "complete", "pass", 7, 6)).getParent());

        RegressionResult result = RegressionGate.judge(current.figures(),
                BaselineFinder.find(current, results.resolve("missing"), TOLERANCES), TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_BASELINE);
        assertThat(result.message())
                .startsWith("no baseline yet: no earlier complete, passing load run against the embedded target");
    }

    @Test
    void aPinnedBaselineWinsAndAMissingOneIsReportedAsMissing(@TempDir Path dir) throws IOException {
        Path pinned = write(dir, "pinned", json("20261001-000000-load", "load", "complete", "pass", 5, 5));
        RunSummary current = summary(write(dir, "current", json("c", "load", "complete", "pass", 50, 50)).getParent());

        RegressionResult result = RegressionGate.judge(current.figures(),
                BaselineFinder.find(current, dir, new RegressionSettings(true, pinned, 15, 3, 1, 10)), TOLERANCES);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.baselineRunId()).isEqualTo("20261001-000000-load");
        assertThat(result.baselineSource()).isEqualTo("pinned file " + pinned);

        Baseline.Lookup missing = BaselineFinder.find(current, dir,
                new RegressionSettings(true, dir.resolve("nope.json"), 15, 3, 1, 10));
        assertThat(missing.baseline()).isNull();
        assertThat(missing.missingReason()).contains("nope.json does not exist");
    }

    @Test
    void aDifferentDatasetOrTargetIsNoBaseline(@TempDir Path dir) throws IOException {
        String current = json("c", "load", "complete", "pass", 7, 6);
        RunSummary mine = summary(write(dir, "c", current).getParent());
        RunSummary same = summary(write(dir, "b", json("b", "load", "complete", "pass", 7, 6)).getParent());
        RunSummary otherDataset = summary(write(dir, "d", current.replace("\"f1\"", "\"f2\"")).getParent());
        RunSummary external = summary(write(dir, "e", current.replace("\"embedded\": true", "\"embedded\": false"))
                .getParent());

        assertThat(BaselineFinder.comparable(mine, same)).isTrue();
        assertThat(BaselineFinder.comparable(mine, otherDataset)).isFalse();
        assertThat(BaselineFinder.comparable(mine, external)).isFalse();
    }

    @Test
    void anotherSimulationIsNoBaselineAndAnOlderSummaryWithoutOneStillIs(@TempDir Path dir) throws IOException {
        String team = json("c", "load", "complete", "pass", 7, 6).replace("\"profile\"", "\"simulation\": \"com.team.Goods\", \"profile\"");
        RunSummary mine = summary(write(dir, "c", team).getParent());
        RunSummary sameTeam = summary(write(dir, "t", team.replace("\"c\"", "\"t\"")).getParent());
        RunSummary builtIn = summary(write(dir, "s", team.replace("com.team.Goods", "dev.salerush.sim.simulations.SaleSimulation"))
                .getParent());
        RunSummary unnamed = summary(write(dir, "u", json("u", "load", "complete", "pass", 7, 6)).getParent());

        assertThat(BaselineFinder.comparable(mine, sameTeam)).isTrue();
        assertThat(BaselineFinder.comparable(mine, builtIn)).isFalse();
        assertThat(BaselineFinder.comparable(mine, unnamed)).isTrue();
    }

    private static RunSummary summary(Path runDir) {
        return RunCatalog.read(runDir).summary();
    }

    private static Path write(Path results, String runId, String summary) throws IOException {
        Path dir = Files.createDirectories(results.resolve(runId));
        return Files.writeString(dir.resolve(RunFiles.SUMMARY), summary);
    }
}
