package dev.salerush.env.it;

import org.junit.jupiter.api.Order;
import static dev.salerush.env.it.TestEnv.get;
import static dev.salerush.env.it.TestEnv.metric;
import static dev.salerush.env.it.TestEnv.order;
import static dev.salerush.env.it.TestEnv.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.shop.config.BreakerSettings;
import dev.salerush.shop.config.ShopSettings;
import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.demo.GatewayAdmin;
import dev.salerush.env.demo.PaymentGatewayProcess;
import dev.salerush.shop.payment.HttpPaymentGateway;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gateway faults switched at runtime through WireMock's admin API; the deliberately broken stock check. */
@Order(ItLanes.LANE_ONE + 1)
class PaymentFaultsIT {

    static EmbeddedDatabase db;
    static PaymentGatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        db = TestEnv.database();
        try (Connection c = db.connect()) {
            TestEnv.brand(c, 1, "Alpha", 2);
            TestEnv.product(c, 1, 1, 1_000, 900, 10, 100, TestEnv.BASE_TIME);
            TestEnv.product(c, 2, 1, 1_000, 900, 10, 10, TestEnv.BASE_TIME);
            TestEnv.users(c, 100);
        }
        gateway = TestEnv.gateway("faults-it-gateway");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void gatewayFaultsRollBackEverythingAndTripTheBreakerUntilTheGatewayRecovers() throws Exception {
        ShopSettings settings = TestEnv.shopSettings(db, gateway)
                .withGatewayTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
                .withBreaker(new BreakerSettings(10, 4, 50, Duration.ofSeconds(1), 50, Duration.ofSeconds(2), 2));
        try (DemoShopProcess shop = TestEnv.shop(settings, "faults-it-shop")) {
            String base = shop.baseUrl();
            assertThat(order(base, UUID.randomUUID().toString(), 1, 1, 1).status()).isEqualTo(201);
            long stock = scalar(db, "SELECT stock FROM product WHERE id = 1");

            gateway.admin().connectionReset();
            assertPaymentUnavailableAndNothingWritten(base, stock);
            gateway.admin().fixedDelay(Duration.ofMillis(1500));
            assertPaymentUnavailableAndNothingWritten(base, stock);
            gateway.admin().failWithStatus(500);
            assertPaymentUnavailableAndNothingWritten(base, stock);
            assertPaymentUnavailableAndNothingWritten(base, stock);
            assertThat(breakerState(base, "open")).isEqualTo(1);

            // Open: the gateway is not even called, so there is nothing to void either.
            long calls = gateway.admin().paymentRequestCount();
            long voids = gateway.admin().voidRequestCount();
            assertPaymentUnavailableAndNothingWritten(base, stock);
            assertThat(gateway.admin().paymentRequestCount()).isEqualTo(calls);
            assertThat(gateway.admin().voidRequestCount()).isEqualTo(voids);
            assertThat(metric(get(base, "/metrics").body(), "resilience4j_circuitbreaker_not_permitted_calls_total",
                    "name=\"payment\"")).isGreaterThanOrEqualTo(1);

            gateway.admin().clearFaults();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (breakerState(base, "half_open") != 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(breakerState(base, "half_open")).as("automatic OPEN -> HALF_OPEN").isEqualTo(1);
            assertThat(order(base, UUID.randomUUID().toString(), 2, 1, 1).status()).isEqualTo(201);
            assertThat(order(base, UUID.randomUUID().toString(), 3, 1, 1).status()).isEqualTo(201);
            assertThat(breakerState(base, "closed")).isEqualTo(1);
            assertThat(scalar(db, "SELECT stock FROM product WHERE id = 1")).isEqualTo(stock - 2);
        } finally {
            gateway.admin().clearFaults();
        }
    }

    /**
     * A charge the shop timed out on may have been made anyway: the shop voids it by its idempotency key before it
     * answers 503, so the gateway's journal holds the charge and its void. A void that times out too is still sent
     * (the gateway logs it on arrival), counted as failed, and logged for reconciliation with the key.
     */
    @Test
    void aChargeTheShopTimedOutOnIsVoidedByItsKeyBeforeThe503() throws Exception {
        // default breaker (10 calls at least): these two failures leave it closed
        ShopSettings settings = TestEnv.shopSettings(db, gateway)
                .withGatewayTimeouts(Duration.ofMillis(500), Duration.ofMillis(500));
        try (DemoShopProcess shop = TestEnv.shop(settings, "voids-it-shop")) {
            String base = shop.baseUrl();
            long stock = scalar(db, "SELECT stock FROM product WHERE id = 1");

            // slower than the shop's 500 ms charge timeout, quicker than its void timeout
            gateway.admin().fixedDelay(Duration.ofMillis(750));
            String voidedKey = assertPaymentUnavailableAndNothingWritten(base, stock);
            assertChargedAndVoided(voidedKey);
            assertThat(voids(base, "voided")).isEqualTo(1);
            assertThat(voids(base, "failed")).isZero();

            // slower than both timeouts: the void reaches the gateway, but the shop cannot know it worked
            gateway.admin().fixedDelay(HttpPaymentGateway.VOID_TIMEOUT.plusMillis(500));
            String unconfirmedKey = assertPaymentUnavailableAndNothingWritten(base, stock);
            assertChargedAndVoided(unconfirmedKey);
            assertThat(voids(base, "voided")).isEqualTo(1);
            assertThat(voids(base, "failed")).isEqualTo(1);
            assertThat(Files.readString(TestEnv.logDir().resolve("voids-it-shop.log")))
                    .containsPattern("WARN .*RECONCILE: .*Idempotency-Key " + unconfirmedKey);
        } finally {
            gateway.admin().clearFaults();
        }
    }

    @Test
    void deliberatelyBrokenVariantsOversellAndSlowDown() throws Exception {
        ShopSettings settings = TestEnv.shopSettings(db, gateway)
                .withUnsafeStockCheck(true)
                .withArtificialDelay(Duration.ofMillis(300));
        DemoShopProcess shop = TestEnv.shop(settings, "broken-it-shop");
        try (shop) {
            String base = shop.baseUrl();
            List<TestEnv.Response> results = ShopApiIT.runConcurrently(40,
                    i -> order(base, UUID.randomUUID().toString(), 1 + i, 2, 1));
            long created = results.stream().filter(r -> r.status() == 201).count();
            long sold = scalar(db, "SELECT coalesce(sum(quantity), 0) FROM orders WHERE product_id = 2");
            assertThat(created).isEqualTo(sold);
            assertThat(sold).as("orders beyond the stock of 10 (lost updates)").isGreaterThan(10);

            long start = System.nanoTime();
            assertThat(get(base, "/api/products/1").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            long healthStart = System.nanoTime();
            get(base, "/health");
            assertThat(Duration.ofNanos(System.nanoTime() - healthStart)).isLessThan(Duration.ofMillis(300));
        }
        // Closed: the process is gone and its port is free.
        assertThat(shop.processHandle().isAlive()).isFalse();
        assertThat(dev.salerush.env.process.FreePorts.isFree(shop.port())).isTrue();
    }

    /** @return the idempotency key of the refused order */
    private static String assertPaymentUnavailableAndNothingWritten(String base, long stock) throws Exception {
        String key = UUID.randomUUID().toString();
        TestEnv.Response r = order(base, key, 9, 1, 1);
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("PAYMENT_UNAVAILABLE");
        assertThat(scalar(db, "SELECT count(*) FROM orders WHERE idempotency_key = ?", key)).isZero();
        assertThat(scalar(db, "SELECT stock FROM product WHERE id = 1")).isEqualTo(stock);
        assertThat(scalar(db, "SELECT count(*) FROM payment")).isEqualTo(scalar(db, "SELECT count(*) FROM orders"));
        return key;
    }

    /** The gateway's journal holds one charge under {@code key} and one void of that same order's charge. */
    private static void assertChargedAndVoided(String key) {
        List<GatewayAdmin.Payment> charges = gateway.admin().payments().stream()
                .filter(p -> key.equals(p.idempotencyKey())).toList();
        List<GatewayAdmin.PaymentVoid> voids = gateway.admin().voids().stream()
                .filter(v -> key.equals(v.idempotencyKey())).toList();
        assertThat(charges).hasSize(1);
        assertThat(voids).containsExactly(new GatewayAdmin.PaymentVoid(charges.get(0).orderId(), key));
    }

    private static double voids(String base, String outcome) {
        return metric(get(base, "/metrics").body(), "shop_payment_voids_total", "outcome=\"" + outcome + "\"");
    }

    private static double breakerState(String base, String state) {
        return metric(get(base, "/metrics").body(), "resilience4j_circuitbreaker_state", "name=\"payment\"",
                "state=\"" + state + "\"");
    }
}
