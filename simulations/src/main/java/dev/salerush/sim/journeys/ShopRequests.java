package dev.salerush.sim.journeys;

import dev.salerush.sim.config.TargetSettings;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The requests layer: one builder per endpoint of the target's API (paths from {@code target.paths}), each written
 * once and used by every journey. Parameters come from the virtual user's session (Gatling EL); what a journey needs
 * from a response is saved under the session keys below. The journeys decide the order, the pauses and the names.
 */
public final class ShopRequests {
    /** Session keys the requests read. */
    public static final String BRAND_ID = "brandId";
    public static final String PRODUCT_ID = "productId";
    public static final String SORT = "sort";
    public static final String PAGE = "page";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Session key the product list saves: whether a next page exists. */
    public static final String HAS_NEXT = "hasNext";
    /** Session key an order's answer saves when it carried the service's served-by header ({@code target.servedByHeader}). */
    public static final String SERVED_BY = "servedBy";

    private final TargetSettings target;

    public ShopRequests(TargetSettings target) {
        this.target = target;
    }

    /** {@code GET products?brandId=&sort=&page=&size=} of the session's brand: 200, and {@link #HAS_NEXT} saved. */
    public HttpRequestActionBuilder productList(String name, String sort, String page, int size) {
        return http(name).get(target.path("products"))
                .queryParam("brandId", el(BRAND_ID)).queryParam("sort", sort)
                .queryParam("page", page).queryParam("size", size)
                .check(status().is(200), jsonPath("$.hasNext").ofBoolean().saveAs(HAS_NEXT));
    }

    /** A check for a product list: one product of the page, drawn at random, saved as {@link #PRODUCT_ID}. */
    public CheckBuilder pickedProduct() {
        return jsonPath("$.items[*].id").ofLong().findRandom().optional().saveAs(PRODUCT_ID);
    }

    /** {@code GET product/{id}} of the session's {@link #PRODUCT_ID}: 200 and the same id back. */
    public HttpRequestActionBuilder productDetail(String name) {
        return http(name).get(target.path("product").replace("{id}", el(PRODUCT_ID)))
                .check(status().is(200), jsonPath("$.id").ofLong().isEL(el(PRODUCT_ID)));
    }

    /**
     * {@code POST orders} with the session's Idempotency-Key, user, product and quantity. 201 with the order, or 409
     * when the item sold out: both are correct answers during a sale. The status is saved as {@code statusKey}, the
     * order id (when one came back) as {@code orderIdKey} and the service's served-by header (when the service itself
     * answered) as {@link #SERVED_BY}, whatever the answer.
     */
    public HttpRequestActionBuilder placeOrder(String name, String statusKey, String orderIdKey) {
        List<CheckBuilder> checks = new ArrayList<>(List.of(status().saveAs(statusKey),
                jsonPath("$.orderId").ofLong().optional().saveAs(orderIdKey)));
        if (!target.servedByHeader().isEmpty()) {
            checks.add(header(target.servedByHeader()).optional().saveAs(SERVED_BY));
        }
        // last: the status check failing must not keep the others from saving what the answer said
        checks.add(status().in(201, 409));
        return http(name).post(target.path("orders"))
                .header("Idempotency-Key", el(IDEMPOTENCY_KEY))
                .body(StringBody("{\"userId\":#{userId},\"productId\":#{productId},\"quantity\":#{quantity}}"))
                .check(checks);
    }

    /** {@code GET order/{id}} of the order saved as {@code orderIdKey}: 200 and status PAID. */
    public HttpRequestActionBuilder orderLookup(String name, String orderIdKey) {
        return http(name).get(target.path("order").replace("{id}", el(orderIdKey)))
                .check(status().is(200), jsonPath("$.status").is("PAID"));
    }

    /** A session attribute as a Gatling expression. */
    public static String el(String sessionKey) {
        return "#{" + sessionKey + "}";
    }
}
