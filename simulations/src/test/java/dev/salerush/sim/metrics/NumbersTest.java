package dev.salerush.sim.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void wholeNumbersHaveNoDecimalsOthersAFixedNumberOfThem() {
        assertThat(Numbers.fixed(15.0)).isEqualTo("15");
        assertThat(Numbers.fixed(0.2)).isEqualTo("0.20");
        assertThat(Numbers.fixed(412.1234, 3)).isEqualTo("412.123");
    }

    @Test
    void shortestKeepsTheSettingAsWritten() {
        assertThat(Numbers.shortest(2.0)).isEqualTo("2");
        assertThat(Numbers.shortest(1.5)).isEqualTo("1.5");
    }

    @Test
    void groupedRoundsHalfUpAndDropsTrailingZeros() {
        assertThat(Numbers.grouped(1_650_000, 0)).isEqualTo("1,650,000");
        assertThat(Numbers.grouped(38.194, 1)).isEqualTo("38.2");
        assertThat(Numbers.grouped(2.125, 2)).isEqualTo("2.13");
        assertThat(Numbers.grouped(8.0, 2)).isEqualTo("8");
    }
}
