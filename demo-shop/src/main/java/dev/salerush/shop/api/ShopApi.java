package dev.salerush.shop.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.shop.catalog.ProductCatalog;
import dev.salerush.shop.catalog.ProductPage;
import dev.salerush.shop.catalog.ProductSort;
import dev.salerush.shop.order.OrderOutcome;
import dev.salerush.shop.order.OrderService;
import dev.salerush.shop.order.PlaceOrder;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The HTTP handlers: read and validate parameters, call the catalog or the order service, write the answer. No
 * business logic here.
 */
public final class ShopApi {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Keys travel to the gateway and into the database: printable, no quotes, at most 128 characters. */
    private static final Pattern KEY_PATTERN = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_QUANTITY = 10;

    private final ProductCatalog catalog;
    private final OrderService orders;
    private final ObjectMapper json;

    public ShopApi(ProductCatalog catalog, OrderService orders, ObjectMapper json) {
        this.catalog = catalog;
        this.orders = orders;
        this.json = json;
    }

    /** GET /api/brands?offset=&limit= */
    public void brands(Context ctx) throws SQLException {
        int offset = Params.intParam("offset", ctx.queryParam("offset"), 0, 0, Integer.MAX_VALUE);
        int limit = Params.intParam("limit", ctx.queryParam("limit"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        ctx.json(catalog.brands(offset, limit));
    }

    /** GET /api/products?brandId=&sort=&page=&size= */
    public void products(Context ctx) throws SQLException {
        ProductQuery q = productQuery(ctx);
        ctx.json(catalog.products(q.brandId(), q.sort(), q.page(), q.size()));
    }

    /**
     * GET /api/products as the {@code empty-lists} version answers it: the same validation (400s included), then
     * 200 with no items and hasNext=false, without asking the database.
     */
    public void emptyProducts(Context ctx) {
        ProductQuery q = productQuery(ctx);
        ctx.json(new ProductPage(List.of(), q.page(), q.size(), false));
    }

    private record ProductQuery(OptionalLong brandId, ProductSort sort, int page, int size) {
    }

    private static ProductQuery productQuery(Context ctx) {
        String rawBrand = ctx.queryParam("brandId");
        OptionalLong brandId = rawBrand == null || rawBrand.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(Params.id("brandId", rawBrand));
        String rawSort = ctx.queryParam("sort");
        ProductSort sort = rawSort == null || rawSort.isEmpty()
                ? ProductSort.DISCOUNT
                : ProductSort.fromApiName(rawSort).orElseThrow(() -> ApiException.badRequest("sort",
                        "sort must be one of " + ProductSort.apiNames()));
        int page = Params.intParam("page", ctx.queryParam("page"), 0, 0, 1_000_000);
        int size = Params.intParam("size", ctx.queryParam("size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new ProductQuery(brandId, sort, page, size);
    }

    /** GET /api/products/{id} */
    public void product(Context ctx) throws SQLException {
        long id = Params.id("id", ctx.pathParam("id"));
        ctx.json(catalog.product(id).orElseThrow(() -> ApiException.notFound("PRODUCT_NOT_FOUND")));
    }

    /** POST /api/orders  (Idempotency-Key header; body {userId, productId, quantity}) */
    public void placeOrder(Context ctx) throws SQLException {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null || key.isBlank()) {
            throw ApiException.badRequest(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY + " header is required");
        }
        if (!KEY_PATTERN.matcher(key).matches()) {
            throw ApiException.badRequest(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must be 1..128 characters of [A-Za-z0-9._:-] (e.g. a UUID)");
        }
        JsonNode body = parseBody(ctx);
        long userId = Params.jsonLong(body, "userId", 1, Long.MAX_VALUE);
        long productId = Params.jsonLong(body, "productId", 1, Long.MAX_VALUE);
        int quantity = (int) Params.jsonLong(body, "quantity", 1, MAX_QUANTITY);

        OrderOutcome outcome = orders.place(new PlaceOrder(key, userId, productId, quantity));
        if (outcome instanceof OrderOutcome.Placed p) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("orderId", p.orderId());
            answer.put("status", p.status());
            answer.put("amount", p.amount());
            ctx.status(201).json(answer);
        } else if (outcome instanceof OrderOutcome.OutOfStock) {
            ctx.status(409).json(ApiError.of("OUT_OF_STOCK"));
        } else if (outcome instanceof OrderOutcome.PaymentUnavailable) {
            ctx.status(503).json(ApiError.of("PAYMENT_UNAVAILABLE"));
        } else if (outcome instanceof OrderOutcome.UnknownReference r) {
            throw ApiException.badRequest(r.field(), r.field() + " does not exist");
        }
    }

    /** GET /api/orders/{id} */
    public void order(Context ctx) throws SQLException {
        long id = Params.id("id", ctx.pathParam("id"));
        ctx.json(orders.order(id).orElseThrow(() -> ApiException.notFound("ORDER_NOT_FOUND")));
    }

    private JsonNode parseBody(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) {
            throw ApiException.badRequest("body", "a JSON body {userId, productId, quantity} is required");
        }
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("body", "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "the body is not valid JSON");
        }
    }
}
