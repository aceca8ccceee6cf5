package dev.salerush.shop.payment;

/** The payment could not be made: gateway error, timeout, unexpected answer or an open circuit breaker. */
public class PaymentUnavailableException extends Exception {

    public PaymentUnavailableException(String message) {
        super(message);
    }

    public PaymentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
