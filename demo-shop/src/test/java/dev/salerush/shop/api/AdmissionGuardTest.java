package dev.salerush.shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.shop.admission.AdmissionLimiter.Decision;
import dev.salerush.shop.admission.AdmissionLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionGuardTest {

    @Test
    void exposesInFlightQueuedAndLimitsAsGauges() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AdmissionLimiter limiter = new AdmissionLimiter(3, 5);
        new AdmissionGuard(limiter, Duration.ZERO, meters);
        assertThat(limiter.acquire(Duration.ZERO)).isEqualTo(Decision.ADMITTED);

        assertThat(meters.get("shop.admission.in_flight").gauge().value()).isEqualTo(1);
        assertThat(meters.get("shop.admission.queued").gauge().value()).isZero();
        assertThat(meters.get("shop.admission.limit").tag("kind", "concurrent").gauge().value()).isEqualTo(3);
        assertThat(meters.get("shop.admission.limit").tag("kind", "queued").gauge().value()).isEqualTo(5);
        assertThat(meters.get("shop.shed.requests").tag("reason", "queue_full").counter().count()).isZero();
        assertThat(meters.get("shop.shed.requests").tag("reason", "wait_timeout").counter().count()).isZero();
    }
}
