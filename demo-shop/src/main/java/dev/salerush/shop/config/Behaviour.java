package dev.salerush.shop.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a deployed version does on purpose, independent of its label (a compatible "v1.1" runs {@link #NORMAL}; a
 * drill's "v2-broken-orders" runs {@link #BROKEN_ORDERS}). The routes apply it in one place:
 * {@link BehaviourRoutes}.
 */
public enum Behaviour {

    /** No defect. */
    NORMAL("normal"),
    /** POST /api/orders answers 500 INTERNAL_ERROR before touching the database or the gateway. */
    BROKEN_ORDERS("broken-orders"),
    /** GET /api/products answers 200 with no items and hasNext=false (a silent failure; /health stays green). */
    EMPTY_LISTS("empty-lists"),
    /** Every /api request is slowed down by the version's slow delay. */
    SLOW("slow");

    private final String argName;

    Behaviour(String argName) {
        this.argName = argName;
    }

    /** The name on the command line, e.g. {@code broken-orders}. */
    public String argName() {
        return argName;
    }

    public static Optional<Behaviour> fromArgName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(b -> b.argName.equals(n)).findFirst();
    }

    public static List<String> argNames() {
        return Arrays.stream(values()).map(Behaviour::argName).toList();
    }
}
