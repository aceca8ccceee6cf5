package dev.salerush.sim.integrity;

/** An order row the target's database holds, placed during the run (its id is above the pre-run maximum). */
public record RunOrder(long id, long productId, int quantity, long amount, String status, String idempotencyKey) {

    public boolean paid() {
        return "PAID".equals(status);
    }
}
