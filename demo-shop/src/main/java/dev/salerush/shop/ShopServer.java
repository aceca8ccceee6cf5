package dev.salerush.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.salerush.shop.api.AdmissionGuard;
import dev.salerush.shop.api.ShopApi;
import dev.salerush.shop.api.ShopRoutes;
import dev.salerush.shop.catalog.ProductCatalog;
import dev.salerush.shop.config.AdmissionSettings;
import dev.salerush.shop.config.Durations;
import dev.salerush.shop.config.ShopSettings;
import dev.salerush.shop.db.HealthCheck;
import dev.salerush.shop.db.Pools;
import dev.salerush.shop.metrics.ShopMetrics;
import dev.salerush.shop.order.OrderService;
import dev.salerush.shop.payment.HttpPaymentGateway;
import dev.salerush.shop.config.Behaviour;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the demo shop together and runs it on 127.0.0.1. */
public final class ShopServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    /** Threads beyond the admitted and queued requests: Jetty's acceptors and selectors, /health, /metrics. */
    static final int THREAD_HEADROOM = 32;
    private static final Logger log = LoggerFactory.getLogger(ShopServer.class);

    private final ShopMetrics metrics;
    private final Pools pools;
    private final Javalin app;

    private ShopServer(ShopMetrics metrics, Pools pools, Javalin app) {
        this.metrics = metrics;
        this.pools = pools;
        this.app = app;
    }

    /** Opens the pools (fails fast if the database is unreachable) and starts serving. */
    public static ShopServer start(ShopSettings settings) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ShopMetrics metrics = new ShopMetrics(settings.version().label());
        Pools pools = null;
        try {
            pools = new Pools(settings, metrics.registry());
            CircuitBreakerRegistry breakers =
                    CircuitBreakerRegistry.of(HttpPaymentGateway.breakerConfig(settings.breaker()));
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(metrics.registry());
            HttpPaymentGateway gateway = new HttpPaymentGateway(settings.gatewayUrl(),
                    settings.gatewayConnectTimeout(), settings.gatewayTimeout(), breakers, json, metrics.registry());
            ShopApi api = new ShopApi(new ProductCatalog(pools.browse()),
                    new OrderService(pools.order(), gateway, settings.unsafeStockCheck(), metrics.registry()), json);
            HealthCheck health = new HealthCheck(pools.browse());
            AdmissionGuard admission = new AdmissionGuard(settings.admission(), metrics.registry());

            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.jetty.host = HOST;
                config.jetty.port = settings.port();
                config.jetty.threadPool = threadPool(settings.admission());
                config.jsonMapper(new JavalinJackson(json, false));
                ShopRoutes.register(config, api, health, metrics, settings, admission);
            });
            app.start(HOST, settings.port());
            if (settings.unsafeStockCheck()) {
                log.warn("Started with --unsafe-stock-check: DELIBERATELY BROKEN stock check, expect oversell");
            }
            if (!settings.apiDelay().isZero()) {
                log.warn("Started with --artificial-delay={} and --behaviour={}: every /api request is slowed down"
                        + " on purpose by {}", Durations.format(settings.artificialDelay()),
                        settings.version().behaviour().argName(), Durations.format(settings.apiDelay()));
            }
            if (!settings.breaker().enabled()) {
                log.warn("Started with --breaker-enabled=false: the payment circuit breaker never opens");
            }
            if (settings.version().behaviour() != Behaviour.NORMAL) {
                log.warn("Version {} runs with --behaviour={}: DELIBERATELY DEFECTIVE",
                        settings.version().label(), settings.version().behaviour().argName());
            }
            return new ShopServer(metrics, pools, app);
        } catch (RuntimeException e) {
            if (pools != null) {
                pools.close();
            }
            metrics.close();
            throw e;
        }
    }

    /**
     * Jetty's request threads, sized so that admission control, not Jetty, decides who waits.
     *
     * <p>Javalin's default is a QueuedThreadPool of 250 threads whose job queue is unbounded (Jetty's
     * BlockingArrayQueue grows without limit): on a starved machine, requests pile up there, before any handler runs,
     * and nothing can refuse them. Virtual threads are no option (Java 17; and they would only move the unbounded
     * queue). So: enough platform threads for every admitted and every queued /api request plus headroom for Jetty's
     * own acceptor/selector threads and /health and /metrics, so that a new request reaches the admission check (and
     * is answered 503 at once) instead of waiting for a thread; and a bounded job queue as the last resort: when even
     * that is full, Jetty rejects the job and closes the connection rather than growing the heap.
     */
    static QueuedThreadPool threadPool(AdmissionSettings admission) {
        int maxThreads = admission.maxConcurrent() + admission.maxQueued() + THREAD_HEADROOM;
        int queueCapacity = admission.maxConcurrent() + admission.maxQueued() + THREAD_HEADROOM;
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads), 60_000,
                new BlockingArrayQueue<>(queueCapacity, queueCapacity, queueCapacity));
        pool.setName("shop-http");
        return pool;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        pools.close();
        metrics.close();
    }
}
