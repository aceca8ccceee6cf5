package dev.salerush.shop.order;

import dev.salerush.shop.payment.PaymentGateway;
import dev.salerush.shop.payment.PaymentUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places orders in ONE transaction on the order pool: insert the order (idempotent on the key), take the stock,
 * charge the payment gateway, record the payment, mark the order PAID, commit. Any failure rolls everything back, so
 * there is never a half-written order and the stock is never oversold (unless the deliberately broken
 * {@code unsafeStockCheck} mode is on).
 */
public final class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    private static final String FK_VIOLATION = "23503";
    /** How long a charge whose order transaction failed is settled for: longer than a database failover takes. */
    private static final java.time.Duration SETTLE_WINDOW = java.time.Duration.ofSeconds(15);

    private final DataSource orderPool;
    private final PaymentGateway payments;
    private final boolean unsafeStockCheck;
    private final Counter paid;
    private final Counter replayed;
    private final Counter outOfStock;
    private final Counter paymentUnavailable;
    private final Counter rejected;
    private final CutCommits cutCommits;

    public OrderService(DataSource orderPool, PaymentGateway payments, boolean unsafeStockCheck,
                        MeterRegistry meters) {
        this.orderPool = orderPool;
        this.payments = payments;
        this.unsafeStockCheck = unsafeStockCheck;
        this.paid = outcomeCounter(meters, "paid");
        this.replayed = outcomeCounter(meters, "replayed");
        this.outOfStock = outcomeCounter(meters, "out_of_stock");
        this.paymentUnavailable = outcomeCounter(meters, "payment_unavailable");
        this.rejected = outcomeCounter(meters, "rejected");
        this.cutCommits = new CutCommits(orderPool, payments, SETTLE_WINDOW);
        if (unsafeStockCheck) {
            log.warn("UNSAFE STOCK CHECK is ON: stock is read and written non-atomically; this shop WILL oversell");
        }
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("shop.orders").description("Order placements by outcome")
                .tag("outcome", outcome).register(meters);
    }

    public OrderOutcome place(PlaceOrder cmd) throws SQLException {
        ChargedOrder charged = new ChargedOrder();
        try (Connection c = orderPool.getConnection()) {
            c.setAutoCommit(false);
            try {
                OrderOutcome outcome = placeInTransaction(c, cmd, charged);
                if (outcome instanceof OrderOutcome.Placed placed && !placed.replayed()) {
                    c.commit();
                } else {
                    c.rollback();
                }
                count(outcome);
                return outcome;
            } catch (PSQLException e) {
                rollbackQuietly(c);
                Optional<OrderOutcome> mapped = unknownReference(e);
                if (mapped.isPresent()) {
                    count(mapped.get());
                    return mapped.get();
                }
                settleCharge(charged, cmd, e);
                throw e;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                settleCharge(charged, cmd, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The order a charge was made for in the current transaction (0: no charge yet). */
    private static final class ChargedOrder {
        long orderId;
    }

    /** A charge was approved but its order transaction failed: find out whether it committed, void it if not. */
    private void settleCharge(ChargedOrder charged, PlaceOrder cmd, Exception failure) {
        if (charged.orderId != 0) {
            cutCommits.settle(charged.orderId, cmd.idempotencyKey(), failure);
        }
    }

    private OrderOutcome placeInTransaction(Connection c, PlaceOrder cmd, ChargedOrder charged) throws SQLException {
        Optional<Long> inserted = insertOrder(c, cmd);
        if (inserted.isEmpty()) {
            return existingOrder(c, cmd.idempotencyKey());
        }
        long orderId = inserted.get();

        Optional<Integer> salePrice = unsafeStockCheck
                ? takeStockUnsafely(c, cmd.productId(), cmd.quantity())
                : takeStock(c, cmd.productId(), cmd.quantity());
        if (salePrice.isEmpty()) {
            return productExists(c, cmd.productId())
                    ? new OrderOutcome.OutOfStock()
                    : new OrderOutcome.UnknownReference("productId");
        }
        long amount = (long) salePrice.get() * cmd.quantity();

        String paymentRef;
        try {
            paymentRef = payments.charge(orderId, amount, cmd.idempotencyKey());
        } catch (PaymentUnavailableException e) {
            log.debug("Payment for order {} failed: {}", orderId, e.getMessage());
            return new OrderOutcome.PaymentUnavailable(e.getMessage());
        }
        charged.orderId = orderId;

        try (PreparedStatement ps = c.prepareStatement(OrderQueries.INSERT_PAYMENT)) {
            ps.setLong(1, orderId);
            ps.setString(2, paymentRef);
            ps.setLong(3, amount);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(OrderQueries.MARK_PAID)) {
            ps.setLong(1, amount);
            ps.setLong(2, orderId);
            ps.executeUpdate();
        }
        return new OrderOutcome.Placed(orderId, "PAID", amount, false);
    }

    private static Optional<Long> insertOrder(Connection c, PlaceOrder cmd) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OrderQueries.INSERT_ORDER)) {
            ps.setLong(1, cmd.userId());
            ps.setLong(2, cmd.productId());
            ps.setInt(3, cmd.quantity());
            ps.setString(4, cmd.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static OrderOutcome existingOrder(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OrderQueries.ORDER_BY_KEY)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // The conflicting transaction rolled back between our insert and this read: tell the client to retry.
                    throw new SQLException("order with the same Idempotency-Key vanished; retry", "40001");
                }
                return new OrderOutcome.Placed(rs.getLong("id"), rs.getString("status"), rs.getLong("amount"), true);
            }
        }
    }

    private static Optional<Integer> takeStock(Connection c, long productId, int quantity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OrderQueries.DECREMENT_STOCK)) {
            ps.setInt(1, quantity);
            ps.setLong(2, productId);
            ps.setInt(3, quantity);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** DELIBERATELY BROKEN: a plain read, then a blind write of the computed value (lost update, oversell). */
    private static Optional<Integer> takeStockUnsafely(Connection c, long productId, int quantity)
            throws SQLException {
        int stock;
        int salePrice;
        try (PreparedStatement ps = c.prepareStatement(OrderQueries.UNSAFE_READ_STOCK)) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                stock = rs.getInt(1);
                salePrice = rs.getInt(2);
            }
        }
        if (stock < quantity) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(OrderQueries.UNSAFE_WRITE_STOCK)) {
            ps.setInt(1, stock - quantity);
            ps.setLong(2, productId);
            ps.executeUpdate();
        }
        return Optional.of(salePrice);
    }

    private static boolean productExists(Connection c, long productId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OrderQueries.PRODUCT_EXISTS)) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<Order> order(long orderId) throws SQLException {
        try (Connection c = orderPool.getConnection();
             PreparedStatement ps = c.prepareStatement(OrderQueries.ORDER_BY_ID)) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Order(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
            }
        }
    }

    private static Optional<OrderOutcome> unknownReference(PSQLException e) {
        if (!FK_VIOLATION.equals(e.getSQLState())) {
            return Optional.empty();
        }
        ServerErrorMessage m = e.getServerErrorMessage();
        String constraint = m == null || m.getConstraint() == null ? "" : m.getConstraint();
        if (constraint.contains("user")) {
            return Optional.of(new OrderOutcome.UnknownReference("userId"));
        }
        if (constraint.contains("product")) {
            return Optional.of(new OrderOutcome.UnknownReference("productId"));
        }
        return Optional.empty();
    }

    private void count(OrderOutcome outcome) {
        if (outcome instanceof OrderOutcome.Placed p) {
            (p.replayed() ? replayed : paid).increment();
        } else if (outcome instanceof OrderOutcome.OutOfStock) {
            outOfStock.increment();
        } else if (outcome instanceof OrderOutcome.PaymentUnavailable) {
            paymentUnavailable.increment();
        } else {
            rejected.increment();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed", e);
        }
    }
}
