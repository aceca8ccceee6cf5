package dev.salerush.sim.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.config.RegressionSettings;
import dev.salerush.sim.metrics.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RegressionGateTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RegressionSettings TOLERANCES = new RegressionSettings(true, null, 15, 3, 1, 10);

    static JsonNode run(String runId, String profile, String status, String verdict, long p95, long listP95,
                        double koPercent) throws IOException {
        return JSON.readTree("""
                {"runId": "%s", "profile": "%s", "status": "%s", "verdict": "%s", "embedded": true,
                 "environment": {"dataset": {"fingerprint": "f1"}},
                 "global": {"count": 500, "p95Ms": %d, "koPercent": %s},
                 "requests": {"list products": {"count": 300, "p95Ms": %d},
                              "retry order": {"count": 4, "p95Ms": 900}}}
                """.formatted(runId, profile, status, verdict, p95, koPercent, listP95));
    }

    static JsonNode stress(String runId, Double breakingPoint) throws IOException {
        return JSON.readTree("""
                {"runId": "%s", "profile": "stress", "status": "complete", "verdict": "pass", "embedded": true,
                 "breakingPoint": {"rps": %s, "reason": "..."}}
                """.formatted(runId, breakingPoint));
    }

    @Test
    void aSlowerRunFailsNamingTheMetricBothValuesAndTheBaseline() throws IOException {
        Baseline baseline = new Baseline("20261101-000000-load", "last passing run", run("b", "load", "complete", "pass", 20, 10, 0));

        RegressionResult result = RegressionGate.compare(run("c", "load", "complete", "pass", 22, 30, 0), baseline, TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).isEqualTo("p95Ms of 'list products' rose from 10 to 30 (at most 13)"
                + " (baseline run 20261101-000000-load, last passing run)");
        // 20 -> 22 ms is within +15 % (23 ms); the rarely sent retry has too few responses to judge
        assertThat(result.checks()).extracting(RegressionResult.Check::request, RegressionResult.Check::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, true),
                        org.assertj.core.groups.Tuple.tuple("list products", false),
                        org.assertj.core.groups.Tuple.tuple(null, true));
    }

    @Test
    void smallAbsoluteRisesAreNoiseNotRegressions() throws IOException {
        Baseline baseline = new Baseline("b", "last passing run", run("b", "smoke", "complete", "pass", 7, 6, 0));

        // +43 % and +50 %, but only 3 ms each: within the floor
        RegressionResult result = RegressionGate.compare(run("c", "smoke", "complete", "pass", 10, 9, 0.5), baseline, TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.checks()).allMatch(RegressionResult.Check::passed).hasSize(3);
    }

    @Test
    void moreFailedRequestsThanThePointsAllowedFail() throws IOException {
        Baseline baseline = new Baseline("b", "last passing run", run("b", "load", "complete", "pass", 7, 6, 0.2));

        RegressionResult result = RegressionGate.compare(run("c", "load", "complete", "pass", 7, 6, 1.5), baseline, TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).startsWith("koPercent rose from 0.20 to 1.50 (at most 1.20)");
    }

    @Test
    void aStressRunIsJudgedOnItsBreakingPoint() throws IOException {
        Baseline baseline = new Baseline("b", "last passing run", stress("b", 1000.0));

        assertThat(RegressionGate.compare(stress("c", 905.0), baseline, TOLERANCES).verdict()).isEqualTo(Verdict.PASS);
        RegressionResult dropped = RegressionGate.compare(stress("c", 800.0), baseline, TOLERANCES);
        assertThat(dropped.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(dropped.message()).startsWith("breakingPointRps fell from 1000 to 800 (at least 900)");
        // not even the first step held: capacity 0
        assertThat(RegressionGate.compare(stress("c", null), baseline, TOLERANCES).checks().get(0).actual()).isZero();
    }

    @Test
    void theBaselineIsTheNewestCompletePassingRunOfTheSameProfileTargetAndDataset(@TempDir Path results) throws IOException {
        write(results, "20261101-100000-load", run("20261101-100000-load", "load", "complete", "pass", 7, 6, 0).toString());
        write(results, "20261102-100000-load", run("20261102-100000-load", "load", "complete", "fail", 7, 6, 0).toString());
        write(results, "20261103-100000-load", run("20261103-100000-load", "load", "partial", "fail", 7, 6, 0).toString());
        write(results, "20261104-100000-smoke", run("20261104-100000-smoke", "smoke", "complete", "pass", 7, 6, 0).toString());
        write(results, "20261105-100000-load", "{ this is not json");
        Files.createDirectories(results.resolve("20261106-100000-load")); // killed before writing a summary
        write(results, "20261107-100000-load", "[1, 2, 3]");
        JsonNode current = run("20261108-100000-load", "load", "complete", "pass", 7, 6, 0);
        write(results, "20261108-100000-load", current.toString());

        BaselineFinder.Lookup lookup = BaselineFinder.lastPassing(results, current);

        assertThat(lookup.baseline().runId()).isEqualTo("20261101-100000-load");
        assertThat(lookup.baseline().source()).isEqualTo("last passing run");
    }

    @Test
    void noBaselineIsAnAnswerNotAFailure(@TempDir Path results) throws IOException {
        JsonNode current = run("20261108-100000-load", "load", "complete", "pass", 7, 6, 0);

        RegressionResult result = RegressionGate.judge(current, results.resolve("missing"), TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_BASELINE);
        assertThat(result.failed()).isFalse();
        assertThat(result.message()).startsWith("no baseline yet: no earlier complete, passing load run against the embedded target");
    }

    @Test
    void aPinnedBaselineWinsAndAMissingOneIsReportedAsMissing(@TempDir Path dir) throws IOException {
        Path pinned = write(dir, "pinned", run("20261001-000000-load", "load", "complete", "pass", 5, 5, 0).toString());
        JsonNode current = run("c", "load", "complete", "pass", 50, 50, 0);

        RegressionResult result = RegressionGate.judge(current, dir,
                new RegressionSettings(true, pinned, 15, 3, 1, 10));
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.baselineRunId()).isEqualTo("20261001-000000-load");
        assertThat(result.baselineSource()).isEqualTo("pinned file " + pinned);

        RegressionResult missing = RegressionGate.judge(current, dir,
                new RegressionSettings(true, dir.resolve("nope.json"), 15, 3, 1, 10));
        assertThat(missing.verdict()).isEqualTo(Verdict.NO_BASELINE);
        assertThat(missing.message()).contains("nope.json does not exist");
    }

    @Test
    void aDifferentDatasetOrTargetIsNoBaseline() throws IOException {
        JsonNode current = run("c", "load", "complete", "pass", 7, 6, 0);
        JsonNode otherDataset = JSON.readTree(current.toString().replace("\"f1\"", "\"f2\""));
        JsonNode external = JSON.readTree(current.toString().replace("\"embedded\":true", "\"embedded\":false"));

        assertThat(BaselineFinder.comparable(current, run("b", "load", "complete", "pass", 7, 6, 0))).isTrue();
        assertThat(BaselineFinder.comparable(current, otherDataset)).isFalse();
        assertThat(BaselineFinder.comparable(current, external)).isFalse();
    }

    private static Path write(Path results, String runId, String summary) throws IOException {
        Path dir = Files.createDirectories(results.resolve(runId));
        return Files.writeString(dir.resolve("summary.json"), summary);
    }
}
