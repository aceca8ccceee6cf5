package dev.salerush.example.goods;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The requests layer of the goods API: one builder per endpoint, parameters from the virtual user's session, and
 * what a journey needs from a response saved under the session keys below. Paths and JSON shapes are this API's own;
 * nothing here is the demo shop's.
 */
final class GoodsRequests {
    /** Session keys: from the brands feeder (the CSV header) and set by the journey. */
    static final String BRAND = "brandCode";
    static final String SORT = "sort";
    static final String OFFSET = "offset";
    static final String MEMBER = "memberNo";
    static final String REQUEST_ID = "requestId";
    /** Saved from responses. */
    static final String GOODS_NO = "goodsNo";
    static final String TOTAL = "total";
    static final String PURCHASE_STATUS = "purchaseStatus";
    static final String PURCHASE_NO = "purchaseNo";
    /** Units every purchase asks for. */
    static final int QTY = 1;

    private final int limit;

    GoodsRequests(int limit) {
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** {@code GET /v1/goods?brand=&sort=&offset=&limit=}: 200, the paging total saved, one goods item picked. */
    HttpRequestActionBuilder goodsList(String name) {
        return http(name).get("/v1/goods")
                .queryParam("brand", el(BRAND)).queryParam("sort", el(SORT))
                .queryParam("offset", el(OFFSET)).queryParam("limit", limit)
                .check(status().is(200), jsonPath("$.data.paging.total").ofInt().saveAs(TOTAL), pickedGoods());
    }

    /** {@code GET /v1/goods/{goodsNo}}: 200 and the same goods number back. */
    HttpRequestActionBuilder goodsDetail(String name) {
        return http(name).get("/v1/goods/" + el(GOODS_NO))
                .check(status().is(200), jsonPath("$.data.goodsNo").isEL(el(GOODS_NO)));
    }

    /**
     * {@code POST /v1/purchases} with the session's X-Request-Id: 201 with a COMPLETED purchase, or 409 SOLD_OUT — both
     * correct answers during a sale. Whatever the status, it is saved, and so is the purchase number when the response
     * has one: the order integrity check compares them with the stand-in's database.
     */
    HttpRequestActionBuilder purchase(String name) {
        return http(name).post("/v1/purchases")
                .header("X-Request-Id", el(REQUEST_ID))
                .body(StringBody("{\"memberNo\":\"" + el(MEMBER) + "\",\"goodsNo\":\"" + el(GOODS_NO)
                        + "\",\"qty\":" + QTY + "}"))
                .check(status().saveAs(PURCHASE_STATUS), status().in(201, 409),
                        jsonPath("$.data.purchaseNo").optional().saveAs(PURCHASE_NO));
    }

    /** One goods item of the page, drawn at random. */
    private static CheckBuilder pickedGoods() {
        return jsonPath("$.data.goods[*].goodsNo").findRandom().saveAs(GOODS_NO);
    }

    static String el(String sessionKey) {
        return "#{" + sessionKey + "}";
    }
}
