package dev.salerush.sim.journeys;

import dev.salerush.sim.integrity.OrderOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's retry of an order whose outcome it could not know: only then, capped, backing off. */
class UnknownOutcomeRetryTest {
    private final UnknownOutcomeRetry policy = new UnknownOutcomeRetry(3, Duration.ofMillis(200));

    @Test
    void anUnknownOutcomeIsRetriedAtMostTheCap() {
        assertThat(policy.retries(OrderOutcome.UNKNOWN, 0)).isTrue();
        assertThat(policy.retries(OrderOutcome.UNKNOWN, 2)).isTrue();
        assertThat(policy.retries(OrderOutcome.UNKNOWN, 3)).as("three retries made").isFalse();
        assertThat(new UnknownOutcomeRetry(0, Duration.ZERO).retries(OrderOutcome.UNKNOWN, 0)).isFalse();
    }

    @Test
    void aDefiniteAnswerEndsTheRetries() {
        assertThat(policy.retries(OrderOutcome.REFUSED, 0)).as("a refusal is not retried").isFalse();
        assertThat(policy.retries(OrderOutcome.SUCCEEDED, 1)).isFalse();
        assertThat(policy.retries(null, 0)).as("an attempt that could not be recorded").isFalse();
    }

    @Test
    void theBackoffDoublesBeforeEachRetry() {
        assertThat(policy.pauseBefore(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.pauseBefore(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.pauseBefore(3)).isEqualTo(Duration.ofMillis(800));
    }
}
