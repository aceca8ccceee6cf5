package dev.salerush.example.goods;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * A shopper of the goods API, one chain per step: a brand's first page, the next page (offset paging, while the
 * paging total says there is one), one goods item of it, and a purchase of it. Every request is timed, so the suite
 * records it exactly.
 */
final class GoodsJourney {
    static final String FIRST_PAGE = "goods first page";
    static final String NEXT_PAGE = "goods next page";
    static final String DETAIL = "goods detail";
    static final String PURCHASE = "purchase";
    static final List<String> SORTS = List.of("popular", "recent", "price");
    /** first page, next page, detail, purchase: every brand of the stand-in has more than one page. */
    static final double REQUESTS_PER_USER = 4;
    private static final Duration THINK_MIN = Duration.ofMillis(50);
    private static final Duration THINK_MAX = Duration.ofMillis(200);

    final ChainBuilder shop;

    /**
     * {@code timed} is the simulation's timed(name, request): the suite's exact recording of each request;
     * {@code recordPurchase} its orderAttempt(...) step, which hands what the shopper saw of the purchase to the
     * suite's order integrity check.
     */
    GoodsJourney(GoodsRequests requests, FeederBuilder<String> brands,
                 BiFunction<String, HttpRequestActionBuilder, ChainBuilder> timed, ChainBuilder recordPurchase) {
        ChainBuilder firstPage = exec(session -> session.set(GoodsRequests.OFFSET, 0))
                .exec(timed.apply(FIRST_PAGE, requests.goodsList(FIRST_PAGE)));

        ChainBuilder nextPage = doIf(session -> hasNextPage(session, requests.limit())).then(
                pause(THINK_MIN, THINK_MAX)
                        .exec(session -> session.set(GoodsRequests.OFFSET,
                                session.getInt(GoodsRequests.OFFSET) + requests.limit()))
                        .exec(timed.apply(NEXT_PAGE, requests.goodsList(NEXT_PAGE))));

        ChainBuilder detail = pause(THINK_MIN, THINK_MAX).exec(timed.apply(DETAIL, requests.goodsDetail(DETAIL)));

        ChainBuilder purchase = pause(THINK_MIN, THINK_MAX)
                .exec(session -> session.set(GoodsRequests.REQUEST_ID, UUID.randomUUID().toString()))
                .exec(timed.apply(PURCHASE, requests.purchase(PURCHASE)))
                .exec(recordPurchase);

        this.shop = feed(brands)
                .exec(session -> session.set(GoodsRequests.SORT, SORTS.get(ThreadLocalRandom.current().nextInt(SORTS.size())))
                        .set(GoodsRequests.MEMBER, String.format("M%07d", ThreadLocalRandom.current().nextInt(1, 100_000))))
                .exec(firstPage, nextPage)
                .doIf(session -> !session.isFailed()).then(exec(detail, purchase));
    }

    private static boolean hasNextPage(Session session, int limit) {
        return !session.isFailed() && session.getInt(GoodsRequests.OFFSET) + limit < session.getInt(GoodsRequests.TOTAL);
    }
}
