package ${package};

import dev.salerush.sim.gatling.SalerushSimulation;

/**
 * The service's load test. Extending {@link SalerushSimulation} gives it salerush's traffic plan, profiles, warm-up,
 * exact figures, SLO verdict, regression gate, order integrity check and reports; this class only says what a user
 * does. Run it with {@code ./mvnw gatling:test -Dprofile=smoke} (README.md).
 */
public class ServiceSimulation extends SalerushSimulation {
    /** Goods per page the shopper asks for. */
    private static final int PAGE_SIZE = 20;

    private final ShopperJourney journey = new ShopperJourney(
            new ServiceRequests(secret("accountPassword"), PAGE_SIZE),
            idsFeeder("accounts"), idsFeeder("brands"), this::timed,
            orderAttempt(ServiceRequests.REQUEST_ID, ServiceRequests.GOODS_NO, ServiceRequests.QTY,
                    ServiceRequests.PURCHASE_STATUS, ServiceRequests.PURCHASE_NO));

    {
        setUpProfile("shopper", journey.shop);
    }

    /** The journey's mean requests per user: the suite turns the profile's rates into arriving users with it. */
    @Override
    protected double requestsPerUser() {
        return ShopperJourney.REQUESTS_PER_USER;
    }
}
