package dev.salerush.sim.journeys;

import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.config.TargetSettings;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Product-list browsing during the sale: a user opens a brand's product list with the sort they prefer, goes deeper
 * page by page with a falling chance, and opens one product of the last page seen. Brands follow the catalog's
 * popularity skew, so the top brand gets the traffic — and the query plan — it gets in production.
 */
public final class BrowsingJourney {
    public static final String LIST_PRODUCTS = "list products";
    public static final String LIST_NEXT_PAGE = "list next page";
    public static final String PRODUCT_DETAIL = "product detail";

    private final JourneySettings.Browsing settings;
    private final TargetSettings target;
    private final Timed timed;

    public final ChainBuilder browse;

    public BrowsingJourney(JourneySettings.Browsing settings, TargetSettings target, Timed timed, TargetIds ids) {
        this.settings = settings;
        this.target = target;
        this.timed = timed;

        ChainBuilder firstPage = exec(session -> session.set("page", 0))
                .exec(timed.timed(LIST_PRODUCTS, listPage(LIST_PRODUCTS)));

        ChainBuilder deeperPages = asLongAs(this::goesDeeper).on(
                pause(settings.thinkTime().min(), settings.thinkTime().max())
                        .exec(session -> session.set("page", session.getInt("page") + 1))
                        .exec(timed.timed(LIST_NEXT_PAGE, listPage(LIST_NEXT_PAGE))));

        ChainBuilder productDetail = doIf(this::opensADetail).then(
                pause(settings.thinkTime().min(), settings.thinkTime().max())
                        .exec(timed.timed(PRODUCT_DETAIL, http(PRODUCT_DETAIL).get(target.path("product").replace("{id}", "#{productId}"))
                                .check(status().is(200), jsonPath("$.id").ofLong().isEL("#{productId}")))));

        this.browse = feed(ids.browsingFeeder(settings.sortWeights()))
                .exec(session -> session.remove("productId"))
                .exec(firstPage, deeperPages, productDetail);
    }

    private HttpRequestActionBuilder listPage(String name) {
        return http(name).get(target.path("products"))
                .queryParam("brandId", "#{brandId}").queryParam("sort", "#{sort}")
                .queryParam("page", "#{page}").queryParam("size", settings.pageSize())
                .check(status().is(200),
                        jsonPath("$.hasNext").ofBoolean().saveAs("hasNext"),
                        jsonPath("$.items[*].id").ofLong().findRandom().optional().saveAs("productId"));
    }

    /** One page deeper with probability nextPageProbability / pagesSeen, while there is a next page. */
    private boolean goesDeeper(Session session) {
        int pagesSeen = session.getInt("page") + 1;
        return !session.isFailed() && session.getBoolean("hasNext") && pagesSeen < settings.maxPages()
                && ThreadLocalRandom.current().nextDouble() < settings.nextPageProbability() / pagesSeen;
    }

    private boolean opensADetail(Session session) {
        return session.contains("productId") && ThreadLocalRandom.current().nextDouble() < settings.detailProbability();
    }
}
