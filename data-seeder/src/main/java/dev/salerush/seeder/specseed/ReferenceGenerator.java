package dev.salerush.seeder.specseed;

import com.typesafe.config.ConfigValueType;
import dev.salerush.seeder.generate.FastRandom;
import dev.salerush.seeder.generate.Zipf;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys of a foreign key column: the referenced table's sequence keys 1..N drawn uniformly, Zipf-skewed (key 1 the
 * most frequent) or with listed keys' shares. A self-reference draws only earlier rows, so trees are acyclic
 * (row 1 gets NULL).
 */
final class ReferenceGenerator implements ValueGenerator {

    private final long targetRows;
    private final boolean self;
    private final Zipf.Sampler zipf;
    private final long[] commonKeys;
    private final double[] commonCumulative;

    private ReferenceGenerator(long targetRows, boolean self, Zipf.Sampler zipf, long[] commonKeys,
                               double[] commonCumulative) {
        this.targetRows = targetRows;
        this.self = self;
        this.zipf = zipf;
        this.commonKeys = commonKeys;
        this.commonCumulative = commonCumulative;
    }

    static ReferenceGenerator of(ColumnContext ctx) {
        SpecConfig c = ctx.cfg();
        if (ctx.selfReference() && ctx.notNull()) {
            throw c.error("generator", "self-reference " + ctx.column() + " is NOT NULL, but the first row has no "
                    + "earlier row to point to (allowed: a nullable column)");
        }
        if (ctx.targetRows() == 0 && ctx.notNull()) {
            throw c.error("generator", "references " + ctx.target() + ", which gets 0 rows");
        }
        Zipf.Sampler zipf = null;
        long[] keys = new long[0];
        double[] cumulative = new double[0];
        if (c.has("skew") && c.config().getValue("skew").valueType() == ConfigValueType.STRING) {
            if (!c.string("skew").equals("uniform")) {
                throw c.error("skew", "'" + c.string("skew") + "' (allowed: uniform, { zipf = exponent }, "
                        + "{ mostCommon { \"key\" = share } })");
            }
        } else if (c.has("skew")) {
            SpecConfig skew = c.child("skew");
            skew.onlyKeys(java.util.Set.of("zipf", "mostCommon"), "skew");
            if (skew.has("zipf")) {
                double exponent = skew.number("zipf");
                if (!(exponent > 0)) {
                    throw skew.error("zipf", exponent + " (allowed: an exponent > 0)");
                }
                if (ctx.targetRows() > 50_000_000) {
                    throw skew.error("zipf", "zipf skew supports up to 50,000,000 referenced rows");
                }
                zipf = Distributions.zipf((int) Math.max(1, ctx.targetRows()), exponent);
            }
            if (skew.has("mostCommon")) {
                Map<String, Double> shares = skew.weights("mostCommon");
                keys = new long[shares.size()];
                cumulative = new double[shares.size()];
                double sum = 0;
                int i = 0;
                for (Map.Entry<String, Double> e : new LinkedHashMap<>(shares).entrySet()) {
                    long key;
                    try {
                        key = Long.parseLong(e.getKey().strip());
                    } catch (NumberFormatException ex) {
                        throw skew.error("mostCommon." + e.getKey(), "not a key (allowed: 1.." + ctx.targetRows() + ")");
                    }
                    if (key < 1 || key > ctx.targetRows()) {
                        throw skew.error("mostCommon." + e.getKey(), "key outside the " + ctx.targetRows() + " rows of "
                                + ctx.target() + " (allowed: 1.." + ctx.targetRows() + ")");
                    }
                    if (!(e.getValue() >= 0)) {
                        throw skew.error("mostCommon." + e.getKey(), "share " + e.getValue() + " (allowed: >= 0)");
                    }
                    sum += e.getValue();
                    keys[i] = key;
                    cumulative[i++] = sum;
                }
                if (sum > 1 + 1e-9) {
                    throw skew.error("mostCommon", "shares sum to " + sum + " (allowed: a total <= 1)");
                }
            }
        }
        return new ReferenceGenerator(ctx.targetRows(), ctx.selfReference(), zipf, keys, cumulative);
    }

    @Override
    public Object value(long row, FastRandom r) {
        long n = self ? row - 1 : targetRows;
        if (n <= 0) {
            return null;
        }
        long key = draw(r);
        return self ? (key - 1) % n + 1 : key;
    }

    private long draw(FastRandom r) {
        if (commonKeys.length > 0) {
            double u = r.nextDouble();
            for (int i = 0; i < commonKeys.length; i++) {
                if (u < commonCumulative[i]) {
                    return commonKeys[i];
                }
            }
        }
        if (zipf != null) {
            return 1 + zipf.index(r.nextDouble());
        }
        return Distributions.uniformLong(r, 1, targetRows);
    }

    /**
     * {@code k} distinct keys (k <= N): draws by the skew and, once draws keep colliding, takes the next free
     * keys after a uniform start, so it ends quickly even when k is close to N.
     */
    long[] distinct(int k, FastRandom r) {
        long[] out = new long[k];
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        int n = 0;
        for (int attempt = 0; n < k && attempt < 8 * k + 8; attempt++) {
            long key = draw(r);
            if (seen.add(key)) {
                out[n++] = key;
            }
        }
        long next = Distributions.uniformLong(r, 1, targetRows);
        while (n < k) {
            if (seen.add(next)) {
                out[n++] = next;
            }
            next = next % targetRows + 1;
        }
        return out;
    }
}
