package dev.salerush.sim.journeys;

import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.config.TargetSettings;
import dev.salerush.sim.integrity.OrderAttempt;
import dev.salerush.sim.integrity.OrderLog;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Sale ordering: a user lists the brand of a hot discounted item, opens it, orders it with an Idempotency-Key
 * (sometimes retrying with the same key, as a client does after a timeout — the retry must return the same order)
 * and looks the order up. Every orderer competes for the same few products, so stock runs out during the run:
 * 409 OUT_OF_STOCK is a correct answer, an oversell or a lost order is not. What the client saw of every attempt
 * goes to the run's {@link OrderLog}, which the order integrity check compares with the target's database.
 */
public final class OrderingJourney {
    public static final String LIST_PRODUCTS = BrowsingJourney.LIST_PRODUCTS;
    public static final String PRODUCT_DETAIL = BrowsingJourney.PRODUCT_DETAIL;
    public static final String PLACE_ORDER = "place order";
    public static final String RETRY_ORDER = "retry order";
    public static final String ORDER_LOOKUP = "order lookup";

    /** Session keys of the attempt just made: its HTTP status, and the order id of the retry's response. */
    private static final String ORDER_STATUS = "orderStatus";
    private static final String RETRY_ORDER_ID = "retryOrderId";

    private final TargetSettings target;
    private final OrderLog orderLog;

    public final ChainBuilder order;

    public OrderingJourney(JourneySettings.Ordering settings, TargetSettings target, Timed timed, TargetIds ids,
                           OrderLog orderLog) {
        this.target = target;
        this.orderLog = orderLog;
        JourneySettings.ThinkTime think = settings.thinkTime();

        ChainBuilder listBrand = timed.timed(LIST_PRODUCTS, http(LIST_PRODUCTS).get(target.path("products"))
                .queryParam("brandId", "#{brandId}").queryParam("sort", "discount")
                .queryParam("page", 0).queryParam("size", 20)
                .check(status().is(200)));

        ChainBuilder productDetail = timed.timed(PRODUCT_DETAIL,
                http(PRODUCT_DETAIL).get(target.path("product").replace("{id}", "#{productId}"))
                        .check(status().is(200), jsonPath("$.id").ofLong().isEL("#{productId}")));

        ChainBuilder placeOrder = timed.timed(PLACE_ORDER, orderRequest(PLACE_ORDER, "orderId"))
                .exec(logAttempt(false, "orderId"));

        ChainBuilder retryOrder = doIf(session -> ThreadLocalRandom.current().nextDouble() < settings.retryProbability())
                .then(timed.timed(RETRY_ORDER, orderRequest(RETRY_ORDER, RETRY_ORDER_ID)
                                .checkIf((response, session) -> session.contains("orderId"))
                                .then(jsonPath("$.orderId").ofLong().isEL("#{orderId}")))
                        .exec(logAttempt(true, RETRY_ORDER_ID)));

        ChainBuilder orderLookup = doIf(session -> session.contains("orderId")).then(
                pause(think.min(), think.max())
                        .exec(timed.timed(ORDER_LOOKUP, http(ORDER_LOOKUP).get(target.path("order").replace("{id}", "#{orderId}"))
                                .check(status().is(200), jsonPath("$.status").is("PAID")))));

        this.order = feed(ids.orderingFeeder(settings))
                .exec(session -> session.removeAll("orderId", RETRY_ORDER_ID, ORDER_STATUS))
                .exec(listBrand)
                .pause(think.min(), think.max())
                .exec(productDetail)
                .pause(think.min(), think.max())
                .exec(placeOrder, retryOrder, orderLookup);
    }

    /**
     * 201 with the order, or 409 when the item sold out: both are correct answers during a sale. The status and the
     * order id (saved as {@code orderIdKey}) are kept for the order log, whatever the answer.
     */
    private HttpRequestActionBuilder orderRequest(String name, String orderIdKey) {
        return http(name).post(target.path("orders"))
                .header("Idempotency-Key", "#{idempotencyKey}")
                .body(StringBody("{\"userId\":#{userId},\"productId\":#{productId},\"quantity\":#{quantity}}"))
                .check(status().saveAs(ORDER_STATUS), status().in(201, 409),
                        jsonPath("$.orderId").ofLong().optional().saveAs(orderIdKey));
    }

    /** Records the attempt just made as the client saw it; no status saved means no response came back. */
    private ChainBuilder logAttempt(boolean retry, String orderIdKey) {
        return exec(session -> {
            orderLog.record(new OrderAttempt(System.currentTimeMillis(), session.getString("idempotencyKey"),
                    session.getLong("productId"), session.getInt("quantity"),
                    session.contains(ORDER_STATUS) ? session.getInt(ORDER_STATUS) : null,
                    session.contains(orderIdKey) ? session.getLong(orderIdKey) : null, retry));
            return session.remove(ORDER_STATUS);
        });
    }
}
