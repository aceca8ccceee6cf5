package dev.salerush.sim.drills;

import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.drills.DrillResult.Second;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether the service level came back on its own: only after an impact as long as a recovery's hold. */
class RecoveryHoldTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    /** A 3 s hold; the tolerance is the defaults' (2 % failed, p95 250 ms). */
    private final RecoveryHold hold = new RecoveryHold(TestConfigs.load("drills.recoveryHold", "3s").drills());

    /** One second per letter, stamped at its end: 'o' within the tolerance, 'x' outside it (10 % failed). */
    private static List<Second> seconds(String pattern) {
        List<Second> seconds = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            seconds.add(new Second(T0.plusSeconds(i + 1), 100, pattern.charAt(i) == 'x' ? 10 : 0, 20.0));
        }
        return seconds;
    }

    @Test
    void anImpactAsLongAsTheHoldThatEndsIsAServiceBack() {
        Optional<Instant> back = hold.afterImpact(seconds("ooxxxooo"));

        assertThat(back).contains(T0.plusSeconds(5));
    }

    @Test
    void aShorterExcursionIsNoImpact() {
        assertThat(hold.afterImpact(seconds("oxxoooooxooo"))).isEmpty();
    }

    @Test
    void anImpactThatGoesOnHasNotEnded() {
        assertThat(hold.afterImpact(seconds("oxxxxoox"))).isEmpty();
    }
}
