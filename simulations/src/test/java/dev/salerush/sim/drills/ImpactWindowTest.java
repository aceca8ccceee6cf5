package dev.salerush.sim.drills;

import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.integrity.OrderAttempt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A drill's order impact: the attempts whose outcome the client could not know apart from the refused ones. */
class ImpactWindowTest {

    private static OrderAttempt answered(int status, boolean servedByService) {
        return new OrderAttempt(0, "k", "1", 1, status, null, false, servedByService);
    }

    @Test
    void aProxysGatewayTimeoutIsAnUnknownOrderNotAFailedOne() {
        ImpactWindow window = new ImpactWindow(new DrillSettings.Tolerance(2, 250));

        window.accept(answered(504, false));    // HAProxy gave up on a shop waiting for a row lock
        window.accept(answered(502, false));
        window.accept(new OrderAttempt(0, "k", "1", 1, null, null, false));   // client timeout
        window.accept(answered(503, true));     // the shop shed it: a definite refusal
        window.accept(answered(503, false));    // HAProxy's queue timeout: never reached a shop
        window.accept(answered(409, true));     // sold out: the sale working
        window.accept(new OrderAttempt(0, "k", "1", 1, 201, "7", false, true));

        DrillResult.Impact impact = window.impact();
        assertThat(impact.unknownOrders()).isEqualTo(3);
        assertThat(impact.failedOrders()).isEqualTo(2);
    }
}
