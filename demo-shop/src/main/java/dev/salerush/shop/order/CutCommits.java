package dev.salerush.shop.order;

import dev.salerush.shop.payment.PaymentGateway;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a charge whose order transaction failed after the payment was approved — typically the database crashed
 * or failed over under the commit. Whether the commit landed is unknown to this shop (a commit whose acknowledgement
 * was lost may be on the new primary), so it asks the database again, by the order's Idempotency-Key, until it can
 * answer or {@code window} has passed: the order is there → the charge stands; it is not → the charge is voided; no
 * answer → the charge is logged at WARN for an operator to reconcile. The client was told nothing certain either way
 * (no answer or a 5xx): its retry with the same key finds the order, or places it anew.
 */
final class CutCommits {
    private static final Logger log = LoggerFactory.getLogger(CutCommits.class);
    private static final Duration PAUSE = Duration.ofMillis(250);

    private final DataSource orderPool;
    private final PaymentGateway payments;
    private final Duration window;

    CutCommits(DataSource orderPool, PaymentGateway payments, Duration window) {
        this.orderPool = orderPool;
        this.payments = payments;
        this.window = window;
    }

    void settle(long orderId, String idempotencyKey, Exception failure) {
        long deadline = System.nanoTime() + window.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (orderRecorded(idempotencyKey)) {
                    log.info("Order {} (Idempotency-Key {}) committed although the shop saw {}: its charge stands",
                            orderId, idempotencyKey, failure.toString());
                } else {
                    payments.voidCharge(orderId, idempotencyKey, "its order was not recorded: " + failure);
                }
                return;
            } catch (SQLException e) {
                last = e;
                pause();
            }
        }
        log.warn("Charge of order {} (Idempotency-Key {}) UNRECONCILED: the database could not tell within {} s whether "
                + "the order was recorded (last: {}); reconcile it with the payment provider", orderId, idempotencyKey,
                window.toSeconds(), last == null ? failure.toString() : last.getMessage());
    }

    private boolean orderRecorded(String idempotencyKey) throws SQLException {
        try (Connection c = orderPool.getConnection();
             PreparedStatement ps = c.prepareStatement(OrderQueries.ORDER_BY_KEY)) {
            ps.setString(1, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "PAID".equals(rs.getString("status"));
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
