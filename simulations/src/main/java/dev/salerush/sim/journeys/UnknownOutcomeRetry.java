package dev.salerush.sim.journeys;

import dev.salerush.sim.integrity.OrderOutcome;

import java.time.Duration;

/**
 * What a careful client does when it cannot know whether its order was placed (no response, a proxy's 504): it sends
 * the same order again with the same Idempotency-Key, so the service answers with the order it placed, or places it
 * once. A definite answer (placed or refused) ends it. The retries are capped, and back off exponentially so that a
 * struggling service is not hammered: {@code backoff}, twice that, four times that, ...
 *
 * @param maxRetries retries of one order at most ({@code journeys.ordering.unknownOutcome.retries}); 0: never
 * @param backoff    the pause before the first retry ({@code journeys.ordering.unknownOutcome.backoff})
 */
public record UnknownOutcomeRetry(int maxRetries, Duration backoff) {

    public UnknownOutcomeRetry {
        if (maxRetries < 0 || backoff.isNegative()) {
            throw new IllegalArgumentException("retries and backoff must not be negative: " + maxRetries + ", " + backoff);
        }
    }

    /** Whether to send the order again after an attempt with outcome {@code last}, {@code retriesMade} retries in. */
    public boolean retries(OrderOutcome last, int retriesMade) {
        return last == OrderOutcome.UNKNOWN && retriesMade < maxRetries;
    }

    /** The pause before retry number {@code retry} (1, 2, ...): the backoff doubled for each retry before it. */
    public Duration pauseBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are counted from 1, got " + retry);
        }
        return backoff.multipliedBy(1L << Math.min(retry - 1, 30));
    }
}
