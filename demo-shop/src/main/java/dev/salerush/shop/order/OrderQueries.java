package dev.salerush.shop.order;

/** Every SQL statement of order placement and lookup, in one place. */
public final class OrderQueries {

    /**
     * First statement of the order transaction. A concurrent insert with the same key waits for the other transaction;
     * if that one commits, this returns no row and the existing order is read with {@link #ORDER_BY_KEY}.
     * Parameters: user id, product id, quantity, idempotency key. Amount and status are final after payment.
     */
    public static final String INSERT_ORDER =
            "INSERT INTO orders (user_id, product_id, quantity, amount, status, idempotency_key, created_at)"
                    + " VALUES (?, ?, ?, 0, 'PENDING', ?, now())"
                    + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id";

    /** Parameter: idempotency key. */
    public static final String ORDER_BY_KEY =
            "SELECT id, user_id, product_id, quantity, amount, status, created_at FROM orders WHERE idempotency_key = ?";

    /** The atomic stock check: 0 rows means not enough stock. Parameters: quantity, product id, quantity. */
    public static final String DECREMENT_STOCK =
            "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ? RETURNING sale_price";

    /** DELIBERATELY BROKEN variant (--unsafe-stock-check), step 1: read without a lock. Parameter: product id. */
    public static final String UNSAFE_READ_STOCK = "SELECT stock, sale_price FROM product WHERE id = ?";

    /** DELIBERATELY BROKEN variant, step 2: write the value computed from the stale read. Parameters: stock, id. */
    public static final String UNSAFE_WRITE_STOCK = "UPDATE product SET stock = ? WHERE id = ?";

    /** Parameter: product id. */
    public static final String PRODUCT_EXISTS = "SELECT 1 FROM product WHERE id = ?";

    /** Parameters: order id, payment ref, amount. */
    public static final String INSERT_PAYMENT =
            "INSERT INTO payment (order_id, payment_ref, amount, status, created_at) VALUES (?, ?, ?, 'APPROVED', now())";

    /** Parameters: amount, order id. */
    public static final String MARK_PAID = "UPDATE orders SET status = 'PAID', amount = ? WHERE id = ?";

    /** Parameter: order id. */
    public static final String ORDER_BY_ID =
            "SELECT id, user_id, product_id, quantity, amount, status, created_at FROM orders WHERE id = ?";

    private OrderQueries() {
    }
}
