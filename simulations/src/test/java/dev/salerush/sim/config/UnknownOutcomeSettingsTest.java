package dev.salerush.sim.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys that tell who answered an order and how the journey retries an unknown outcome. */
class UnknownOutcomeSettingsTest {

    @Test
    void theShippedConfigurationNamesTheDemoShopsHeaderAndRetriesThreeTimesFrom200ms() {
        SuiteConfig config = TestConfigs.load();

        assertThat(config.target().servedByHeader()).isEqualTo("X-Served-By");
        assertThat(config.journeys().ordering().unknownRetries()).isEqualTo(3);
        assertThat(config.journeys().ordering().unknownBackoff()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aTeamNamesItsOwnHeaderOrNoneAndTurnsTheRetriesOff() {
        SuiteConfig config = TestConfigs.load("target.servedByHeader", "", "journeys.ordering.unknownOutcome.retries", "0");

        assertThat(config.target().servedByHeader()).isEmpty();
        assertThat(config.journeys().ordering().unknownRetries()).isZero();
        assertThat(TestConfigs.load("target.servedByHeader", "X-Backend").target().servedByHeader()).isEqualTo("X-Backend");
    }

    @Test
    void aMisspeltKeyOrTooManyRetriesAreRefused() {
        assertThatThrownBy(() -> TestConfigs.load("target.servedByHeadr", "X"))
                .isInstanceOf(ConfigError.class).hasMessageContaining("did you mean 'target.servedByHeader'");
        assertThatThrownBy(() -> TestConfigs.load("journeys.ordering.unknownOutcome.retrys", "2"))
                .isInstanceOf(ConfigError.class).hasMessageContaining("journeys.ordering.unknownOutcome.retries");
        assertThatThrownBy(() -> TestConfigs.load("journeys.ordering.unknownOutcome.retries", "11"))
                .isInstanceOf(ConfigError.class);
    }
}
