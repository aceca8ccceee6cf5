package dev.salerush.shop.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesUnits() {
        assertThat(Durations.parse("20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(Durations.parse("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(Durations.parse(" 5m ")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsMissingUnitAndGarbage() {
        assertThatThrownBy(() -> Durations.parse("20")).hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> Durations.parse("fast")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("not a duration");
    }

    @Test
    void formatRoundTrips() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(1500), Duration.ofSeconds(5)}) {
            assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
        }
    }
}
