package dev.salerush.shop.order;

import java.time.OffsetDateTime;

public record Order(long orderId, long userId, long productId, int quantity, long amount, String status,
                    OffsetDateTime createdAt) {
}
