package dev.salerush.sim.regression;

import dev.salerush.sim.config.RegressionSettings;
import dev.salerush.sim.metrics.Verdict;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RegressionGateTest {
    static final RegressionSettings TOLERANCES = new RegressionSettings(true, null, 15, 3, 1, 10);

    /** A run of 500 requests: 300 'list products' and 4 rarely sent retries (too few to judge). */
    static RunFigures run(long p95, long listP95, double koPercent) {
        Map<String, RunFigures.RequestFigures> requests = new LinkedHashMap<>();
        requests.put("list products", new RunFigures.RequestFigures(300, listP95, 0));
        requests.put("retry order", new RunFigures.RequestFigures(4, 900L, 0));
        return new RunFigures(false, null, new RunFigures.RequestFigures(500, p95, koPercent), requests);
    }

    static RunFigures stress(Double breakingPoint) {
        return new RunFigures(true, breakingPoint, null, Map.of());
    }

    static Baseline baseline(String runId, RunFigures figures) {
        return new Baseline(runId, "last passing run", figures);
    }

    @Test
    void aSlowerRunFailsNamingTheMetricBothValuesAndTheBaseline() {
        RegressionResult result = RegressionGate.compare(run(22, 30, 0), baseline("20261101-000000-load", run(20, 10, 0)),
                TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).isEqualTo("p95Ms of 'list products' rose from 10 to 30 (at most 13)"
                + " (baseline run 20261101-000000-load, last passing run)");
        // 20 -> 22 ms is within +15 % (23 ms); the rarely sent retry has too few responses to judge
        assertThat(result.checks()).extracting(RegressionResult.Check::request, RegressionResult.Check::passed)
                .containsExactly(tuple(null, true), tuple("list products", false), tuple(null, true));
    }

    @Test
    void smallAbsoluteRisesAreNoiseNotRegressions() {
        // +43 % and +50 %, but only 3 ms each: within the floor
        RegressionResult result = RegressionGate.compare(run(10, 9, 0.5), baseline("b", run(7, 6, 0)), TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.checks()).allMatch(RegressionResult.Check::passed).hasSize(3);
    }

    @Test
    void moreFailedRequestsThanThePointsAllowedFail() {
        RegressionResult result = RegressionGate.compare(run(7, 6, 1.5), baseline("b", run(7, 6, 0.2)), TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).startsWith("koPercent rose from 0.20 to 1.50 (at most 1.20)");
    }

    @Test
    void aStressRunIsJudgedOnItsBreakingPoint() {
        Baseline baseline = baseline("b", stress(1000.0));

        assertThat(RegressionGate.compare(stress(905.0), baseline, TOLERANCES).verdict()).isEqualTo(Verdict.PASS);
        RegressionResult dropped = RegressionGate.compare(stress(800.0), baseline, TOLERANCES);
        assertThat(dropped.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(dropped.message()).startsWith("breakingPointRps fell from 1000 to 800 (at least 900)");
        // not even the first step held: capacity 0
        assertThat(RegressionGate.compare(stress(null), baseline, TOLERANCES).checks().get(0).actual()).isZero();
    }

    @Test
    void aBaselineWithoutBreakingPointHasNothingToCompare() {
        assertThat(RegressionGate.compare(stress(800.0), baseline("b", stress(null)), TOLERANCES).checks()).isEmpty();
    }

    @Test
    void noBaselineIsAnAnswerNotAFailure() {
        RegressionResult result = RegressionGate.judge(run(7, 6, 0),
                Baseline.Lookup.missing("no baseline yet: no earlier run"), TOLERANCES);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_BASELINE);
        assertThat(result.failed()).isFalse();
        assertThat(result.message()).isEqualTo("no baseline yet: no earlier run");
    }
}
