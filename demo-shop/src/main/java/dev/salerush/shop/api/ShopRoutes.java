package dev.salerush.shop.api;

import dev.salerush.shop.config.ShopSettings;
import dev.salerush.shop.db.HealthCheck;
import dev.salerush.shop.metrics.ShopMetrics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every route, filter, error mapping and the request timer, registered in one place. */
public final class ShopRoutes {

    private static final Logger log = LoggerFactory.getLogger(ShopRoutes.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    public static final String PRODUCTS = "/api/products";
    public static final String ORDERS = "/api/orders";

    private ShopRoutes() {
    }

    /** The /health body: {@code {"status":"UP","version":"v1"}}. */
    public record Health(String status, String version) {
    }

    @FunctionalInterface
    private interface ApiRoute {
        void add(HandlerType method, String path, Handler handler);
    }

    /** {@code handler} after sleeping {@code delay} (the only sleep of the deliberately slow modes). */
    private static Handler delayed(Duration delay, Handler handler) {
        if (delay.isZero()) {
            return handler;
        }
        long delayMs = delay.toMillis();
        return ctx -> {
            Thread.sleep(delayMs);
            handler.handle(ctx);
        };
    }

    public static void register(JavalinConfig config, ShopApi api, HealthCheck health, ShopMetrics metrics,
                                ShopSettings settings, AdmissionGuard admission) {
        var routes = config.routes;
        BehaviourRoutes versioned = new BehaviourRoutes(settings.version().behaviour(), api::emptyProducts);
        Duration delay = settings.apiDelay();
        String version = settings.version().label();
        ServedBy.register(config);

        // Every /api route: admission first (a refused request costs nothing), then the deliberate delay (held with
        // the slot, as a slow version holds its resources), then the version's handler for the route.
        ApiRoute apiRoute = (method, path, handler) -> routes.addHttpHandler(method, path,
                admission.guard(delayed(delay, versioned.select(method, path, handler))));
        apiRoute.add(HandlerType.GET, "/api/brands", api::brands);
        apiRoute.add(HandlerType.GET, PRODUCTS, api::products);
        apiRoute.add(HandlerType.GET, "/api/products/{id}", api::product);
        apiRoute.add(HandlerType.POST, ORDERS, api::placeOrder);
        apiRoute.add(HandlerType.GET, "/api/orders/{id}", api::order);

        // Never shed nor delayed: a load balancer and Prometheus must see an overloaded shop as alive.
        routes.get("/health", ctx -> {
            boolean up = health.databaseUp();
            ctx.status(up ? 200 : 503).json(new Health(up ? "UP" : "DOWN", version));
        });
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));

        routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(ApiError.of(e.getStatus() == 404 ? "NOT_FOUND" : "HTTP_" + e.getStatus())));
        routes.exception(SQLTransientConnectionException.class, (e, ctx) -> {
            log.warn("No database connection for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.status(503).header("Retry-After", AdmissionGuard.RETRY_AFTER_SECONDS)
                    .json(ApiError.of("DATABASE_UNAVAILABLE"));
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
