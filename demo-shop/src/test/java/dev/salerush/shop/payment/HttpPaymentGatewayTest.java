package dev.salerush.shop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.shop.config.BreakerSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failed charges are voided: those the gateway may have received anyway; a breaker turned off never opens. */
class HttpPaymentGatewayTest {

    @Test
    void aTimeoutALostConnectionOrA5xxMayHaveChargedAndIsVoided() {
        assertThat(HttpPaymentGateway.mayHaveReachedGateway(failedWith(new HttpTimeoutException("request timed out"))))
                .isTrue();
        assertThat(HttpPaymentGateway.mayHaveReachedGateway(failedWith(new IOException("Connection reset")))).isTrue();
        assertThat(HttpPaymentGateway.mayHaveReachedGateway(
                new PaymentUnavailableException("payment gateway answered HTTP 503"))).isTrue();
    }

    @Test
    void aConnectionNeverMadeOrADeclineChargedNothing() {
        assertThat(HttpPaymentGateway.mayHaveReachedGateway(failedWith(new ConnectException("Connection refused"))))
                .isFalse();
        assertThat(HttpPaymentGateway.mayHaveReachedGateway(failedWith(new HttpConnectTimeoutException("connect"))))
                .isFalse();
        assertThat(HttpPaymentGateway.mayHaveReachedGateway(
                new HttpPaymentGateway.NotCharged("payment not approved: status=DECLINED"))).isFalse();
    }

    @Test
    void aBreakerTurnedOffLetsEveryCallThroughAndStillCountsTheFailures() {
        CircuitBreaker on = CircuitBreaker.of("on", HttpPaymentGateway.breakerConfig(BreakerSettings.DEFAULTS));
        CircuitBreaker off = CircuitBreaker.of("off",
                HttpPaymentGateway.breakerConfig(BreakerSettings.DEFAULTS.withEnabled(false)));
        for (int i = 0; i < 1_000; i++) {
            for (CircuitBreaker breaker : java.util.List.of(on, off)) {
                if (breaker.tryAcquirePermission()) {
                    breaker.onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, new IOException("HTTP 500"));
                }
            }
        }
        assertThat(on.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(off.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(off.getMetrics().getNumberOfFailedCalls()).as("calls counted for the payment alerts")
                .isPositive();
        assertThat(off.getMetrics().getNumberOfNotPermittedCalls()).isZero();
    }

    private static PaymentUnavailableException failedWith(Throwable cause) {
        return new PaymentUnavailableException("payment gateway call failed: " + cause, cause);
    }
}
