package dev.salerush.sim.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WarmupCountTest {
    @Test
    void countsUsersByTheirFirstRequestAndRequestsByName() {
        WarmupCount warmup = new WarmupCount();
        warmup.sent("login", true);
        warmup.sent("list", false);
        warmup.sent("list", false);
        warmup.sent("login", true);

        WarmupCount.Figures figures = warmup.figures(Duration.ofSeconds(4));

        assertThat(figures.duringSeconds()).isEqualTo(4.0);
        assertThat(figures.usersPerSec()).isEqualTo(0.5);
        assertThat(figures.requests()).isEqualTo(4);
        assertThat(figures.perRequest()).isEqualTo(Map.of("login", 2L, "list", 2L));
    }

    @Test
    void noWarmUpSentNothing() {
        WarmupCount.Figures figures = new WarmupCount().figures(Duration.ZERO);

        assertThat(figures.requests()).isZero();
        assertThat(figures.usersPerSec()).isZero();
        assertThat(figures.perRequest()).isEmpty();
    }
}
