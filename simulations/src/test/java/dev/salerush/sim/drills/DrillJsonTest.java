package dev.salerush.sim.drills;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** summary.json's drills[].series: the drill's seconds, aligned on the fault. */
class DrillJsonTest {

    @Test
    void theSecondsAreCountedFromTheFault() {
        DrillResult drill = DrillFixtures.badDeployPassed();

        List<Map<String, Object>> series = DrillJson.series(drill);

        assertThat(series).hasSize(drill.series().size());
        assertThat(series.get(0)).containsEntry("t", -30.0).containsEntry("requests", 20L)
                .containsEntry("koPercent", 0.0).containsEntry("p95Ms", 120.0);
        assertThat(series.get(70)).as("40 s after the fault: failing").containsEntry("t", 40.0)
                .containsEntry("koPercent", 42.0).containsEntry("p95Ms", 850.0);
        assertThat(series.get(35)).as("a second nothing was answered").containsEntry("requests", 0L)
                .containsEntry("p95Ms", null);
        assertThat(DrillJson.of(List.of(drill)).get(0)).containsKey("series");
    }

    @Test
    void aDrillWithoutAFaultHasNoSeconds() {
        assertThat(DrillJson.series(DrillFixtures.abortedBeforeFault())).isEmpty();
    }
}
