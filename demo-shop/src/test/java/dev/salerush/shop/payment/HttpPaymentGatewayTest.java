package dev.salerush.shop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failed charges are voided: those the gateway may have received anyway. */
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

    private static PaymentUnavailableException failedWith(Throwable cause) {
        return new PaymentUnavailableException("payment gateway call failed: " + cause, cause);
    }
}
