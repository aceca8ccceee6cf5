package dev.salerush.sim.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrafficPlanTest {

    @Test
    void scenarioDocumentDailyUsersGiveThirtyEightRequestsPerSecondOnAverage() {
        TrafficPlan plan = TrafficPlan.of(1_650_000, 2, 1, 2, Duration.ofMillis(500), Duration.ofSeconds(1));

        assertThat(plan.requestsPerDay()).isEqualTo(3_300_000);
        assertThat(plan.averageRps()).isCloseTo(38.194, within(0.001));
        assertThat(Math.round(plan.averageRps())).isEqualTo(38);
    }

    @Test
    void peakIsTheAverageTimesThePeakRatio() {
        TrafficPlan plan = TrafficPlan.of(1_650_000, 2, 8, 2, Duration.ofMillis(500), Duration.ofSeconds(1));

        assertThat(plan.peakRps()).isCloseTo(305.556, within(0.001));
        assertThat(plan.usersPerSec()).isCloseTo(152.778, within(0.001));
    }

    @Test
    void scenarioDocumentWorkedExampleNeedsThreeHundredVirtualUsers() {
        // R = 2 requests, T = 2 s (2 x 0.5 s + 1 s allowance), 300 rps -> 300 x 2 / 2 = 300 virtual users
        double t = TrafficPlan.iterationSeconds(2, Duration.ofMillis(500), Duration.ofSeconds(1));

        assertThat(t).isEqualTo(2.0);
        assertThat(TrafficPlan.virtualUsers(300, t, 2)).isEqualTo(300.0);
    }

    @Test
    void descriptionShowsEveryStepOfTheDerivation() {
        String text = TrafficPlan.of(1_650_000, 2, 8, 2, Duration.ofMillis(500), Duration.ofSeconds(1)).describe();

        assertThat(text).contains("1,650,000 DAU x 2 requests/day = 3,300,000 requests/day")
                .contains("38.2 rps average x 8 peak ratio = 305.6 rps peak")
                .contains("R = 2 requests/iteration, T = 2.00 s");
    }
}
