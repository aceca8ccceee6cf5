package ${package};

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * One shopper, from login to order: log in once (one test account per virtual user, from the accounts feeder), browse
 * a brand's goods page by page while the paging total says there is more, open one item, and buy it with a fresh
 * request id. A shopper stops at the first step that failed: without a token every later request would be refused,
 * without a page there is no item to open.
 */
final class ShopperJourney {
    /** Request names: each is a row of summary.json and the name salerush.conf's SLOs use. */
    static final String LOGIN = "login";
    static final String GOODS_LIST = "goods list";
    static final String GOODS_DETAIL = "goods detail";
    static final String PURCHASE = "purchase";
    /** Mean requests per user: login, two pages (the stand-in's brands hold 30 goods, 20 a page), detail, purchase. */
    static final double REQUESTS_PER_USER = 5;
    private static final List<String> SORTS = List.of("popular", "recent", "price");
    /** A shopper's pause between two steps; set it to what your users do. */
    private static final Duration THINK_MIN = Duration.ofMillis(50);
    private static final Duration THINK_MAX = Duration.ofMillis(200);

    final ChainBuilder shop;

    /**
     * {@code timed} is the simulation's timed(name, request), the suite's exact recording of a request;
     * {@code recordPurchase} its orderAttempt(...) step, which hands the purchase's outcome to the order integrity check.
     */
    ShopperJourney(ServiceRequests requests, FeederBuilder<String> accounts, FeederBuilder<String> brands,
                   BiFunction<String, HttpRequestActionBuilder, ChainBuilder> timed, ChainBuilder recordPurchase) {
        ChainBuilder login = feed(accounts)
                .exec(timed.apply(LOGIN, requests.login(LOGIN)))
                .exitHereIfFailed();

        ChainBuilder browse = feed(brands)
                .exec(session -> session.set(ServiceRequests.OFFSET, 0).set(ServiceRequests.SORT, anyOf(SORTS)))
                .exec(timed.apply(GOODS_LIST, requests.goodsList(GOODS_LIST)))
                .doIf(session -> hasNextPage(session, requests.pageSize())).then(pause(THINK_MIN, THINK_MAX)
                        .exec(session -> session.set(ServiceRequests.OFFSET,
                                session.getInt(ServiceRequests.OFFSET) + requests.pageSize()))
                        .exec(timed.apply(GOODS_LIST, requests.goodsList(GOODS_LIST))))
                .exitHereIfFailed()
                .pause(THINK_MIN, THINK_MAX)
                .exec(timed.apply(GOODS_DETAIL, requests.goodsDetail(GOODS_DETAIL)))
                .exitHereIfFailed();

        ChainBuilder order = pause(THINK_MIN, THINK_MAX)
                .exec(session -> session.set(ServiceRequests.REQUEST_ID, UUID.randomUUID().toString()))
                .exec(timed.apply(PURCHASE, requests.purchase(PURCHASE)))
                .exec(recordPurchase);

        this.shop = exec(login, browse, order);
    }

    private static boolean hasNextPage(Session session, int pageSize) {
        return !session.isFailed()
                && session.getInt(ServiceRequests.OFFSET) + pageSize < session.getInt(ServiceRequests.TOTAL);
    }

    private static String anyOf(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
