package dev.salerush.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.salerush.shop.api.ShopApi;
import dev.salerush.shop.api.ShopRoutes;
import dev.salerush.shop.catalog.ProductCatalog;
import dev.salerush.shop.config.ShopSettings;
import dev.salerush.shop.db.HealthCheck;
import dev.salerush.shop.db.Pools;
import dev.salerush.shop.metrics.ShopMetrics;
import dev.salerush.shop.order.OrderService;
import dev.salerush.shop.payment.HttpPaymentGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the demo shop together and runs it on 127.0.0.1. */
public final class ShopServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
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
        ShopMetrics metrics = new ShopMetrics();
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

            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.jetty.host = HOST;
                config.jetty.port = settings.port();
                config.jsonMapper(new JavalinJackson(json, false));
                ShopRoutes.register(config, api, health, metrics, settings.artificialDelay());
            });
            app.start(HOST, settings.port());
            if (settings.unsafeStockCheck()) {
                log.warn("Started with --unsafe-stock-check: DELIBERATELY BROKEN stock check, expect oversell");
            }
            if (!settings.artificialDelay().isZero()) {
                log.warn("Started with --artificial-delay={}: every /api request is slowed down on purpose",
                        settings.artificialDelay().toMillis() + "ms");
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
