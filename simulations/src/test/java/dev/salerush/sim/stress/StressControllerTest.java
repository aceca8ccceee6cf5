package dev.salerush.sim.stress;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.config.SloMetric;
import dev.salerush.sim.config.Stairs;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.StallDetector;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staircase against a simulated target of known capacity, one synthetic second at a time: every second it serves
 * what the staircase offers, fast up to its capacity and slow beyond it. No Gatling, no clock: the test feeds the
 * intervals the recorder would.
 */
class StressControllerTest {
    static final List<Slo> SLOS = List.of(new Slo("p95", SloMetric.P95_MS, 35, null));
    static final long START = 1_000_000;

    /** Seconds until the controller stops (bounded), feeding a target that holds up to {@code capacity} rps. */
    static int runAgainst(StressController controller, double capacity) {
        int second = 0;
        while (!controller.shouldStop() && second < 600) {
            long from = START + second * 1000L;
            double offered = controller.offeredAt(from);
            controller.onInterval(from, from + 1000, Map.of("req", second(offered, offered <= capacity ? 5 : 100)));
            second++;
        }
        return second;
    }

    static ExactRecorder.Interval second(double rps, long latencyMs) {
        Histogram latencies = new Histogram(3);
        long count = Math.round(rps);
        latencies.recordValueWithCount(latencyMs, Math.max(1, count));
        return new ExactRecorder.Interval(latencies, count, 0, count);
    }

    static StressController controller(Stairs.Climb climb, Stairs.Refine refine) {
        return new StressController(StressPlan.of(StressPlanTest.stairs(climb, refine), 50, 1), SLOS, START, 2, 50);
    }

    @Test
    void theInjectorsStallsGoToTheirStepAndAStalledStepBehindItsRateEndsTheStaircase() {
        StressController controller = controller(null, null);
        for (int second = 0; second < 25 && !controller.shouldStop(); second++) {
            long from = START + second * 1000L;
            double offered = controller.offeredAt(from);
            Histogram stalls = StallDetector.newHistogram();
            // on time every millisecond, except one 20 ms pause in step 0 and a 150 ms one every second of step 1
            stalls.recordValueWithCount(50, 1000);
            if (second == 3 || second >= 10) {
                stalls.recordValueWithExpectedInterval(second == 3 ? 20_000 : 150_000, 1_000);
            }
            controller.onStalls(from, from + 1000, stalls);
            // step 1 (200 rps) sends only 170 a second: the injector fell behind
            double sent = offered > 150 ? 170 : offered;
            controller.onInterval(from, from + 1000, Map.of("req", second(sent, 5)));
        }

        List<StepResult> steps = controller.results(null);
        // the detector's histograms keep 2 significant digits: within 1 %
        assertThat(steps.get(0).stallMaxMs()).isCloseTo(20.0, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(steps.get(1).stallMaxMs()).isCloseTo(150.0, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(steps.get(1).stallP99Ms()).isGreaterThan(50.0);
        assertThat(controller.ending()).isEqualTo(StressController.Ending.INJECTOR);
        assertThat(controller.stopReason()).contains("step 1: the injector sent 170.0 of 200.0 offered rps while it"
                + " stalled, p99 1");
    }

    @Test
    void everyStepRecordsItsWindowAndCountsSoShardsCanBeMergedExactly() {
        StressController controller = controller(null, null);
        runAgainst(controller, 1_000_000);

        List<StepResult> steps = controller.results(null);
        assertThat(steps).hasSizeGreaterThan(1);
        for (StepResult step : steps) {
            StepResult.Counts counts = step.counts().get("req");
            assertThat(step.toMillis() - step.fromMillis()).isEqualTo(Math.round(step.seconds() * 1000));
            assertThat(counts.sent() / step.seconds()).isCloseTo(step.sentRps(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(counts.ok() / step.seconds()).isCloseTo(step.achievedRps(), org.assertj.core.data.Offset.offset(0.01));
        }
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).fromMillis()).as("steps are contiguous").isEqualTo(steps.get(i - 1).toMillis());
        }
    }

    @Test
    void aBreachWithoutRefinementStopsAtTheBreachingStep() {
        StressController controller = controller(null, null);

        int seconds = runAgainst(controller, 250);

        // steps 100 and 200 hold; 300 breaches for 3 s
        assertThat(seconds).isEqualTo(23);
        assertThat(controller.ending()).isEqualTo(StressController.Ending.BREACH);
        assertThat(controller.bracket()).isNull();
        BreakingPoint point = StressAnalysis.breakingPoint(controller.results(null), controller.stopReason());
        assertThat(point.rps()).isEqualTo(200);
        assertThat(point.bracket()).containsExactly(200.0, 300.0);
    }

    @Test
    void probesNarrowTheBracketAroundTheCapacity() {
        StressController controller = controller(null, new Stairs.Refine(6, Duration.ofSeconds(6),
                Duration.ofSeconds(2), 0.02));

        runAgainst(controller, 263);

        assertThat(controller.ending()).isEqualTo(StressController.Ending.BREACH);
        double[] bracket = controller.bracket();
        assertThat(bracket[0]).isLessThanOrEqualTo(263);
        assertThat(bracket[1]).isGreaterThan(263);
        assertThat(bracket[1] - bracket[0]).isLessThanOrEqualTo(0.02 * bracket[0]);
        List<StepResult> results = controller.results(null);
        assertThat(results).filteredOn(StepResult::isProbe).extracting(StepResult::offeredRps)
                .startsWith(250.0, 275.0, 262.5);
        BreakingPoint point = StressAnalysis.breakingPoint(results, controller.stopReason());
        assertThat(point.rps()).isCloseTo(263, org.assertj.core.data.Offset.offset(0.02 * 263));
        assertThat(controller.stopReason()).contains("probe(s) refined the breaking point");
    }

    @Test
    void aProbeIsJudgedOnlyAfterItsSettleTime() {
        StressController controller = controller(null, new Stairs.Refine(1, Duration.ofSeconds(6),
                Duration.ofSeconds(2), 0.02));

        runAgainst(controller, 260);

        StepResult probe = controller.results(null).stream().filter(StepResult::isProbe).findFirst().orElseThrow();
        assertThat(probe.seconds()).isEqualTo(4);
    }

    @Test
    void aTargetThatHoldsEveryStepEndsAtThePlansBoundAndSaysSo() {
        StressController controller = controller(new Stairs.Climb(1.5, 700, Duration.ofHours(1)), null);

        runAgainst(controller, 10_000);

        assertThat(controller.ending()).isEqualTo(StressController.Ending.BOUND);
        assertThat(controller.stopReason()).contains("maxRps = 700").contains("SLOs still met");
        assertThat(controller.results(null)).hasSize(5);
    }

    @Test
    void beforeAProbeNoOneIsAdmittedUntilTheRequestsInFlightHaveBeenAnswered() {
        StressController controller = controller(null, new Stairs.Refine(3, Duration.ofSeconds(6),
                Duration.ofSeconds(2), 0.02));
        long second = 0;
        // steps 100 and 200 answered in full; step 2 (300 rps) leaves 100 requests a second unanswered
        for (; !controller.shouldStop() && second < 23; second++) {
            long from = START + second * 1000;
            double offered = controller.offeredAt(from);
            long answered = Math.min(Math.round(offered), 200);
            Histogram slow = new Histogram(3);
            slow.recordValueWithCount(offered <= 200 ? 5 : 100, answered);
            controller.onInterval(from, from + 1000, Map.of("req", new ExactRecorder.Interval(slow, answered, 0,
                    Math.round(offered))));
        }
        assertThat(controller.admit()).as("draining after the breach").isFalse();

        // the queue (300 requests) is answered while nothing new is sent
        long from = START + second * 1000;
        controller.onInterval(from, from + 1000, Map.of("req", second(0, 5)));
        assertThat(controller.admit()).as("still 300 in flight").isFalse();
        Histogram drained = new Histogram(3);
        drained.recordValueWithCount(100, 300);
        controller.onInterval(from + 1000, from + 2000, Map.of("req", new ExactRecorder.Interval(drained, 300, 0, 0)));

        assertThat(controller.offeredAt(from + 2000)).as("the first probe").isEqualTo(250);
    }

    @Test
    void duringAProbeUsersAreLetThroughInTheProbesShareOfTheInjectedRate() {
        // "now" is 25 s into the staircase: the plan injects step 2's 300 users/s
        long loadStart = System.currentTimeMillis() - 25_000;
        StressController controller = new StressController(StressPlan.of(StressPlanTest.stairs(null,
                new Stairs.Refine(3, Duration.ofSeconds(60), Duration.ofSeconds(2), 0.02)), 50, 1), SLOS, loadStart, 2, 50);
        assertThat(controller.admit()).isTrue();
        for (int second = 0; second < 23; second++) {
            long from = loadStart + second * 1000L;
            double offered = controller.offeredAt(from);
            controller.onInterval(from, from + 1000, Map.of("req", second(offered, offered <= 250 ? 5 : 100)));
        }
        assertThat(controller.offeredAt(System.currentTimeMillis())).isEqualTo(250);

        long admitted = java.util.stream.IntStream.range(0, 3000).filter(i -> controller.admit()).count();

        assertThat(admitted).isEqualTo(2500);
    }
}
