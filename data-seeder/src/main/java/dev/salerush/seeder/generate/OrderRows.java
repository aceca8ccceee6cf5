package dev.salerush.seeder.generate;

import dev.salerush.seeder.load.TableData;

import dev.salerush.seeder.load.BinaryCopyWriter;
import java.io.IOException;
import java.util.List;

/**
 * Historical orders(id, user_id, product_id, quantity, amount, status, idempotency_key, created_at) over the year
 * before the anchor: products drawn by popularity, users uniformly, 96 % PAID, idempotency_key NULL.
 */
final class OrderRows implements TableData {

    static final byte[] PAID = "PAID".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final byte[] CANCELLED = "CANCELLED".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final long SPAN_MICROS = 365 * Tables.DAY_MICROS;

    /** One order, recomputed on demand (payments re-derive their order instead of keeping 1 M rows in memory). */
    static final class Order {
        long userId;
        long productId;
        int quantity;
        long amount;
        boolean paid;
        long createdAt;
    }

    private final DatasetLayout layout;
    private final int[] salePrice;

    OrderRows(DatasetLayout layout) {
        this.layout = layout;
        this.salePrice = salePrices(layout);
    }

    static int[] salePrices(DatasetLayout layout) {
        int[] prices = new int[layout.productCount()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = Pricing.of(layout.spec().seed(), i + 1).salePrice();
        }
        return prices;
    }

    static boolean isPaid(long seed, long orderId) {
        return Mix.below(Mix.seed(seed, Mix.ORDER_STATUS, orderId), 100) < 96;
    }

    /** Number of PAID orders, i.e. payment rows. */
    static long paidCount(DatasetLayout layout) {
        long seed = layout.spec().seed();
        long n = 0;
        for (long id = 1; id <= layout.orderCount(); id++) {
            if (isPaid(seed, id)) {
                n++;
            }
        }
        return n;
    }

    static void compute(DatasetLayout layout, int[] salePrice, long id, FastRandom r, Order o) {
        long seed = layout.spec().seed();
        long step = SPAN_MICROS / Math.max(1, layout.orderCount());
        r.reset(Mix.seed(seed, Mix.ORDER, id));
        o.userId = 1 + r.nextInt(layout.userCount());
        o.productId = layout.drawProductId(r.nextDouble());
        double q = r.nextDouble();
        o.quantity = q < 0.80 ? 1 : q < 0.95 ? 2 : 3;
        o.amount = (long) o.quantity * salePrice[(int) o.productId - 1];
        long t = Tables.ANCHOR_MICROS - SPAN_MICROS + (id - 1) * step + (long) (r.nextDouble() * step);
        o.createdAt = t - t % 1_000_000L;
        o.paid = isPaid(seed, id);
    }

    int[] salePrice() {
        return salePrice;
    }

    @Override
    public String table() {
        return "orders";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "user_id", "product_id", "quantity", "amount", "status", "idempotency_key", "created_at");
    }

    @Override
    public long units() {
        return layout.orderCount();
    }

    @Override
    public long write(long from, long to, BinaryCopyWriter w) throws IOException {
        FastRandom r = new FastRandom(0);
        Order o = new Order();
        for (long id = from; id < to; id++) {
            compute(layout, salePrice, id, r, o);
            w.row(8).int8(id).int8(o.userId).int8(o.productId).int4(o.quantity).int8(o.amount)
                    .text(o.paid ? PAID : CANCELLED).nul().timestamptzMicros(o.createdAt);
        }
        return to - from;
    }
}
