package dev.salerush.seeder.generate;

import dev.salerush.seeder.load.TableData;

import dev.salerush.seeder.load.BinaryCopyWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * payment(id, order_id, payment_ref, amount, status, created_at): one per PAID order, ids in order-id order,
 * a few seconds after the order; 0.5 % later REFUNDED.
 */
final class PaymentRows implements TableData {

    private static final byte[] APPROVED = "APPROVED".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REFUNDED = "REFUNDED".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAY = "pay_".getBytes(StandardCharsets.US_ASCII);

    private final DatasetLayout layout;
    private final int[] salePrice;
    private final long rows;
    private long nextPaymentId = 1;
    private long nextOrderId = 1;

    PaymentRows(DatasetLayout layout) {
        this.layout = layout;
        this.salePrice = OrderRows.salePrices(layout);
        this.rows = OrderRows.paidCount(layout);
    }

    @Override
    public String table() {
        return "payment";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "order_id", "payment_ref", "amount", "status", "created_at");
    }

    @Override
    public long units() {
        return layout.orderCount();
    }

    @Override
    public long rows() {
        return rows;
    }

    /** Units must be written in sequence from 1 (payment ids count PAID orders before the chunk). */
    @Override
    public long write(long from, long to, BinaryCopyWriter w) throws IOException {
        if (from != nextOrderId) {
            throw new IllegalStateException("payments are generated in order: expected unit " + nextOrderId);
        }
        long seed = layout.spec().seed();
        FastRandom r = new FastRandom(0);
        OrderRows.Order o = new OrderRows.Order();
        long written = 0;
        for (long orderId = from; orderId < to; orderId++) {
            if (!OrderRows.isPaid(seed, orderId)) {
                continue;
            }
            OrderRows.compute(layout, salePrice, orderId, r, o);
            long h = Mix.seed(seed, Mix.PAYMENT, orderId);
            boolean refunded = Mix.below(h, 1000) < 5;
            long createdAt = o.createdAt + (1 + Mix.below(Mix.mix64(h), 8)) * 1_000_000L;
            w.row(6).int8(nextPaymentId++).int8(orderId);
            int at = w.beginText();
            w.append(PAY).appendHex(Mix.mix64(h ^ 0x5A5A5A5A5A5A5A5AL));
            w.endText(at);
            w.int8(o.amount).text(refunded ? REFUNDED : APPROVED).timestamptzMicros(createdAt);
            written++;
        }
        nextOrderId = to;
        return written;
    }
}
