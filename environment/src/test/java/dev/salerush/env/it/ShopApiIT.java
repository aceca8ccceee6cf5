package dev.salerush.env.it;

import org.junit.jupiter.api.Order;
import static dev.salerush.env.it.TestEnv.get;
import static dev.salerush.env.it.TestEnv.metric;
import static dev.salerush.env.it.TestEnv.order;
import static dev.salerush.env.it.TestEnv.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.demo.PaymentGatewayProcess;
import dev.salerush.shop.config.AdmissionSettings;
import dev.salerush.shop.config.ShopSettings;
import dev.salerush.shop.config.VersionSettings;
import dev.salerush.shop.config.Behaviour;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shop API against embedded PostgreSQL and the WireMock gateway, each shop part in its own process. */
@Order(ItLanes.LANE_ONE)
class ShopApiIT {

    record Fixture(long id, int salePrice, int discountRate, int createdHour) {
    }

    static final List<Fixture> ALPHA = new ArrayList<>();
    static EmbeddedDatabase db;
    static PaymentGatewayProcess gateway;
    static DemoShopProcess shop;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        db = TestEnv.database();
        try (Connection c = db.connect()) {
            TestEnv.brand(c, 1, "Alpha", 25);
            TestEnv.brand(c, 2, "Beta", 7);
            TestEnv.brand(c, 3, "Gamma", 0);
            for (int i = 1; i <= 25; i++) {
                int discount = (i * 7) % 5 * 10;
                Fixture f = new Fixture(100 + i, 10_000 * (100 - discount) / 100, discount, i % 6);
                ALPHA.add(f);
                TestEnv.product(c, f.id(), 1, 10_000, f.salePrice(), f.discountRate(), 50,
                        TestEnv.BASE_TIME.plusHours(f.createdHour()));
            }
            for (int i = 1; i <= 3; i++) {
                TestEnv.product(c, 200 + i, 2, 5_000, 4_000, 20, 50, TestEnv.BASE_TIME);
            }
            TestEnv.product(c, 301, 2, 2_000, 1_500, 25, 10, TestEnv.BASE_TIME); // concurrency
            TestEnv.product(c, 302, 2, 2_000, 1_500, 25, 100, TestEnv.BASE_TIME); // idempotency
            TestEnv.product(c, 303, 2, 2_000, 1_800, 10, 5, TestEnv.BASE_TIME); // happy path
            TestEnv.product(c, 304, 2, 2_000, 1_800, 10, 0, TestEnv.BASE_TIME); // sold out
            TestEnv.users(c, 100);
        }
        gateway = TestEnv.gateway("api-it-gateway");
        ShopSettings settings = TestEnv.shopSettings(db, gateway);
        shop = TestEnv.shop(settings, "api-it-shop");
        base = shop.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void brandsArePagedWithProductCounts() {
        JsonNode all = get(base, "/api/brands").json();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("id").asLong()).isEqualTo(1);
        assertThat(all.get(0).get("name").asText()).isEqualTo("Alpha");
        assertThat(all.get(0).get("productCount").asInt()).isEqualTo(25);
        JsonNode page = get(base, "/api/brands?offset=1&limit=1").json();
        assertThat(page).hasSize(1);
        assertThat(page.get(0).get("name").asText()).isEqualTo("Beta");
    }

    @ParameterizedTest
    @CsvSource({"discount", "newest", "price_asc", "price_desc"})
    void productListsAreSortedAndPagedWithHasNext(String sort) {
        List<Long> expected = ALPHA.stream().sorted(comparator(sort)).map(Fixture::id).toList();
        List<Long> seen = new ArrayList<>();
        boolean[] hasNext = new boolean[3];
        for (int page = 0; page < 3; page++) {
            JsonNode answer = get(base, "/api/products?brandId=1&sort=" + sort + "&page=" + page + "&size=10")
                    .json();
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(10);
            hasNext[page] = answer.get("hasNext").asBoolean();
            answer.get("items").forEach(item -> seen.add(item.get("id").asLong()));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(hasNext).containsExactly(true, true, false);
    }

    @Test
    void productListItemsHaveAllContractFields() {
        JsonNode item = get(base, "/api/products?brandId=1&sort=price_asc&size=1").json().get("items").get(0);
        assertThat(item.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "brandId", "brandName", "name",
                "price", "salePrice", "discountRate", "stock");
        assertThat(item.get("brandName").asText()).isEqualTo("Alpha");
    }

    @Test
    void listWithoutBrandCoversAllBrands() {
        JsonNode answer = get(base, "/api/products?sort=price_asc&size=100").json();
        assertThat(answer.get("items")).hasSize(25 + 7);
        assertThat(answer.get("hasNext").asBoolean()).isFalse();
        JsonNode exact = get(base, "/api/products?sort=newest&size=32").json();
        assertThat(exact.get("hasNext").asBoolean()).isFalse();
        assertThat(get(base, "/api/products?sort=newest&size=31").json().get("hasNext").asBoolean()).isTrue();
        assertThat(get(base, "/api/products?brandId=3").json().get("items")).isEmpty();
    }

    @Test
    void productDetailAndNotFound() {
        JsonNode p = get(base, "/api/products/303").json();
        assertThat(p.get("id").asLong()).isEqualTo(303);
        assertThat(p.get("brandName").asText()).isEqualTo("Beta");
        assertThat(p.get("description").asText()).isEqualTo("description of product 303");
        assertThat(p.get("salePrice").asInt()).isEqualTo(1_800);
        TestEnv.Response missing = get(base, "/api/products/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(get(base, "/api/orders/999999").status()).isEqualTo(404);
        assertThat(get(base, "/no/such/route").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/products?size=0, size",
            "/api/products?size=101, size",
            "/api/products?page=-1, page",
            "/api/products?page=x, page",
            "/api/products?sort=cheapest, sort",
            "/api/products?brandId=abc, brandId",
            "/api/products/abc, id",
            "/api/orders/12x, id",
            "/api/brands?limit=0, limit",
            "/api/brands?offset=-5, offset"})
    void badParametersAre400NamingTheField(String path, String field) {
        TestEnv.Response r = get(base, path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(r.json().get("error").asText()).isEqualTo("INVALID_PARAMETER");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"userId\":1,\"productId\":303,\"quantity\":0}   | quantity",
            "{\"userId\":1,\"productId\":303,\"quantity\":11}  | quantity",
            "{\"userId\":1,\"productId\":303}                  | quantity",
            "{\"userId\":\"x\",\"productId\":303,\"quantity\":1} | userId",
            "{\"userId\":1,\"quantity\":1}                     | productId",
            "{\"userId\":99999,\"productId\":303,\"quantity\":1} | userId",
            "{\"userId\":1,\"productId\":99999,\"quantity\":1} | productId",
            "not json                                          | body"})
    void badOrdersAre400NamingTheField(String body, String field) throws Exception {
        TestEnv.Response r = order(base, UUID.randomUUID().toString(), body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void missingIdempotencyKeyIs400() {
        TestEnv.Response r = order(base, null, 1, 303, 1);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(order(base, "has space", 1, 303, 1).json().get("field").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void orderHappyPathTakesStockAndRecordsThePayment() throws Exception {
        long paymentsBefore = gateway.admin().paymentRequestCount();
        String key = UUID.randomUUID().toString();
        TestEnv.Response r = order(base, key, 7, 303, 2);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode placed = r.json();
        long orderId = placed.get("orderId").asLong();
        assertThat(placed.get("status").asText()).isEqualTo("PAID");
        assertThat(placed.get("amount").asLong()).isEqualTo(3_600);

        assertThat(scalar(db, "SELECT stock FROM product WHERE id = 303")).isEqualTo(3);
        assertThat(scalar(db, "SELECT count(*) FROM payment WHERE order_id = ? AND status = 'APPROVED'"
                + " AND amount = 3600 AND payment_ref = ?", orderId, "pay-" + key)).isEqualTo(1);
        assertThat(gateway.admin().paymentRequestCount()).isEqualTo(paymentsBefore + 1);

        JsonNode read = get(base, "/api/orders/" + orderId).json();
        assertThat(read.get("orderId").asLong()).isEqualTo(orderId);
        assertThat(read.get("userId").asLong()).isEqualTo(7);
        assertThat(read.get("productId").asLong()).isEqualTo(303);
        assertThat(read.get("quantity").asInt()).isEqualTo(2);
        assertThat(read.get("amount").asLong()).isEqualTo(3_600);
        assertThat(read.get("status").asText()).isEqualTo("PAID");
        assertThat(read.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    }

    @Test
    void soldOutIs409AndWritesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        TestEnv.Response r = order(base, key, 1, 304, 1);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(scalar(db, "SELECT count(*) FROM orders WHERE idempotency_key = ?", key)).isZero();
    }

    @Test
    void concurrentOrdersNeverOversell() throws Exception {
        int threads = 50;
        List<TestEnv.Response> results = runConcurrently(threads, i -> order(base, UUID.randomUUID().toString(),
                1 + i, 301, 1));
        long created = results.stream().filter(r -> r.status() == 201).count();
        long soldOut = results.stream().filter(r -> r.status() == 409).count();
        assertThat(created).isEqualTo(10);
        assertThat(soldOut).isEqualTo(threads - 10);
        assertThat(scalar(db, "SELECT stock FROM product WHERE id = 301")).isZero();
        assertThat(scalar(db, "SELECT coalesce(sum(quantity), 0) FROM orders WHERE product_id = 301")).isEqualTo(10);
        assertThat(scalar(db, "SELECT count(*) FROM payment p JOIN orders o ON o.id = p.order_id"
                + " WHERE o.product_id = 301")).isEqualTo(10);
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        List<TestEnv.Response> results = runConcurrently(20, i -> order(base, key, 3, 302, 1));
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        Set<Long> orderIds = new HashSet<>();
        results.forEach(r -> orderIds.add(r.json().get("orderId").asLong()));
        assertThat(orderIds).hasSize(1);
        assertThat(scalar(db, "SELECT count(*) FROM orders WHERE idempotency_key = ?", key)).isEqualTo(1);
        assertThat(scalar(db, "SELECT stock FROM product WHERE id = 302")).isEqualTo(99);
        // A later retry still answers the same order.
        assertThat(order(base, key, 3, 302, 1).json().get("orderId").asLong()).isEqualTo(orderIds.iterator().next());
    }

    @Test
    void healthChecksTheDatabase() {
        TestEnv.Response r = get(base, "/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthShowsTheVersion() {
        TestEnv.Response r = get(base, "/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("version").asText()).isEqualTo("v1");
        assertThat(metric(get(base, "/metrics").body(), "jvm_threads_live_threads", "application=\"demo-shop\"",
                "version=\"v1\"")).isPositive();
    }

    @Test
    void brokenOrdersVersionFailsOrdersWith500ButStaysHealthy() throws Exception {
        ShopSettings settings = TestEnv.shopSettings(db, gateway).withVersion(
                new VersionSettings("v2-broken-orders", Behaviour.BROKEN_ORDERS, VersionSettings.DEFAULT_SLOW_DELAY));
        try (DemoShopProcess broken = TestEnv.shop(settings, "api-it-shop-broken-orders")) {
            String url = broken.baseUrl();
            long paymentsBefore = gateway.admin().paymentRequestCount();
            String key = UUID.randomUUID().toString();

            TestEnv.Response r = order(url, key, 1, 303, 1);
            assertThat(r.status()).as(r.body()).isEqualTo(500);
            assertThat(r.json().get("error").asText()).isEqualTo("INTERNAL_ERROR");
            assertThat(scalar(db, "SELECT count(*) FROM orders WHERE idempotency_key = ?", key)).isZero();
            assertThat(gateway.admin().paymentRequestCount()).isEqualTo(paymentsBefore);

            assertThat(get(url, "/api/products/303").status()).isEqualTo(200);
            TestEnv.Response health = get(url, "/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().get("version").asText()).isEqualTo("v2-broken-orders");
            assertThat(metric(get(url, "/metrics").body(), "http_server_requests_seconds_count",
                    "route=\"/api/orders\"", "status=\"500\"", "version=\"v2-broken-orders\"")).isEqualTo(1);
        }
    }

    @Test
    void emptyListsVersionAnswersEmptyProductListsSilently() {
        ShopSettings settings = TestEnv.shopSettings(db, gateway).withVersion(
                new VersionSettings("v2-empty-lists", Behaviour.EMPTY_LISTS, VersionSettings.DEFAULT_SLOW_DELAY));
        try (DemoShopProcess empty = TestEnv.shop(settings, "api-it-shop-empty-lists")) {
            String url = empty.baseUrl();
            TestEnv.Response r = get(url, "/api/products?brandId=1&sort=newest&page=1&size=10");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("items")).isEmpty();
            assertThat(r.json().get("hasNext").asBoolean()).isFalse();
            assertThat(r.json().get("page").asInt()).isEqualTo(1);
            assertThat(r.json().get("size").asInt()).isEqualTo(10);
            assertThat(get(url, "/api/products?size=0").status()).as("still validated").isEqualTo(400);
            assertThat(get(url, "/api/products/101").status()).as("details unaffected").isEqualTo(200);
            assertThat(get(url, "/health").status()).isEqualTo(200);
        }
    }

    @Test
    void anOverloadedShopShedsWith503AndStaysAlive() throws Exception {
        ShopSettings settings = TestEnv.shopSettings(db, gateway)
                .withVersion(new VersionSettings("v1-slow", Behaviour.SLOW, Duration.ofMillis(500)))
                .withAdmission(new AdmissionSettings(1, 0, Duration.ofMillis(50), Duration.ofSeconds(1)));
        try (DemoShopProcess slow = TestEnv.shop(settings, "api-it-shop-overloaded")) {
            String url = slow.baseUrl();
            List<TestEnv.Response> results = runConcurrently(8, i -> get(url, "/api/brands"));

            List<TestEnv.Response> shed = results.stream().filter(r -> r.status() == 503).toList();
            assertThat(shed).as("some requests shed").isNotEmpty();
            assertThat(results).as("the rest served").anySatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(results).allSatisfy(r -> assertThat(r.status()).isIn(200, 503));
            assertThat(shed).allSatisfy(r -> {
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.json().get("error").asText()).isEqualTo("OVERLOADED");
            });

            TestEnv.Response health = get(url, "/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("version").asText()).isEqualTo("v1-slow");
            String m = get(url, "/metrics").body();
            assertThat(metric(m, "shop_shed_requests_total", "reason=\"queue_full\"")).isEqualTo(shed.size());
            assertThat(metric(m, "shop_admission_in_flight")).isZero();
            assertThat(metric(m, "shop_admission_queued")).isZero();
            assertThat(get(url, "/api/brands").status()).as("serves again once the burst is over").isEqualTo(200);
        }
    }

    @Test
    void metricsExposeRequestsPoolsJvmAndBreaker() {
        get(base, "/api/products/101");
        get(base, "/api/products/101");
        TestEnv.Response r = get(base, "/metrics");
        assertThat(r.status()).isEqualTo(200);
        String m = r.body();
        assertThat(metric(m, "http_server_requests_seconds_count", "route=\"/api/products/{id}\"",
                "method=\"GET\"", "status=\"200\"")).isGreaterThanOrEqualTo(2);
        assertThat(m).contains("http_server_requests_seconds_bucket{");
        assertThat(metric(m, "hikaricp_connections_max", "pool=\"browse\"")).isEqualTo(4);
        assertThat(metric(m, "hikaricp_connections_max", "pool=\"order\"")).isEqualTo(12);
        assertThat(m).contains("hikaricp_connections_acquire_seconds_count{");
        assertThat(m).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "process_cpu_usage",
                "jvm_gc_");
        assertThat(metric(m, "resilience4j_circuitbreaker_state", "name=\"payment\"", "state=\"closed\""))
                .isEqualTo(1);
        assertThat(m).contains("resilience4j_circuitbreaker_calls_seconds_count{");
        assertThat(m).contains("shop_orders_total{");
    }

    interface Call {
        TestEnv.Response call(int i);
    }

    static List<TestEnv.Response> runConcurrently(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestEnv.Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call(n);
                }));
            }
            go.countDown();
            List<TestEnv.Response> results = new ArrayList<>();
            for (Future<TestEnv.Response> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static Comparator<Fixture> comparator(String sort) {
        Comparator<Fixture> byId = Comparator.comparingLong(Fixture::id);
        return switch (sort) {
            case "discount" -> Comparator.comparingInt(Fixture::discountRate).reversed().thenComparing(byId);
            case "newest" -> Comparator.comparingInt(Fixture::createdHour).reversed().thenComparing(byId);
            case "price_asc" -> Comparator.comparingInt(Fixture::salePrice).thenComparing(byId);
            case "price_desc" -> Comparator.comparingInt(Fixture::salePrice).thenComparing(byId).reversed();
            default -> throw new IllegalArgumentException(sort);
        };
    }
}
