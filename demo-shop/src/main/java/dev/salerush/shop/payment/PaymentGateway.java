package dev.salerush.shop.payment;

/** Charges an order at the payment service provider. */
public interface PaymentGateway {

    /**
     * @return the gateway's payment id of an approved payment
     * @throws PaymentUnavailableException the gateway failed, timed out, declined, or the circuit breaker is open; a
     *                                     charge that may have reached the gateway anyway has been voided (best
     *                                     effort), so the caller can simply roll its order back
     */
    String charge(long orderId, long amount, String idempotencyKey) throws PaymentUnavailableException;

    /**
     * Voids an approved charge whose order was not recorded after all (best effort, once; a failure is logged for an
     * operator to reconcile).
     */
    void voidCharge(long orderId, String idempotencyKey, String reason);
}
