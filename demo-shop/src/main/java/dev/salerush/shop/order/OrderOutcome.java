package dev.salerush.shop.order;

/** What placing an order led to; the API maps each kind to one HTTP answer. */
public sealed interface OrderOutcome {

    /** 201: a new paid order, or ({@code replayed}) the order an earlier request with the same key created. */
    record Placed(long orderId, String status, long amount, boolean replayed) implements OrderOutcome {
    }

    /** 409 OUT_OF_STOCK. */
    record OutOfStock() implements OrderOutcome {
    }

    /** 503 PAYMENT_UNAVAILABLE; nothing was written. */
    record PaymentUnavailable(String reason) implements OrderOutcome {
    }

    /** 400: the user or product does not exist ({@code field} is userId or productId). */
    record UnknownReference(String field) implements OrderOutcome {
    }
}
