package dev.salerush.sim.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportDownsamplingTest {

    @Test
    void shortRunsKeepEveryInterval() {
        assertThat(Downsampling.groupSize(0, 600)).isEqualTo(1);
        assertThat(Downsampling.groupSize(600, 600)).isEqualTo(1);
    }

    @Test
    void longRunsMergeTheFewestIntervalsThatFit() {
        assertThat(Downsampling.groupSize(601, 600)).isEqualTo(2);
        assertThat(Downsampling.groupSize(1200, 600)).isEqualTo(2);
        assertThat(Downsampling.groupSize(14_400, 600)).isEqualTo(24); // a 4-hour soak: 24-second points
    }

    @Test
    void aNonPositiveLimitIsAProgrammingError() {
        assertThatThrownBy(() -> Downsampling.groupSize(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
