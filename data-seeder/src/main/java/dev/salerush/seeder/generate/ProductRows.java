package dev.salerush.seeder.generate;

import dev.salerush.seeder.load.TableData;

import dev.salerush.seeder.load.BinaryCopyWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * product(id, brand_id, name, description, price, sale_price, discount_rate, stock, created_at). Names like
 * "오버핏 코튼 셔츠" (adjective material item, sometimes a colour first); created_at grows with the id over three
 * years before the anchor, so "newest" correlates with the physical order as in a real catalog.
 */
final class ProductRows implements TableData {

    private static final byte[][] COLORS = Words.utf8(Words.COLORS);
    private static final byte[][] ADJECTIVES = Words.utf8(Words.ADJECTIVES);
    private static final byte[][] MATERIALS = Words.utf8(Words.MATERIALS);
    private static final byte[][] ITEMS = Words.utf8(Words.ITEMS);
    private static final byte[][] FEATURES = Words.utf8(Words.FEATURES);
    private static final byte[][] CARE = Words.utf8(Words.CARE);
    private static final byte[] MADE_OF = " 소재의 ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOT_SPACE = ". ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA_SPACE = ", ".getBytes(StandardCharsets.UTF_8);
    private static final long SPAN_MICROS = 3 * 365 * Tables.DAY_MICROS;

    private final DatasetLayout layout;

    ProductRows(DatasetLayout layout) {
        this.layout = layout;
    }

    @Override
    public String table() {
        return "product";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "brand_id", "name", "description", "price", "sale_price", "discount_rate", "stock",
                "created_at");
    }

    @Override
    public long units() {
        return layout.productCount();
    }

    @Override
    public long write(long from, long to, BinaryCopyWriter w) throws IOException {
        FastRandom r = new FastRandom(0);
        long seed = layout.spec().seed();
        long n = layout.productCount();
        long step = SPAN_MICROS / n;
        for (long id = from; id < to; id++) {
            Pricing.Price price = Pricing.of(seed, id);
            r.reset(Mix.seed(seed, Mix.PRODUCT, id));
            byte[] adjective = ADJECTIVES[r.nextInt(ADJECTIVES.length)];
            byte[] material = MATERIALS[r.nextInt(MATERIALS.length)];
            byte[] item = ITEMS[r.nextInt(ITEMS.length)];
            byte[] color = r.nextInt(4) == 0 ? COLORS[r.nextInt(COLORS.length)] : null;
            byte[] feature = FEATURES[r.nextInt(FEATURES.length)];
            byte[] care = CARE[r.nextInt(CARE.length)];
            long createdAt = Tables.ANCHOR_MICROS - SPAN_MICROS + (id - 1) * step + (long) (r.nextDouble() * step);
            createdAt -= createdAt % 1_000_000L; // whole seconds

            w.row(9).int8(id).int8(layout.brandOf(id));
            int at = w.beginText();
            if (color != null) {
                w.append(color).append((byte) ' ');
            }
            w.append(adjective).append((byte) ' ').append(material).append((byte) ' ').append(item).endText(at);
            at = w.beginText();
            w.append(material).append(MADE_OF).append(adjective).append((byte) ' ').append(item).append(DOT_SPACE)
                    .append(feature).append(COMMA_SPACE).append(care);
            w.endText(at);
            w.int4(price.price()).int4(price.salePrice()).int2((short) price.discountRate())
                    .int4(DatasetLayout.stockOf(layout.spec(), id)).timestamptzMicros(createdAt);
        }
        return to - from;
    }
}
