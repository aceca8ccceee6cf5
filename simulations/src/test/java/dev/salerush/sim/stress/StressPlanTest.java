package dev.salerush.sim.stress;

import dev.salerush.sim.config.InjectionStep;
import dev.salerush.sim.config.Stairs;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StressPlanTest {
    static final Stairs.Refine REFINE = new Stairs.Refine(3, Duration.ofSeconds(6), Duration.ofSeconds(2), 0.05);

    /** 100, 200, 300 users/s, 10 s each; one request per user, so users/s = rps. */
    static Stairs stairs(Stairs.Climb climb, Stairs.Refine refine) {
        return new Stairs(new InjectionStep.Rate(100, false), new InjectionStep.Rate(100, false), Duration.ofSeconds(10),
                3, Duration.ofSeconds(3), 1.5, Duration.ZERO, climb, refine);
    }

    @Test
    void withoutAClimbThePlanIsTheLinearStepsThenTheProbesTime() {
        StressPlan plan = StressPlan.of(stairs(null, REFINE), 50, 1);

        assertThat(plan.steps()).extracting(StressPlan.PlannedStep::offeredRps).containsExactly(100.0, 200.0, 300.0);
        assertThat(plan.probeTail()).isEqualTo(Duration.ofSeconds(24));
        assertThat(plan.bound()).contains("stairs.steps = 3");
        assertThat(plan.length()).isEqualTo(Duration.ofSeconds(54));
    }

    @Test
    void theClimbGrowsGeometricallyUntilItsRateBound() {
        StressPlan plan = StressPlan.of(stairs(new Stairs.Climb(1.5, 1000, Duration.ofHours(1)), null), 50, 1);

        assertThat(plan.steps()).extracting(StressPlan.PlannedStep::offeredRps)
                .containsExactly(100.0, 200.0, 300.0, 450.0, 675.0);
        assertThat(plan.steps()).extracting(StressPlan.PlannedStep::climbing)
                .containsExactly(false, false, false, true, true);
        assertThat(plan.bound()).contains("maxRps = 1000");
    }

    @Test
    void theClimbStopsAtItsTimeBoundWithRoomForTheProbes() {
        StressPlan plan = StressPlan.of(stairs(new Stairs.Climb(1.5, 1e6, Duration.ofSeconds(75)), REFINE), 50, 1);

        // 5 steps x 10 s + 24 s of probes = 74 s <= 75 s; a sixth step would need 84 s
        assertThat(plan.steps()).hasSize(5);
        assertThat(plan.length()).isLessThanOrEqualTo(Duration.ofSeconds(75));
        assertThat(plan.bound()).contains("maxDuration = 75 s");
    }

    @Test
    void peakMultiplesBecomeUsersThroughTheRequestsPerUser() {
        Stairs peaks = new Stairs(new InjectionStep.Rate(1, true), new InjectionStep.Rate(0.5, true),
                Duration.ofSeconds(10), 2, Duration.ofSeconds(3), 1.5, Duration.ZERO, null, null);

        StressPlan plan = StressPlan.of(peaks, 300, 3);

        assertThat(plan.steps()).extracting(StressPlan.PlannedStep::usersPerSec).containsExactly(100.0, 150.0);
        assertThat(plan.steps()).extracting(StressPlan.PlannedStep::offeredRps).containsExactly(300.0, 450.0);
    }

    @Test
    void theCeilingFollowsTheStepsThenStaysAtTheTop() {
        StressPlan plan = StressPlan.of(stairs(null, REFINE), 50, 1);

        assertThat(plan.ceilingUsersPerSec(0)).isEqualTo(100);
        assertThat(plan.ceilingUsersPerSec(19_999)).isEqualTo(200);
        assertThat(plan.stepAt(29_999)).isEqualTo(2);
        assertThat(plan.stepAt(30_000)).isEqualTo(-1);
        assertThat(plan.ceilingUsersPerSec(45_000)).isEqualTo(300);
    }
}
