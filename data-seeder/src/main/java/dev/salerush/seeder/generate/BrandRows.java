package dev.salerush.seeder.generate;

import dev.salerush.seeder.load.TableData;

import dev.salerush.seeder.load.BinaryCopyWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** brand(id, name, product_count, created_at): names are unique "First Second" pairs in a seeded order. */
final class BrandRows implements TableData {

    private final DatasetLayout layout;
    private final byte[][] names;

    BrandRows(DatasetLayout layout) {
        this.layout = layout;
        this.names = brandNames(layout.spec().seed(), layout.brandCount());
    }

    static byte[][] brandNames(long seed, int count) {
        List<String> first = Words.BRAND_FIRST;
        List<String> second = Words.BRAND_SECOND;
        int combos = first.size() * second.size();
        int[] order = new int[combos];
        for (int i = 0; i < combos; i++) {
            order[i] = i;
        }
        new FastRandom(Mix.seed(seed, Mix.BRAND_NAMES, 0)).shuffle(order);
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            int c = order[i % combos];
            String a = first.get(c / second.size());
            String b = second.get(c % second.size());
            String name = a.equals(b) ? a : a + " " + b;
            int round = i / combos;
            if (round > 0) {
                name = name + " " + (round + 1);
            }
            out[i] = name.getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    @Override
    public String table() {
        return "brand";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "name", "product_count", "created_at");
    }

    @Override
    public long units() {
        return layout.brandCount();
    }

    @Override
    public long write(long from, long to, BinaryCopyWriter w) throws IOException {
        FastRandom r = new FastRandom(0);
        long seed = layout.spec().seed();
        for (long id = from; id < to; id++) {
            r.reset(Mix.seed(seed, Mix.BRAND, id));
            long createdAt = Tables.ANCHOR_MICROS - 10 * 365 * Tables.DAY_MICROS + (long) (r.nextDouble() * 9 * 365) * Tables.DAY_MICROS;
            w.row(4).int8(id).text(names[(int) id - 1]).int4(layout.brandSize(id)).timestamptzMicros(createdAt);
        }
        return to - from;
    }
}
