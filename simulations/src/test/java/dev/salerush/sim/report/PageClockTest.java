package dev.salerush.sim.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PageClockTest {
    private static final PageClock SEOUL = new PageClock(ZoneId.of("Asia/Seoul"));

    @Test
    void anInstantEpochMillisOrIsoTextIsShownInThePagesZoneWithoutItsName() {
        assertThat(SEOUL.format(Instant.parse("2026-12-07T05:05:09Z"))).isEqualTo("2026-12-07 14:05:09");
        assertThat(SEOUL.format(1_796_619_909_000L)).isEqualTo("2026-12-07 14:05:09");
        assertThat(SEOUL.format("2026-12-07T05:05:09Z")).isEqualTo("2026-12-07 14:05:09");
        assertThat(new PageClock(ZoneId.of("UTC")).format("2026-12-07T05:05:09Z")).isEqualTo("2026-12-07 05:05:09");
    }

    @Test
    void whatIsNotATimeIsShownAsItIsAndNothingAsNotMeasured() {
        assertThat(SEOUL.format("yesterday")).isEqualTo("yesterday");
        assertThat(SEOUL.format(null)).isEqualTo("–");
    }

    @Test
    void theZoneIsNamedAsReadersCallIt() {
        assertThat(SEOUL.name()).isEqualTo("KST");
        assertThat(new PageClock(ZoneId.of("Etc/UTC")).name()).isEqualTo("UTC");
        assertThat(new PageClock(ZoneId.of("UTC")).abbreviated()).isTrue();
        PageClock berlin = new PageClock(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.name()).isEqualTo("Europe/Berlin");
        assertThat(berlin.abbreviated()).as("an ID is an identifier, not prose").isFalse();
    }
}
