package dev.salerush.seeder.specseed;

import dev.salerush.seeder.generate.Zipf;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a column's {@link ValueGenerator} from its spec section, refusing (with the key) anything that cannot be
 * generated for that column: wrong type, empty ranges, values that would break NOT NULL or uniqueness.
 */
final class Generators {

    /** Generators that never repeat a value, so they may fill a UNIQUE or primary key column. */
    static final Set<String> INJECTIVE = Set.of("sequence", "pattern");

    private static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("sequence", Set.of("start")),
            Map.entry("uniform", Set.of("min", "max", "mostCommon")),
            Map.entry("normal", Set.of("mean", "stddev", "min", "max", "mostCommon")),
            Map.entry("zipf", Set.of("exponent", "min", "max", "mostCommon")),
            Map.entry("histogram", Set.of("bounds", "mostCommon")),
            Map.entry("timestamp", Set.of("from", "to", "hourWeights")),
            Map.entry("date", Set.of("from", "to")),
            Map.entry("enum", Set.of("values")),
            Map.entry("faker", Set.of("expression")),
            Map.entry("pattern", Set.of("pattern")),
            Map.entry("reference", Set.of("skew")),
            Map.entry("constant", Set.of("value")));

    private Generators() {
    }

    /** Generator names, for messages. */
    static String names() {
        return String.join(", ", KEYS.keySet().stream().sorted().toList());
    }

    static ValueGenerator build(ColumnContext ctx, String generator) {
        SpecConfig c = ctx.cfg();
        Set<String> keys = KEYS.get(generator);
        if (keys == null) {
            throw c.error("generator", "unknown generator '" + generator + "' (allowed: " + names() + ")");
        }
        Set<String> allowed = new java.util.HashSet<>(keys);
        allowed.addAll(Set.of("generator", "nulls"));
        c.onlyKeys(allowed, "generator " + generator);
        if (ctx.unique() && !INJECTIVE.contains(generator)) {
            throw c.error("generator", generator + " may repeat values, but column " + ctx.column() + " is a UNIQUE or "
                    + "primary key column of " + ctx.rows() + " rows (allowed: sequence or pattern)");
        }
        if (generator.equals("reference") != ctx.reference()) {
            throw c.error("generator", ctx.reference()
                    ? "column " + ctx.column() + " is a foreign key to " + ctx.target() + " (allowed: reference)"
                    : "reference needs a column with a single-column foreign key; " + ctx.column() + " has none");
        }
        ValueGenerator g = switch (generator) {
            case "sequence" -> sequence(ctx);
            case "uniform", "normal", "zipf", "histogram" -> numeric(ctx, generator);
            case "timestamp", "date" -> time(ctx, generator);
            case "enum" -> enumeration(ctx);
            case "faker" -> FakerGenerator.of(ctx);
            case "pattern" -> pattern(ctx);
            case "reference" -> ReferenceGenerator.of(ctx);
            case "constant" -> constant(ctx);
            default -> throw new IllegalStateException(generator);
        };
        if (c.has("mostCommon")) {
            g = Distributions.withMostCommon(literalShares(ctx, "mostCommon"), g);
        }
        return g;
    }

    private static void requireKind(ColumnContext ctx, String generator, PgType.Kind kind) {
        if (ctx.type().kind != kind) {
            throw ctx.cfg().error("generator", generator + " makes " + kind.name().toLowerCase() + " values, but column "
                    + ctx.column() + " is " + ctx.type().name().toLowerCase());
        }
    }

    private static ValueGenerator sequence(ColumnContext ctx) {
        if (!ctx.type().integer()) {
            throw ctx.cfg().error("generator", "sequence needs an integer column; " + ctx.column() + " is "
                    + ctx.type().name().toLowerCase());
        }
        long start = ctx.cfg().has("start") ? ctx.cfg().integer("start") : 1;
        if (start + ctx.rows() - 1 > ctx.type().integerMax()) {
            throw ctx.cfg().error("start", "sequence up to " + (start + ctx.rows() - 1) + " overflows "
                    + ctx.type().name().toLowerCase());
        }
        return (row, r) -> start + row - 1;
    }

    private static ValueGenerator numeric(ColumnContext ctx, String generator) {
        requireKind(ctx, generator, PgType.Kind.NUMBER);
        SpecConfig c = ctx.cfg();
        boolean integer = ctx.type().integer();
        if (generator.equals("histogram")) {
            List<Double> bounds = c.numbers("bounds");
            if (bounds.size() < 2) {
                throw c.error("bounds", "needs at least 2 bounds (pg_stats histogram_bounds)");
            }
            for (int i = 1; i < bounds.size(); i++) {
                if (bounds.get(i) < bounds.get(i - 1)) {
                    throw c.error("bounds", "must be ascending; " + bounds.get(i) + " follows " + bounds.get(i - 1));
                }
            }
            double[] b = bounds.stream().mapToDouble(Double::doubleValue).toArray();
            checkRange(ctx, "bounds", b[0], b[b.length - 1]);
            return (row, r) -> {
                int bucket = r.nextInt(b.length - 1);
                double v = b[bucket] + r.nextDouble() * (b[bucket + 1] - b[bucket]);
                return integer ? (Object) Math.round(v) : (Object) v;
            };
        }
        double min = c.number("min", generator.equals("normal") ? -Double.MAX_VALUE : Double.NaN);
        double max = c.number("max", generator.equals("normal") ? Double.MAX_VALUE : Double.NaN);
        if (Double.isNaN(min)) {
            throw c.error("min", "missing (allowed: a number <= max)");
        }
        if (Double.isNaN(max)) {
            throw c.error("max", "missing (allowed: a number >= min)");
        }
        if (min > max) {
            throw c.error("min", min + " > max " + max + " (allowed: min <= max)");
        }
        if (!generator.equals("normal")) {
            checkRange(ctx, "max", min, max);
        }
        switch (generator) {
            case "uniform":
                if (integer) {
                    long lo = Math.round(min);
                    long hi = Math.round(max);
                    return (row, r) -> Distributions.uniformLong(r, lo, hi);
                }
                return (row, r) -> min + r.nextDouble() * (max - min);
            case "normal": {
                double mean = c.number("mean");
                double sd = c.number("stddev");
                if (!(sd > 0)) {
                    throw c.error("stddev", sd + " (allowed: a number > 0)");
                }
                double lo = Math.max(min, integer ? -ctx.type().integerMax() : -Double.MAX_VALUE);
                double hi = Math.min(max, integer ? ctx.type().integerMax() : Double.MAX_VALUE);
                return (row, r) -> {
                    double v = Math.max(lo, Math.min(hi, Distributions.normal(r, mean, sd)));
                    return integer ? (Object) Math.round(v) : (Object) v;
                };
            }
            default: {
                double exponent = c.number("exponent");
                if (!(exponent > 0)) {
                    throw c.error("exponent", exponent + " (allowed: a number > 0)");
                }
                long n = Math.round(max) - Math.round(min) + 1;
                if (!integer || n > 10_000_000) {
                    throw c.error("generator", "zipf draws integers from at most 10,000,000 values; column "
                            + ctx.column() + " is " + ctx.type().name().toLowerCase() + " with " + n + " values");
                }
                Zipf.Sampler s = Distributions.zipf((int) n, exponent);
                long lo = Math.round(min);
                return (row, r) -> lo + s.index(r.nextDouble());
            }
        }
    }

    private static void checkRange(ColumnContext ctx, String key, double min, double max) {
        if (ctx.type().integer() && (Math.max(Math.abs(min), Math.abs(max)) > ctx.type().integerMax())) {
            throw ctx.cfg().error(key, "range [" + min + ", " + max + "] does not fit column " + ctx.column()
                    + " (" + ctx.type().name().toLowerCase() + ")");
        }
    }

    private static ValueGenerator time(ColumnContext ctx, String generator) {
        requireKind(ctx, generator, PgType.Kind.TIME);
        SpecConfig c = ctx.cfg();
        LocalDate from = date(c, "from");
        LocalDate to = date(c, "to");
        if (from.isAfter(to)) {
            throw c.error("from", from + " is after to " + to + " (allowed: from <= to)");
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        PgType type = ctx.type();
        // micros() converts at a fixed offset (no daylight saving): a day is always 86,400 s after the first one
        long fromMicros = type.micros(from.atStartOfDay());
        if (generator.equals("date") || type == PgType.DATE) {
            return (row, r) -> new PgType.Micros(fromMicros + Distributions.uniformLong(r, 0, days - 1) * 86_400_000_000L);
        }
        double[] cumulative = new double[24];
        if (c.has("hourWeights")) {
            List<Double> w = c.numbers("hourWeights");
            double sum = w.stream().mapToDouble(Double::doubleValue).sum();
            if (w.size() != 24 || w.stream().anyMatch(x -> x < 0) || sum <= 0) {
                throw c.error("hourWeights", "must be 24 numbers >= 0 with a positive sum (one per hour 0..23), got "
                        + w.size());
            }
            double acc = 0;
            for (int h = 0; h < 24; h++) {
                acc += w.get(h) / sum;
                cumulative[h] = acc;
            }
        } else {
            for (int h = 0; h < 24; h++) {
                cumulative[h] = (h + 1) / 24.0;
            }
        }
        return (row, r) -> {
            long day = Distributions.uniformLong(r, 0, days - 1);
            double u = r.nextDouble();
            int hour = 0;
            while (hour < 23 && u >= cumulative[hour]) {
                hour++;
            }
            long inHour = (long) (r.nextDouble() * 3_600_000_000L);
            return new PgType.Micros(fromMicros + day * 86_400_000_000L + hour * 3_600_000_000L + inHour);
        };
    }

    private static LocalDate date(SpecConfig c, String key) {
        String s = c.string(key);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw c.error(key, "'" + s + "' is not a date (allowed: YYYY-MM-DD, e.g. 2026-01-31)");
        }
    }

    private static ValueGenerator enumeration(ColumnContext ctx) {
        Map<Object, Double> shares = literalShares(ctx, "values");
        if (shares.isEmpty()) {
            throw ctx.cfg().error("values", "is empty (allowed: { VALUE = weight, ... } with weights > 0)");
        }
        double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Object, Double> normalized = new LinkedHashMap<>();
        shares.forEach((k, v) -> normalized.put(k, v / sum));
        Object last = normalized.keySet().stream().reduce((a, b) -> b).orElseThrow();
        return Distributions.withMostCommon(normalized, (row, r) -> last);
    }

    /** Literal keys typed by the column, with non-negative weights (enum values or mostCommon shares). */
    private static Map<Object, Double> literalShares(ColumnContext ctx, String key) {
        SpecConfig c = ctx.cfg();
        Map<String, Double> raw = c.weights(key);
        Map<Object, Double> out = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : raw.entrySet()) {
            if (!(e.getValue() >= 0) || (key.equals("values") && e.getValue() == 0)) {
                throw c.error(key + "." + e.getKey(), "weight " + e.getValue() + " (allowed: a number > 0)");
            }
            try {
                out.put(ctx.type().parse(e.getKey()), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw c.error(key + "." + e.getKey(), ex.getMessage() + " (column " + ctx.column() + ")");
            }
            sum += e.getValue();
        }
        if (key.equals("mostCommon") && sum > 1 + 1e-9) {
            throw c.error(key, "shares sum to " + sum + " (allowed: a total <= 1)");
        }
        return out;
    }

    private static ValueGenerator pattern(ColumnContext ctx) {
        requireKind(ctx, "pattern", PgType.Kind.TEXT);
        String p = ctx.cfg().string("pattern");
        int at = p.indexOf("%d");
        if (at < 0 || p.indexOf("%d", at + 2) >= 0) {
            throw ctx.cfg().error("pattern", "'" + p + "' must contain %d exactly once (the row number)");
        }
        String head = p.substring(0, at);
        String tail = p.substring(at + 2);
        return (row, r) -> head + row + tail;
    }

    private static ValueGenerator constant(ColumnContext ctx) {
        Object v;
        try {
            v = ctx.type().parse(ctx.cfg().string("value"));
        } catch (IllegalArgumentException e) {
            throw ctx.cfg().error("value", e.getMessage() + " (column " + ctx.column() + ")");
        }
        return (row, r) -> v;
    }

    /** Seeds a column's random stream for one row. */
    static long stream(String table, String column) {
        long h = 0xcbf29ce484222325L; // FNV-1a of "table.column": stable across runs and JVMs
        for (byte b : (table + "." + column).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }
}
