package dev.salerush.sim.journeys;

import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.integrity.OrderLog;
import io.gatling.javaapi.core.ChainBuilder;

import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * Sale ordering: a user lists the brand of a hot discounted item, opens it, orders it with an Idempotency-Key
 * (retrying with the same key while the outcome is unknown, see {@link UnknownOutcomeRetry}; and sometimes once more
 * at random — the retry must return the same order) and looks the order up. Every orderer competes for the same few products, so stock runs out during the run:
 * 409 OUT_OF_STOCK is a correct answer, an oversell or a lost order is not. What the client saw of every attempt
 * goes to the run's {@link OrderLog}, which the order integrity check compares with the target's database.
 */
public final class OrderingJourney {
    /** The orderer's look at the hot item's brand: its own name, so "list products" measures browsing alone. */
    public static final String LIST_HOT_BRAND = "list hot brand";
    public static final String PRODUCT_DETAIL = BrowsingJourney.PRODUCT_DETAIL;
    public static final String PLACE_ORDER = "place order";
    public static final String RETRY_ORDER = "retry order";
    public static final String ORDER_LOOKUP = "order lookup";

    /** Session keys of the attempt just made: its HTTP status, and the order id of the retry's response. */
    private static final String ORDER_STATUS = "orderStatus";
    private static final String ORDER_ID = "orderId";
    private static final String RETRY_ORDER_ID = "retryOrderId";
    /** Session key: retries made so far of an order whose outcome was unknown. */
    private static final String UNKNOWN_RETRIES = "unknownRetries";
    private static final int HOT_BRAND_PAGE_SIZE = 20;

    private final OrderLog orderLog;
    private static final String QUANTITY = "quantity";

    public final ChainBuilder order;

    public OrderingJourney(JourneySettings.Ordering settings, ShopRequests requests, Timed timed, TargetIds ids,
                           OrderLog orderLog) {
        this.orderLog = orderLog;
        JourneySettings.ThinkTime think = settings.thinkTime();

        ChainBuilder listBrand = timed.timed(LIST_HOT_BRAND,
                requests.productList(LIST_HOT_BRAND, "discount", "0", HOT_BRAND_PAGE_SIZE));

        ChainBuilder productDetail = timed.timed(PRODUCT_DETAIL, requests.productDetail(PRODUCT_DETAIL));

        ChainBuilder placeOrder = timed.timed(PLACE_ORDER, requests.placeOrder(PLACE_ORDER, ORDER_STATUS, ORDER_ID))
                .exec(logAttempt(false, ORDER_ID));

        UnknownOutcomeRetry unknown = new UnknownOutcomeRetry(settings.unknownRetries(), settings.unknownBackoff());
        // the same key again until the answer is definite; a 201 saves the order id, so the lookup follows
        ChainBuilder retryUnknownOutcome = exec(session -> session.set(UNKNOWN_RETRIES, 0))
                .asLongAs(session -> unknown.retries(session.get(OrderAttemptStep.OUTCOME), session.getInt(UNKNOWN_RETRIES)))
                .on(exec(session -> session.set(UNKNOWN_RETRIES, session.getInt(UNKNOWN_RETRIES) + 1))
                        .pause(session -> unknown.pauseBefore(session.getInt(UNKNOWN_RETRIES)))
                        .exec(timed.timed(RETRY_ORDER, requests.placeOrder(RETRY_ORDER, ORDER_STATUS, ORDER_ID)))
                        .exec(logAttempt(true, ORDER_ID)));

        ChainBuilder retryOrder = doIf(session -> ThreadLocalRandom.current().nextDouble() < settings.retryProbability())
                .then(timed.timed(RETRY_ORDER, requests.placeOrder(RETRY_ORDER, ORDER_STATUS, RETRY_ORDER_ID)
                                .checkIf((response, session) -> session.contains(ORDER_ID))
                                .then(jsonPath("$.orderId").ofLong().isEL(ShopRequests.el(ORDER_ID))))
                        .exec(logAttempt(true, RETRY_ORDER_ID)));

        ChainBuilder orderLookup = doIf(session -> session.contains(ORDER_ID)).then(
                pause(think.min(), think.max())
                        .exec(timed.timed(ORDER_LOOKUP, requests.orderLookup(ORDER_LOOKUP, ORDER_ID))));

        this.order = feed(ids.orderingFeeder(settings))
                .exec(session -> session.removeAll(ORDER_ID, RETRY_ORDER_ID, ORDER_STATUS, OrderAttemptStep.OUTCOME))
                .exec(listBrand)
                .pause(think.min(), think.max())
                .exec(productDetail)
                .pause(think.min(), think.max())
                .exec(placeOrder, retryUnknownOutcome, retryOrder, orderLookup);
    }

    /** Records the attempt just made as the client saw it; no status saved means no response came back. */
    private ChainBuilder logAttempt(boolean retry, String orderIdKey) {
        return new OrderAttemptStep(ShopRequests.IDEMPOTENCY_KEY, ShopRequests.PRODUCT_ID,
                session -> session.getInt(QUANTITY), ORDER_STATUS, orderIdKey, ShopRequests.SERVED_BY)
                .recordInto(orderLog, retry);
    }
}
