package dev.salerush.seeder.generate;

import dev.salerush.seeder.load.TableData;

import dev.salerush.seeder.load.BinaryCopyWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** app_user(id, name, email, address, created_at): Korean names and addresses combined from datafaker pools. */
final class UserRows implements TableData {

    private static final byte[][] EMAIL_DOMAINS = Words.utf8(List.of("@example.com", "@example.net", "@example.org"));
    private static final byte[] USER = "user".getBytes(StandardCharsets.UTF_8);
    private static final long SPAN_MICROS = 5 * 365 * Tables.DAY_MICROS;

    private final DatasetLayout layout;
    private final NamePools pools;

    UserRows(DatasetLayout layout) {
        this.layout = layout;
        this.pools = NamePools.forSeed(layout.spec().seed());
    }

    @Override
    public String table() {
        return "app_user";
    }

    @Override
    public List<String> columns() {
        return List.of("id", "name", "email", "address", "created_at");
    }

    @Override
    public long units() {
        return layout.userCount();
    }

    @Override
    public long write(long from, long to, BinaryCopyWriter w) throws IOException {
        FastRandom r = new FastRandom(0);
        long seed = layout.spec().seed();
        long step = SPAN_MICROS / layout.userCount();
        NamePools p = pools;
        for (long id = from; id < to; id++) {
            r.reset(Mix.seed(seed, Mix.USER, id));
            w.row(5).int8(id);
            int at = w.beginText();
            w.append(p.familyNames[r.nextInt(p.familyNames.length)]).append(p.givenNames[r.nextInt(p.givenNames.length)]);
            w.endText(at);
            at = w.beginText();
            w.append(USER).appendDigits(id).append(EMAIL_DOMAINS[r.nextInt(EMAIL_DOMAINS.length)]);
            w.endText(at);
            at = w.beginText();
            w.append(p.regions[r.nextInt(p.regions.length)]).append((byte) ' ')
                    .append(p.cities[r.nextInt(p.cities.length)]).append((byte) ' ')
                    .append(p.streets[r.nextInt(p.streets.length)]).append((byte) ' ')
                    .appendDigits(1 + r.nextInt(999));
            w.endText(at);
            long createdAt = Tables.ANCHOR_MICROS - SPAN_MICROS + (id - 1) * step + (long) (r.nextDouble() * step);
            w.timestamptzMicros(createdAt - createdAt % 1_000_000L);
        }
        return to - from;
    }
}
