package dev.salerush.example.goods;

import dev.salerush.sim.gatling.SalerushSimulation;

/**
 * The example team simulation: a shopper of an API shaped unlike the demo shop's (see {@link GoodsStandIn}), with
 * brand codes from the team's CSV file ({@code ids.feeders.brands}). Its purchases are recorded with
 * {@code orderAttempt(...)}, so the run's order integrity is checked against the stand-in's database
 * ({@code integrity.queries} in conf/examples/goods.conf). Extending {@link SalerushSimulation} gives it
 * the plan, profiles, warm-up, exact figures, stress analysis, regression gate and reports. Run it with
 * {@code ./mvnw gatling:test -Dsalerush.conf=conf/examples/goods.conf} (docs/team-simulation.md).
 */
public class GoodsSimulation extends SalerushSimulation {
    private final GoodsJourney journey = new GoodsJourney(new GoodsRequests(20), idsFeeder("brands"), this::timed,
            orderAttempt(GoodsRequests.REQUEST_ID, GoodsRequests.GOODS_NO, GoodsRequests.QTY,
                    GoodsRequests.PURCHASE_STATUS, GoodsRequests.PURCHASE_NO));

    {
        setUpProfile("goods shopping", journey.shop);
    }

    /** The journey's mean requests per user: the suite turns the profile's rates into arriving shoppers with it. */
    @Override
    protected double requestsPerUser() {
        return GoodsJourney.REQUESTS_PER_USER;
    }
}
