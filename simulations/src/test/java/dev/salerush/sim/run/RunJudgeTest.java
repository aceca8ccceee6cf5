package dev.salerush.sim.run;

import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StressAnalysis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How a finished run is judged, on recorded figures made up here (no Gatling, no target). */
class RunJudgeTest {
    private static final SuiteConfig SMOKE = TestConfigs.load("profile", "smoke");
    private static final SuiteConfig STRESS = TestConfigs.load("profile", "stress");

    /** The smoke profile's SLOs: p95 <= 15 ms and at most 1 % failed. */
    private static RecordedRun recorded(long p95Ms, long ko) {
        LatencyStats stats = new LatencyStats(1000, 1000 - ko, ko, ko / 10.0, 33.3, 1L, 5L, p95Ms - 1, p95Ms,
                p95Ms + 1, p95Ms + 2, p95Ms + 3, 6.0, 0);
        return new RecordedRun(0, 30_000, stats, Map.of("list products", stats));
    }

    private static RunJudge.Judgement judge(RecordedRun recorded, String failure) {
        return RunJudge.judge(SMOKE.profile(), SMOKE.plan(), recorded, null, null, failure);
    }

    @Test
    void aRunThatMeetsEverySloPasses() {
        RunJudge.Judgement judgement = judge(recorded(12, 0), null);

        assertThat(judgement.passed()).isTrue();
        assertThat(judgement.slos()).extracting(SloResult::name, SloResult::passed)
                .containsExactly(tuple("browsing p95", true),
                        tuple("failed requests", true));
    }

    @Test
    void oneBrokenSloFailsTheRun() {
        RunJudge.Judgement judgement = judge(recorded(16, 0), null);

        assertThat(judgement.passed()).isFalse();
        assertThat(judgement.slos()).filteredOn(slo -> !slo.passed()).extracting(SloResult::name, SloResult::actual)
                .containsExactly(tuple("browsing p95", 16.0));
    }

    @Test
    void aRunThatFailedForAnotherReasonFailsEvenWhenItsSlosHold() {
        RunJudge.Judgement judgement = judge(recorded(12, 0), "target down: GET /health has not answered 200 for 5 s");

        assertThat(judgement.slos()).allMatch(SloResult::passed);
        assertThat(judgement.passed()).isFalse();
    }

    @Test
    void aRunThatRecordedNothingFailsWithoutSloResults() {
        RunJudge.Judgement judgement = judge(null, "could not start the run");

        assertThat(judgement.passed()).isFalse();
        assertThat(judgement.slos()).isEmpty();
    }

    @Test
    void capacityPassesAtTheRequiredHeadroomAndFailsBelowIt() {
        double peak = STRESS.plan().peakRps();
        double headroom = STRESS.profile().stairs().headroom();
        double required = Math.round(peak * headroom * 10) / 10.0;

        SloResult enough = RunJudge.capacity(STRESS.profile(), STRESS.plan(), analysis(required + 1));
        SloResult short_ = RunJudge.capacity(STRESS.profile(), STRESS.plan(), analysis(required - 1));

        assertThat(enough.passed()).isTrue();
        assertThat(enough.threshold()).isEqualTo(required);
        assertThat(enough.name()).isEqualTo("capacity >= 1.5 x peak");
        assertThat(short_.passed()).isFalse();
        assertThat(short_.actual()).isEqualTo(required - 1);
    }

    @Test
    void noBreakingPointFailsTheCapacitySloWithTheAnalysisReason() {
        StressAnalysis.Result none = new StressAnalysis.Result(
                new BreakingPoint(null, null, "the first step already breached its SLOs"), null, false, List.of());

        SloResult capacity = RunJudge.capacity(STRESS.profile(), STRESS.plan(), none);

        assertThat(capacity.passed()).isFalse();
        assertThat(capacity.actual()).isNull();
        assertThat(capacity.note()).isEqualTo("the first step already breached its SLOs");
    }

    private static StressAnalysis.Result analysis(double breakingPointRps) {
        return new StressAnalysis.Result(new BreakingPoint(breakingPointRps, 3, "p95 breached"), null, false, List.of());
    }
}
