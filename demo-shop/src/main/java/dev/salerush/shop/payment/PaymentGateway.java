package dev.salerush.shop.payment;

/** Charges an order at the payment service provider. */
public interface PaymentGateway {

    /**
     * @return the gateway's payment id of an approved payment
     * @throws PaymentUnavailableException the gateway failed, timed out, declined, or the circuit breaker is open
     */
    String charge(long orderId, long amount, String idempotencyKey) throws PaymentUnavailableException;
}
