package dev.salerush.sim.integrity;

/**
 * An order row the target's database holds, placed during the run (after the pre-run last order id). Ids are text as
 * the client sees them (see {@link OrderAttempt}).
 *
 * @param paid whether its status is the completed one ({@code integrity.paidStatus}, PAID in the demo shop)
 */
public record RunOrder(String id, String productId, int quantity, long amount, String status, String idempotencyKey,
                       boolean paid) {
}
