package dev.salerush.example.staging;

import dev.salerush.sim.gatling.SalerushSimulation;
import io.gatling.javaapi.core.ChainBuilder;

import java.util.UUID;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A team's own simulation of its staging shop, written from the API as the team knows it (none of the suite's
 * journeys): a brand's product list, one of its products, then an order of it. Brands and users are sampled from the
 * team's database ({@code ids.queries.brands}, {@code ids.queries.users}); orders go through {@code orderAttempt(...)}, so the run's order integrity is
 * checked with {@code integrity.queries}. The load under an external drill when a team drills with its own simulation
 * (docs/drill-your-own-staging.md).
 */
public class StagingShopperSimulation extends SalerushSimulation {
    private static final String BRAND = "brandId";
    private static final String PRODUCT = "productId";
    private static final String KEY = "orderKey";
    private static final String STATUS = "orderStatus";
    private static final String ORDER = "orderId";

    private final ChainBuilder shop = feed(idsQueryFeeder("brands")).feed(idsQueryFeeder("users"))
            .exec(timed("team product list", http("team product list").get("/api/products")
                    .queryParam("brandId", "#{" + BRAND + "}").queryParam("size", 20)
                    .check(status().is(200), jsonPath("$.items[*].id").ofLong().findRandom().optional()
                            .saveAs(PRODUCT))))
            .doIf(session -> session.contains(PRODUCT)).then(exec(timed("team product", http("team product")
                    .get("/api/products/#{" + PRODUCT + "}").check(status().is(200))))
                    .exec(session -> session.set(KEY, UUID.randomUUID().toString()))
                    .exec(timed("team order", http("team order").post("/api/orders")
                            .header("Idempotency-Key", "#{" + KEY + "}")
                            .body(StringBody("{\"userId\":#{userId},\"productId\":#{" + PRODUCT + "},\"quantity\":1}"))
                            .check(status().saveAs(STATUS), jsonPath("$.orderId").ofLong().optional().saveAs(ORDER),
                                    status().in(201, 409))))
                    .exec(orderAttempt(KEY, PRODUCT, 1, STATUS, ORDER)));

    {
        setUpProfile("staging shopper", shop);
    }

    /** A product list, and a product and its order when the list had one. */
    @Override
    protected double requestsPerUser() {
        return 3;
    }
}
