package dev.salerush.sim.stress;

import dev.salerush.sim.config.Stairs;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefinementTest {
    static Stairs.Refine refine(int probes, double within) {
        return new Stairs.Refine(probes, Duration.ofSeconds(10), Duration.ofSeconds(2), within);
    }

    @Test
    void bisectsTowardsTheCapacityUntilTheBracketIsNarrowEnough() {
        double capacity = 237;
        Refinement refinement = new Refinement(refine(20, 0.05), 200, 300);

        while (!refinement.done()) {
            double probe = refinement.nextProbeRps();
            refinement.record(probe, probe <= capacity);
        }

        assertThat(refinement.passing()).isLessThanOrEqualTo(capacity);
        assertThat(refinement.failing()).isGreaterThan(capacity);
        assertThat(refinement.failing() - refinement.passing()).isLessThanOrEqualTo(0.05 * refinement.passing());
        // 100 rps wide -> at most 5 % of ~237: 4 halvings (6.25 rps)
        assertThat(refinement.probesRun()).isEqualTo(4);
    }

    @Test
    void stopsWhenTheProbesAreUsedUp() {
        Refinement refinement = new Refinement(refine(2, 0.001), 200, 300);

        refinement.record(refinement.nextProbeRps(), true);
        assertThat(refinement.done()).isFalse();
        refinement.record(refinement.nextProbeRps(), false);

        assertThat(refinement.done()).isTrue();
        assertThat(refinement.narrowEnough()).isFalse();
        assertThat(refinement.passing()).isEqualTo(250);
        assertThat(refinement.failing()).isEqualTo(275);
    }

    @Test
    void aBracketMustBeOrdered() {
        assertThatThrownBy(() -> new Refinement(refine(3, 0.05), 300, 300)).isInstanceOf(IllegalArgumentException.class);
    }
}
