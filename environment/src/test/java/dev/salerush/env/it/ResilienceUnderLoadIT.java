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
import dev.salerush.env.demo.PaymentGatewayProcess;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The demo shop under a payment-gateway fault while load runs: browsers and buyers hit it without pause, the gateway
 * turns slow (WireMock admin API) and recovers. Browsing must keep its pace (its pool is not the order pool), orders
 * must fail fast with 503 once the breaker is open and leave nothing half-written, and the breaker must close again.
 */
@Order(ItLanes.LANE_ONE + 4)
class ResilienceUnderLoadIT {
    private static final int PRODUCTS = 20;
    private static final int STOCK = 100_000;
    /** Browsing would queue behind 200 ms payments if it shared the order pool; healthy it takes ~10 ms. */
    private static final long BROWSING_P95_BOUND_MS = 100;

    /** One request the load made. */
    record Sample(String phase, String kind, int status, long millis, long orderId) {
    }

    @Test
    void aSlowGatewayOpensTheBreakerWithoutSlowingBrowsingAndTheShopRecovers() throws Exception {
        try (EmbeddedDatabase db = TestEnv.database();
             PaymentGatewayProcess gateway = TestEnv.gateway("resilience-it-gateway")) {
            try (Connection c = db.connect()) {
                TestEnv.brand(c, 1, "Alpha", PRODUCTS);
                for (int id = 1; id <= PRODUCTS; id++) {
                    TestEnv.product(c, id, 1, 1_000, 900, 10, STOCK, TestEnv.BASE_TIME.plusMinutes(id));
                }
                TestEnv.users(c, 1_000);
            }
            // a 200 ms gateway is slow but not a "slow call" (1 s): the breaker stays closed and every order holds an
            // order-pool connection for 200 ms, so six buyers keep the four-connection order pool saturated
            ShopSettings settings = TestEnv.shopSettings(db, gateway)
                    .withPools(4, 4)
                    .withGatewayTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
                    .withBreaker(new BreakerSettings(10, 4, 50, Duration.ofSeconds(1), 50, Duration.ofSeconds(2), 2));
            try (DemoShopProcess shop = TestEnv.shop(settings, "resilience-it-shop")) {
                String base = shop.baseUrl();
                Load load = new Load(base);
                load.start(3, 6);
                try {
                    load.phase("healthy", Duration.ofSeconds(3));
                    gateway.admin().fixedDelay(Duration.ofMillis(200));
                    load.phase("slow gateway", Duration.ofSeconds(4));
                    assertThat(breakerState(base, "closed")).as("a slow but working gateway keeps the breaker closed")
                            .isEqualTo(1);
                    gateway.admin().fixedDelay(Duration.ofSeconds(2));
                    load.phase("gateway timing out", Duration.ZERO);
                    awaitBreaker(base, "open");
                    load.phase("breaker open", Duration.ofSeconds(3));
                    gateway.admin().clearFaults();
                    load.phase("recovering", Duration.ZERO);
                    awaitBreaker(base, "closed");
                    load.phase("recovered", Duration.ofSeconds(3));
                } finally {
                    load.stop();
                    gateway.admin().clearFaults();
                }

                List<Sample> samples = load.samples();
                for (String phase : List.of("slow gateway", "breaker open")) {
                    List<Sample> browsing = select(samples, phase, "browse");
                    assertThat(browsing).as("browsing in phase " + phase).isNotEmpty()
                            .allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
                    assertThat(p95(browsing)).as("browsing p95 (ms) in phase " + phase + " vs healthy "
                            + p95(select(samples, "healthy", "browse"))).isLessThanOrEqualTo(BROWSING_P95_BOUND_MS);
                }
                assertThat(select(samples, "slow gateway", "order")).as("slow orders still succeed")
                        .anySatisfy(s -> assertThat(s.status()).isEqualTo(201));
                List<Sample> openOrders = select(samples, "breaker open", "order");
                assertThat(openOrders).isNotEmpty().allSatisfy(s -> assertThat(s.status()).isEqualTo(503));
                assertThat(p95(openOrders)).as("orders fail fast while the breaker is open (ms)").isLessThan(300);
                assertThat(select(samples, "recovered", "order")).as("orders succeed again")
                        .anySatisfy(s -> assertThat(s.status()).isEqualTo(201));

                // nothing half-written: exactly the orders the clients saw succeed, each paid once, stock balanced
                long created = samples.stream().filter(s -> s.kind().equals("order") && s.status() == 201).count();
                assertThat(scalar(db, "SELECT count(*) FROM orders")).isEqualTo(created);
                assertThat(scalar(db, "SELECT count(*) FROM orders WHERE status = 'PAID'")).isEqualTo(created);
                assertThat(scalar(db, "SELECT count(*) FROM payment")).isEqualTo(created);
                assertThat(scalar(db, "SELECT sum(stock) FROM product") + scalar(db, "SELECT coalesce(sum(quantity), 0) FROM orders"))
                        .isEqualTo((long) PRODUCTS * STOCK);
            }
        }
    }

    private static List<Sample> select(List<Sample> samples, String phase, String kind) {
        Predicate<Sample> wanted = s -> s.phase().equals(phase) && s.kind().equals(kind);
        return samples.stream().filter(wanted).toList();
    }

    private static long p95(List<Sample> samples) {
        long[] sorted = samples.stream().mapToLong(Sample::millis).sorted().toArray();
        return sorted.length == 0 ? -1 : sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

    private static void awaitBreaker(String base, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (breakerState(base, state) != 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(breakerState(base, state)).as("breaker " + state).isEqualTo(1);
    }

    private static double breakerState(String base, String state) {
        return metric(get(base, "/metrics").body(), "resilience4j_circuitbreaker_state", "name=\"payment\"",
                "state=\"" + state + "\"");
    }

    /** Closed-loop browsers and buyers, each request tagged with the phase it started in. */
    static final class Load {
        private final String base;
        private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile String phase = "starting";
        private volatile boolean running = true;

        Load(String base) {
            this.base = base;
        }

        void start(int browsers, int buyers) {
            for (int i = 0; i < browsers; i++) {
                threads.add(daemon(() -> loop("browse", () ->
                        get(base, "/api/products?brandId=1&sort=discount&page=0&size=20"))));
            }
            for (int i = 0; i < buyers; i++) {
                threads.add(daemon(() -> loop("order", () -> order(base,
                        UUID.randomUUID().toString(), 1 + ThreadLocalRandom.current().nextInt(1_000),
                        1 + ThreadLocalRandom.current().nextInt(PRODUCTS), 1))));
            }
        }

        private static Thread daemon(Runnable body) {
            Thread thread = new Thread(body, "resilience-load");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        private void loop(String kind, java.util.function.Supplier<TestEnv.Response> request) {
            while (running) {
                String startedIn = phase;
                long start = System.nanoTime();
                TestEnv.Response response = request.get();
                long millis = (System.nanoTime() - start) / 1_000_000;
                long orderId = response.status() == 201 ? response.json().get("orderId").asLong() : -1;
                samples.add(new Sample(startedIn, kind, response.status(), millis, orderId));
            }
        }

        void phase(String name, Duration length) throws InterruptedException {
            phase = name;
            Thread.sleep(length.toMillis());
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }

        List<Sample> samples() {
            return List.copyOf(samples);
        }
    }
}
