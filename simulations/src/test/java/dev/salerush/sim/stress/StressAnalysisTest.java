package dev.salerush.sim.stress;

import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.server.ServerAggregate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StressAnalysisTest {
    static final int CORES = 2;
    static final double STALL_BOUND_MS = 50;

    static StepResult step(int index, double offered, double achieved, long p95, boolean metSlo) {
        List<SloResult> slo = List.of(new SloResult("p95", "p95Ms", null, 35, (double) p95, metSlo, null));
        return new StepResult(index, offered, offered, achieved, 1L, p95, p95 * 2, 0, 30, metSlo, slo, 0.5, null, null, null, null);
    }

    @Test
    void breakingPointIsTheHighestStepThatHeldLikeEveryStepBelowIt() {
        List<StepResult> steps = List.of(step(0, 100, 100, 5, true), step(1, 150, 149, 6, true),
                step(2, 200, 198, 9, true), step(3, 250, 205, 80, false));

        BreakingPoint point = StressAnalysis.analyse(steps, CORES, STALL_BOUND_MS, "stopped in step 3").breakingPoint();

        assertThat(point.rps()).isEqualTo(198);
        assertThat(point.step()).isEqualTo(2);
        assertThat(point.bracket()).containsExactly(200.0, 250.0);
        assertThat(point.reason()).contains("step 2 (200.0 rps offered, 198.0 achieved, p95 9 ms")
                .contains("the lowest that failed: step 3 at 250.0 rps offered: p95 80 > 35, achieved 205.0 of 250.0 rps sent (82 %)")
                .contains("stopped in step 3");
    }

    @Test
    void aStepBelowNinetyFivePercentAchievedDoesNotHoldEvenWithinItsSlo() {
        List<StepResult> steps = List.of(step(0, 100, 100, 5, true), step(1, 150, 140, 6, true));

        assertThat(StressAnalysis.analyse(steps, CORES, STALL_BOUND_MS, null).breakingPoint().rps()).isEqualTo(100);
    }

    @Test
    void aStepThatPassesAfterAFailedOneDoesNotCount() {
        List<StepResult> steps = List.of(step(0, 100, 100, 5, true), step(1, 150, 150, 50, false),
                step(2, 200, 200, 8, true));

        assertThat(StressAnalysis.analyse(steps, CORES, STALL_BOUND_MS, null).breakingPoint().rps()).isEqualTo(100);
    }

    @Test
    void noBreakingPointWhenTheFirstStepFails() {
        BreakingPoint point = StressAnalysis.analyse(List.of(step(0, 100, 60, 90, false)), CORES, STALL_BOUND_MS, null).breakingPoint();

        assertThat(point.rps()).isNull();
        assertThat(point.reason()).startsWith("already the first step failed");
    }

    @Test
    void aStaircaseWithNoFailingRateHasNoBracketAndSaysWhyItEnded() {
        BreakingPoint point = StressAnalysis.analyse(List.of(step(0, 100, 100, 5, true)), CORES, STALL_BOUND_MS,
                "the staircase reached the climb's rate bound").breakingPoint();

        assertThat(point.rps()).isEqualTo(100);
        assertThat(point.bracket()).isNull();
        assertThat(point.reason()).contains("no rate failed").contains("rate bound").doesNotContain("may hold more");
    }

    static StepResult probe(int number, double offered, double achieved, long p95, boolean metSlo) {
        StepResult step = step(10 + number, offered, achieved, p95, metSlo);
        return new StepResult(step.step(), offered, offered, achieved, 1L, p95, p95 * 2, 0, 10, metSlo, step.slo(),
                0.5, null, number, null, null);
    }

    @Test
    void aProbeThatHeldAboveTheLastStepIsTheRefinedBreakingPoint() {
        List<StepResult> measured = List.of(step(0, 100, 100, 5, true), step(1, 200, 199, 9, true),
                step(2, 300, 240, 90, false),
                probe(1, 250, 248, 20, true), probe(2, 275, 250, 60, false), probe(3, 262.5, 260, 30, true));

        BreakingPoint point = StressAnalysis.analyse(measured, CORES, STALL_BOUND_MS, null).breakingPoint();

        assertThat(point.rps()).isEqualTo(260);
        assertThat(point.bracket()).containsExactly(262.5, 275.0);
        assertThat(point.reason()).startsWith("probe 3 (262.5 rps offered, 260.0 achieved")
                .contains("the lowest that failed: probe 2 at 275.0 rps offered");
    }

    @Test
    void probesThatAllFailedLeaveTheLastStepAsBreakingPointWithANarrowerBracket() {
        List<StepResult> measured = List.of(step(0, 100, 100, 5, true), step(1, 200, 150, 90, false),
                probe(1, 150, 140, 70, false), probe(2, 125, 110, 50, false));

        BreakingPoint point = StressAnalysis.analyse(measured, CORES, STALL_BOUND_MS, null).breakingPoint();

        assertThat(point.rps()).isEqualTo(100);
        assertThat(point.bracket()).containsExactly(100.0, 125.0);
    }

    @Test
    void kneeIsWhereThroughputStopsRisingOrLatencyTurnsUp() {
        List<StepResult> flat = List.of(step(0, 100, 100, 5, true), step(1, 150, 149, 6, true),
                step(2, 200, 160, 7, true));
        List<StepResult> slower = List.of(step(0, 100, 100, 5, true), step(1, 150, 150, 6, true),
                step(2, 200, 200, 13, true));

        assertThat(StressAnalysis.knee(flat).rps()).isEqualTo(149);
        assertThat(StressAnalysis.knee(flat).reason()).contains("achieved throughput rose 11.0 rps for 50.0 rps more offered");
        assertThat(StressAnalysis.knee(slower).rps()).isEqualTo(150);
        assertThat(StressAnalysis.knee(slower).reason()).contains("p95 went from 6 to 13 ms");
        assertThat(StressAnalysis.knee(List.of(step(0, 100, 100, 5, true))).rps()).isNull();
    }

    @Test
    void aSaturatedInjectorThatCouldNotSendTheOfferedRateMeansNoBreakingPoint() {
        StepResult starved = new StepResult(0, 1000, 700, 700, 1L, 5L, 9L, 0, 30, true, List.of(), 1.9, null, null, null, null);

        StressAnalysis.Result result = StressAnalysis.analyse(List.of(starved), CORES, STALL_BOUND_MS, null);

        assertThat(result.injectorBound()).isTrue();
        assertThat(result.breakingPoint().rps()).isNull();
        assertThat(result.evidence()).singleElement().asString()
                .contains("the injector sent 700.0 of 1000.0 offered rps while using 1.90 of 2 cores");
    }

    @Test
    void aSlowTargetWithABusyInjectorIsTheTargetsLimitWhenTheTargetIsBusyToo() {
        ServerAggregate busyTarget = new ServerAggregate(30, 0.9, 1.0, null, null, null, Map.of(), Map.of("browse", 12.0),
                List.of("closed"), null, null);
        StepResult step = new StepResult(0, 1000, 990, 600, 1L, 90L, 120L, 0, 30, false, List.of(), 1.8, busyTarget, null, null, null);

        assertThat(StressAnalysis.analyse(List.of(step), CORES, STALL_BOUND_MS, null).injectorBound()).isFalse();
    }

    @Test
    void anInjectorThatStalledBeyondItsBoundWhileBehindItsRateMeansNoBreakingPoint() {
        // the injector's CPU looks moderate (GC pauses, a core taken by another process), but for 1 % of the step it
        // woke more than 80 ms late
        StepResult stalled = new StepResult(0, 1000, 800, 800, 1L, 5L, 9L, 0, 30, true, List.of(), 0.7, null, null,
                80.0, 180.0);
        StepResult stalledButOnRate = new StepResult(1, 1000, 990, 990, 1L, 5L, 9L, 0, 30, true, List.of(), 0.7, null,
                null, 80.0, 180.0);
        StepResult oneHiccup = new StepResult(2, 1000, 940, 940, 1L, 5L, 9L, 0, 30, true, List.of(), 0.4, null, null,
                15.0, 86.0);

        StressAnalysis.Result result = StressAnalysis.analyse(List.of(stalled), CORES, STALL_BOUND_MS, null);

        assertThat(result.injectorBound()).isTrue();
        assertThat(result.evidence()).singleElement().asString()
                .contains("step 0: the injector sent 800.0 of 1000.0 offered rps while it stalled, p99 80 ms"
                        + " (max 180 ms; bound 50 ms)");
        assertThat(StressAnalysis.analyse(List.of(stalledButOnRate), CORES, STALL_BOUND_MS, null).injectorBound())
                .as("a stall alone, with the rate kept, is no evidence").isFalse();
        assertThat(StressAnalysis.analyse(List.of(stalled), CORES, 200, null).injectorBound())
                .as("stalls within the bound are no evidence").isFalse();
        // seen on the embedded demo shop's step 9: 94 % sent, one 86 ms hiccup, p99 15 ms
        assertThat(StressAnalysis.analyse(List.of(oneHiccup), CORES, STALL_BOUND_MS, null).injectorBound())
                .as("one hiccup beyond the bound is no evidence").isFalse();
    }
}
