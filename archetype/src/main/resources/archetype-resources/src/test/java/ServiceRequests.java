package ${package};

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The requests layer: one builder per endpoint of the service, its parameters read from the virtual user's session,
 * and what the journey needs from a response saved into it. Change the paths, parameters and checks to your API's.
 * Every request after the login carries the user's bearer token.
 */
final class ServiceRequests {
    /** Session keys: from the feeders (the CSV headers) and set by the journey. */
    static final String USERNAME = "username";
    static final String BRAND = "brandCode";
    static final String SORT = "sort";
    static final String OFFSET = "offset";
    static final String REQUEST_ID = "requestId";
    /** Saved from responses. */
    static final String TOKEN = "accessToken";
    static final String TOTAL = "total";
    static final String GOODS_NO = "goodsNo";
    static final String PURCHASE_STATUS = "purchaseStatus";
    static final String PURCHASE_NO = "purchaseNo";
    /** Units every purchase asks for. */
    static final int QTY = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String password;
    private final int pageSize;

    /** {@code password}: the test accounts' password (a secret from the environment, never in a file). */
    ServiceRequests(String password, int pageSize) {
        this.password = password;
        this.pageSize = pageSize;
    }

    int pageSize() {
        return pageSize;
    }

    /** {@code POST /v1/login {"username","password"}}: 200 with the token every later request sends. */
    HttpRequestActionBuilder login(String name) {
        return http(name).post("/v1/login")
                .body(StringBody(session -> json(Map.of("username", session.getString(USERNAME), "password", password))))
                .check(status().is(200), jsonPath("$.data.accessToken").saveAs(TOKEN));
    }

    /** {@code GET /v1/goods?brand&sort&offset&limit}: 200, the paging total saved, one goods item of the page picked. */
    HttpRequestActionBuilder goodsList(String name) {
        return withToken(http(name).get("/v1/goods")
                .queryParam("brand", session -> session.getString(BRAND))
                .queryParam("sort", session -> session.getString(SORT))
                .queryParam("offset", session -> session.getInt(OFFSET))
                .queryParam("limit", pageSize)
                .check(status().is(200), jsonPath("$.data.paging.total").ofInt().saveAs(TOTAL),
                        jsonPath("$.data.goods[*].goodsNo").findRandom().saveAs(GOODS_NO)));
    }

    /** {@code GET /v1/goods/{goodsNo}}: 200 and the same goods number back. */
    HttpRequestActionBuilder goodsDetail(String name) {
        return withToken(http(name).get(session -> "/v1/goods/" + session.getString(GOODS_NO))
                .check(status().is(200), jsonPath("$.data.goodsNo").is(session -> session.getString(GOODS_NO))));
    }

    /**
     * {@code POST /v1/purchases} with the session's request id as idempotency key: 201 with a purchase number, or 409
     * SOLD_OUT, both correct answers during a sale. The status is saved whatever it is, and the purchase number when
     * there is one: the suite's order integrity check compares them with your database.
     */
    HttpRequestActionBuilder purchase(String name) {
        return withToken(http(name).post("/v1/purchases")
                .header("X-Request-Id", session -> session.getString(REQUEST_ID))
                .body(StringBody(session -> json(Map.of("goodsNo", session.getString(GOODS_NO), "qty", QTY))))
                .check(status().saveAs(PURCHASE_STATUS), status().in(201, 409),
                        jsonPath("$.data.purchaseNo").optional().saveAs(PURCHASE_NO)));
    }

    /** The logged-in user's token, as the service wants it on every request after the login. */
    private static HttpRequestActionBuilder withToken(HttpRequestActionBuilder request) {
        return request.header("Authorization", ServiceRequests::bearer);
    }

    private static String bearer(Session session) {
        return "Bearer " + session.getString(TOKEN);
    }

    private static String json(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a request body: " + e.getMessage(), e);
        }
    }
}
