package dev.salerush.sim.journeys;

import dev.salerush.sim.config.JourneySettings;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;

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

    public final ChainBuilder browse;

    public BrowsingJourney(JourneySettings.Browsing settings, ShopRequests requests, Timed timed, TargetIds ids) {
        this.settings = settings;
        String page = ShopRequests.el(ShopRequests.PAGE);
        String sort = ShopRequests.el(ShopRequests.SORT);

        ChainBuilder firstPage = exec(session -> session.set(ShopRequests.PAGE, 0))
                .exec(timed.timed(LIST_PRODUCTS, requests.productList(LIST_PRODUCTS, sort, page, settings.pageSize())
                        .check(requests.pickedProduct())));

        ChainBuilder deeperPages = asLongAs(this::goesDeeper).on(
                pause(settings.thinkTime().min(), settings.thinkTime().max())
                        .exec(session -> session.set(ShopRequests.PAGE, session.getInt(ShopRequests.PAGE) + 1))
                        .exec(timed.timed(LIST_NEXT_PAGE,
                                requests.productList(LIST_NEXT_PAGE, sort, page, settings.pageSize())
                                        .check(requests.pickedProduct()))));

        ChainBuilder productDetail = doIf(this::opensADetail).then(
                pause(settings.thinkTime().min(), settings.thinkTime().max())
                        .exec(timed.timed(PRODUCT_DETAIL, requests.productDetail(PRODUCT_DETAIL))));

        this.browse = feed(ids.browsingFeeder(settings.sortWeights()))
                .exec(session -> session.remove(ShopRequests.PRODUCT_ID))
                .exec(firstPage, deeperPages, productDetail);
    }

    /** One page deeper with probability nextPageProbability / pagesSeen, while there is a next page. */
    private boolean goesDeeper(Session session) {
        int pagesSeen = session.getInt(ShopRequests.PAGE) + 1;
        return !session.isFailed() && session.getBoolean(ShopRequests.HAS_NEXT) && pagesSeen < settings.maxPages()
                && ThreadLocalRandom.current().nextDouble() < settings.nextPageProbability() / pagesSeen;
    }

    private boolean opensADetail(Session session) {
        return session.contains(ShopRequests.PRODUCT_ID) && ThreadLocalRandom.current().nextDouble() < settings.detailProbability();
    }
}
