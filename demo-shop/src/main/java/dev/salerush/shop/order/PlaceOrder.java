package dev.salerush.shop.order;

/** A validated order request: {@code quantity} is 1..10, the key is non-blank. */
public record PlaceOrder(String idempotencyKey, long userId, long productId, int quantity) {
}
