package dev.salerush.sim.simulations;

import dev.salerush.sim.gatling.SalerushSimulation;
import dev.salerush.sim.gatling.TargetIds;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Product-list browsing during the sale: a user opens a brand's product list, looks at the next page when there is
 * one, and opens one product's detail. Brands are drawn with the seeded catalog's popularity skew.
 */
public class ProductBrowsingSimulation extends SalerushSimulation {
    private static final int PAGE_SIZE = 20;

    private final TargetIds ids = TargetIds.forRun(run);

    ChainBuilder listProducts = timed("list products",
            http("list products").get(path("products"))
                    .queryParam("brandId", "#{brandId}").queryParam("sort", "#{sort}")
                    .queryParam("page", 0).queryParam("size", PAGE_SIZE)
                    .check(status().is(200),
                            jsonPath("$.hasNext").ofBoolean().saveAs("hasNext"),
                            jsonPath("$.items[*].id").ofLong().findRandom().optional().saveAs("productId")));

    ChainBuilder nextPage = doIf("#{hasNext}").then(timed("list next page",
            http("list next page").get(path("products"))
                    .queryParam("brandId", "#{brandId}").queryParam("sort", "#{sort}")
                    .queryParam("page", 1).queryParam("size", PAGE_SIZE)
                    .check(status().is(200),
                            jsonPath("$.items[*].id").ofLong().findRandom().optional().saveAs("productId"))));

    ChainBuilder productDetail = doIf(session -> session.contains("productId")).then(timed("product detail",
            http("product detail").get(path("product", "#{productId}"))
                    .check(status().is(200), jsonPath("$.id").ofLong().isEL("#{productId}"))));

    ScenarioBuilder browsing = scenario("product browsing")
            .feed(ids.brandFeeder())
            .exec(listProducts, nextPage, productDetail);

    {
        setUpProfile(browsing);
    }
}
