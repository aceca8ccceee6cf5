package dev.salerush.sim.config;

/**
 * How the order-integrity check reads a target's orders ({@code integrity} in conf): three read-only statements on
 * the target's tables, their columns taken by position, and the status value of a completed order. The defaults are
 * the demo shop's tables; a team's simulation points them at its own (docs/team-simulation.md).
 *
 * @param stockQuery       {@code integrity.queries.stock}: product id, units in stock — one row per product
 * @param lastOrderQuery   {@code integrity.queries.lastOrderId}: one whole number, the newest order's key (0 for none)
 * @param ordersAfterQuery {@code integrity.queries.ordersAfter}: the orders whose key is above its one {@code ?} (the
 *                         lastOrderId noted before the load): order id as the client sees it, product id, quantity,
 *                         amount, status, idempotency key
 * @param paidStatus       {@code integrity.paidStatus}: the status of a completed (paid) order
 */
public record IntegritySettings(String stockQuery, String lastOrderQuery, String ordersAfterQuery, String paidStatus) {
    public static final String STOCK_KEY = "integrity.queries.stock";
    public static final String LAST_ORDER_KEY = "integrity.queries.lastOrderId";
    public static final String ORDERS_AFTER_KEY = "integrity.queries.ordersAfter";

    static IntegritySettings from(ConfigReader reader) {
        String ordersAfter = reader.nonBlank("queries.ordersAfter");
        long placeholders = ordersAfter.chars().filter(c -> c == '?').count();
        if (placeholders != 1) {
            throw new ConfigError(ORDERS_AFTER_KEY + " must have exactly one '?' (the last order id before the load),"
                    + " found " + placeholders + ": " + ordersAfter);
        }
        return new IntegritySettings(reader.nonBlank("queries.stock"), reader.nonBlank("queries.lastOrderId"),
                ordersAfter, reader.nonBlank("paidStatus"));
    }
}
