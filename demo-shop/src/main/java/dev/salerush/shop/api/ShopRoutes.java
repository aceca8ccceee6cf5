package dev.salerush.shop.api;

import dev.salerush.shop.db.HealthCheck;
import dev.salerush.shop.metrics.ShopMetrics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every route, filter, error mapping and the request timer, registered in one place. */
public final class ShopRoutes {

    private static final Logger log = LoggerFactory.getLogger(ShopRoutes.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private ShopRoutes() {
    }

    public static void register(JavalinConfig config, ShopApi api, HealthCheck health, ShopMetrics metrics,
                                Duration artificialDelay) {
        var routes = config.routes;

        if (!artificialDelay.isZero()) {
            long delayMs = artificialDelay.toMillis();
            routes.before("/api/*", ctx -> Thread.sleep(delayMs));
        }

        routes.get("/api/brands", api::brands);
        routes.get("/api/products", api::products);
        routes.get("/api/products/{id}", api::product);
        routes.post("/api/orders", api::placeOrder);
        routes.get("/api/orders/{id}", api::order);
        routes.get("/health", ctx -> {
            boolean up = health.databaseUp();
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
        });
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));

        routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(ApiError.of(e.getStatus() == 404 ? "NOT_FOUND" : "HTTP_" + e.getStatus())));
        routes.exception(SQLTransientConnectionException.class, (e, ctx) -> {
            log.warn("No database connection for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(503).json(ApiError.of("DATABASE_UNAVAILABLE"));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Failed {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500).json(ApiError.of("INTERNAL_ERROR"));
        });

        config.requestLogger.http((ctx, ms) -> metrics.recordRequest(ctx.method().name(), routeOf(ctx),
                ctx.status().getCode(), (long) (ms * 1_000_000.0)));
    }

    /** The route template (bounded cardinality), never the raw path. */
    private static String routeOf(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? ShopMetrics.UNMATCHED_ROUTE : endpoint.path;
        } catch (RuntimeException e) {
            return ShopMetrics.UNMATCHED_ROUTE;
        }
    }
}
