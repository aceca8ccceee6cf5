package dev.salerush.sim.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.salerush.sim.integrity.OrderOutcome.REFUSED;
import static dev.salerush.sim.integrity.OrderOutcome.SUCCEEDED;
import static dev.salerush.sim.integrity.OrderOutcome.UNKNOWN;
import static dev.salerush.sim.integrity.OrderOutcome.classify;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per row of the classification table in docs/run-folder.md ("Order outcomes"). */
class OrderOutcomeTest {
    private static final boolean SERVICE = true;
    private static final boolean PROXY = false;

    @Test
    void createdWithAnOrderIdIsASuccessWhoeverPassedItOn() {
        assertThat(classify(201, true, SERVICE)).isEqualTo(SUCCEEDED);
        assertThat(classify(201, true, PROXY)).isEqualTo(SUCCEEDED);
    }

    @Test
    void noResponseAtAllIsUnknown() {
        // a client timeout or a cut connection: the request may have been processed
        assertThat(classify(null, false, PROXY)).isEqualTo(UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504})
    void aProxysBadGatewayOrGatewayTimeoutIsUnknown(int status) {
        // db-lock: HAProxy forwarded the order, gave up after its timeout server, the shop placed it later
        assertThat(classify(status, false, PROXY)).isEqualTo(UNKNOWN);
    }

    @Test
    void aProxysOtherServerErrorIsUnknown() {
        assertThat(classify(500, false, PROXY)).isEqualTo(UNKNOWN);
    }

    @Test
    void aProxysOwn503NeverReachedAServiceAndIsARefusal() {
        // HAProxy's error page: no server up, or its queue timeout
        assertThat(classify(503, false, PROXY)).isEqualTo(REFUSED);
    }

    @Test
    void theServicesOwn503IsARefusal() {
        // the shop's admission shedding (Retry-After) before any work, or its payment-unavailable rollback
        assertThat(classify(503, false, SERVICE)).isEqualTo(REFUSED);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504})
    void theServicesOwnServerErrorIsADefiniteAnswer(int status) {
        // the service is the authority on its orders: if it charged anyway, "charged but told it failed" names it
        assertThat(classify(status, false, SERVICE)).isEqualTo(REFUSED);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 429})
    void any4xxIsARefusalWhoeverAnswered(int status) {
        assertThat(classify(status, false, SERVICE)).isEqualTo(REFUSED);
        assertThat(classify(status, false, PROXY)).isEqualTo(REFUSED);
    }

    @Test
    void aSuccessStatusWithoutAnOrderIdIsARefusal() {
        assertThat(classify(201, false, SERVICE)).isEqualTo(REFUSED);
        assertThat(classify(200, false, PROXY)).isEqualTo(REFUSED);
    }
}
