package dev.salerush.shop.api;

import dev.salerush.shop.config.Behaviour;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * The one place where a {@link Behaviour} changes what a route does: {@link #select} gives the handler the version
 * runs for a route, the normal one or its deliberate defect. ({@link Behaviour#SLOW} changes no handler: its delay is
 * part of the shop's single /api delay, {@code ShopSettings.apiDelay()}.)
 */
public final class BehaviourRoutes {

    /** broken-orders: a 500 like an unhandled bug, without touching the database or the gateway (and no log line). */
    static final Handler BROKEN_ORDER = ctx -> {
        throw new ApiException(500, ApiError.of("INTERNAL_ERROR"));
    };

    private final Behaviour behaviour;
    private final Handler emptyProducts;

    /**
     * @param emptyProducts the empty-lists answer of GET /api/products: the normal parameter validation, then 200
     *                      with no items and hasNext=false
     */
    public BehaviourRoutes(Behaviour behaviour, Handler emptyProducts) {
        this.behaviour = behaviour;
        this.emptyProducts = emptyProducts;
    }

    /** The handler this version runs for {@code method path}, whose normal handler is {@code normal}. */
    public Handler select(HandlerType method, String path, Handler normal) {
        return switch (behaviour) {
            case BROKEN_ORDERS -> is(method, path, HandlerType.POST, ShopRoutes.ORDERS) ? BROKEN_ORDER : normal;
            case EMPTY_LISTS -> is(method, path, HandlerType.GET, ShopRoutes.PRODUCTS) ? emptyProducts : normal;
            case NORMAL, SLOW -> normal;
        };
    }

    private static boolean is(HandlerType method, String path, HandlerType wantedMethod, String wantedPath) {
        return method.equals(wantedMethod) && path.equals(wantedPath);
    }

    public Behaviour behaviour() {
        return behaviour;
    }
}
