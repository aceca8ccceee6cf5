package dev.salerush.seeder.specseed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.salerush.seeder.generate.FastRandom;
import dev.salerush.seeder.generate.Mix;
import dev.salerush.seeder.schema.Catalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a spec against an introspected schema and turns it into a {@link SpecPlan}; the first problem found is
 * thrown as a {@link SpecException} naming its key. Pure: reads the catalog it is given, writes nothing.
 */
public final class SpecPlanner {

    /** Part of the fingerprint: bump when a generator's output for the same spec changes. */
    public static final String GENERATOR_VERSION = "spec-1";

    private static final Set<String> DISTRIBUTIONS = Set.of("uniform", "poisson", "geometric", "fixed");
    private static final long DEFAULT_MAX_CHILDREN = 1000;

    private SpecPlanner() {
    }

    /** Plans the {@code spec} section of {@code root}. */
    public static SpecPlan plan(Config root, Catalog catalog) {
        if (!root.hasPath("spec")) {
            throw new SpecException("spec", "missing (allowed: a root key spec { seed = ..., tables { ... } })");
        }
        if (!(root.getValue("spec") instanceof com.typesafe.config.ConfigObject)) {
            throw new SpecException("spec", "must be an object { seed = ..., tables { ... } }");
        }
        SpecConfig spec = new SpecConfig(root.getConfig("spec"), "spec");
        spec.onlyKeys(Set.of("seed", "locale", "tables"), "spec");
        long seed = spec.integer("seed");
        Locale locale = locale(spec);
        SpecConfig tables = spec.child("tables");
        List<String> names = tables.config().root().keySet().stream().sorted().toList();
        if (names.isEmpty()) {
            throw tables.error(null, "no tables (allowed: one entry per table to load)");
        }
        for (String t : names) {
            if (catalog.table(t) == null) {
                throw tables.error(t, "no such table in schema public (tables: "
                        + String.join(", ", catalog.tables().keySet().stream().sorted().toList()) + ")");
            }
        }
        List<String> order = foreignKeyOrder(names, catalog, tables);
        Map<String, Boolean> keyedFrom1 = new HashMap<>();
        for (String t : names) {
            keyedFrom1.put(t, keyedFrom1(tables.child(t), catalog.table(t)));
        }
        Map<String, Long> rows = new HashMap<>();
        List<SpecPlan.TablePlan> plans = new ArrayList<>();
        for (String t : order) {
            SpecPlan.TablePlan p = table(tables.child(t), catalog, catalog.table(t), rows, names, keyedFrom1, seed,
                    locale);
            rows.put(t, p.rows());
            plans.add(p);
        }
        String canonical = canonicalJson(spec.config());
        return new SpecPlan(seed, sha256(GENERATOR_VERSION + "\n" + canonical), canonical, List.copyOf(plans));
    }

    private static Locale locale(SpecConfig spec) {
        String tag = spec.has("locale") ? spec.string("locale") : "ko";
        Locale l = Locale.forLanguageTag(tag.replace('_', '-'));
        boolean known = !l.getLanguage().isEmpty()
                && Arrays.stream(Locale.getAvailableLocales()).anyMatch(a -> a.getLanguage().equals(l.getLanguage()));
        if (!known) {
            throw spec.error("locale", "unknown locale '" + tag + "' (allowed: a language tag such as ko, en, ja, en-US)");
        }
        return l;
    }

    /** Parents before children; a foreign-key cycle among the spec's tables is refused, naming them. */
    private static List<String> foreignKeyOrder(List<String> names, Catalog catalog, SpecConfig tables) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String t : names) {
            Set<String> ps = new LinkedHashSet<>();
            for (Catalog.Constraint fk : catalog.table(t).foreignKeys()) {
                if (!names.contains(fk.refTable())) {
                    throw tables.error(t + ".columns." + fk.columns().get(0), "foreign key " + fk.name()
                            + " references " + fk.refTable() + ", which the spec does not load (allowed: add spec.tables."
                            + fk.refTable() + ")");
                }
                if (!fk.refTable().equals(t)) {
                    ps.add(fk.refTable());
                }
            }
            parents.put(t, ps);
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (String t : names) {
                if (!done.contains(t) && done.containsAll(parents.get(t))) {
                    done.add(t);
                    order.add(t);
                    progress = true;
                }
            }
        }
        if (order.size() < names.size()) {
            List<String> cyclic = names.stream().filter(t -> !done.contains(t)).toList();
            throw tables.error(null, "foreign key cycle among tables " + cyclic
                    + " (allowed: foreign keys between different tables that form no cycle; self-references are fine)");
        }
        return order;
    }

    private static SpecPlan.TablePlan table(SpecConfig tc, Catalog catalog, Catalog.Table table,
                                            Map<String, Long> rowsOf, List<String> names,
                                            Map<String, Boolean> keyedFrom1, long seed, Locale locale) {
        tc.onlyKeys(Set.of("rows", "rowsPer", "columns"), "a table");
        if (tc.has("rows") && tc.has("rowsPer")) {
            throw tc.error(null, "has both rows and rowsPer (allowed: one of them)");
        }
        String parent = null;
        String parentColumn = null;
        long[] prefix = null;
        long rows;
        long maxChildren = Long.MAX_VALUE;
        if (tc.has("rows")) {
            rows = tc.integer("rows");
            if (rows < 0) {
                throw tc.error("rows", rows + " (allowed: an integer >= 0)");
            }
        } else if (tc.has("rowsPer")) {
            SpecConfig rp = tc.child("rowsPer");
            rp.onlyKeys(Set.of("parent", "mean", "distribution", "min", "max"), "rowsPer");
            parent = rp.string("parent");
            if (!names.contains(parent)) {
                throw rp.error("parent", "'" + parent + "' is not a table of the spec");
            }
            String p = parent;
            parentColumn = table.foreignKeys().stream()
                    .filter(f -> f.refTable().equals(p) && f.columns().size() == 1).map(f -> f.columns().get(0))
                    .findFirst().orElseThrow(() -> rp.error("parent", table.name() + " has no single-column foreign "
                            + "key to " + p + " (allowed: a table it references)"));
            if (parent.equals(table.name())) {
                throw rp.error("parent", "a table cannot be its own rowsPer parent");
            }
            double mean = rp.number("mean");
            if (!(mean >= 0)) {
                throw rp.error("mean", mean + " (allowed: a number >= 0)");
            }
            String dist = rp.has("distribution") ? rp.string("distribution") : "poisson";
            if (!DISTRIBUTIONS.contains(dist)) {
                throw rp.error("distribution", "'" + dist + "' (allowed: uniform, poisson, geometric, fixed)");
            }
            long min = rp.has("min") ? rp.integer("min") : 0;
            long max = rp.has("max") ? rp.integer("max")
                    : dist.equals("uniform") ? Math.round(2 * mean) - min : DEFAULT_MAX_CHILDREN;
            if (min < 0) {
                throw rp.error("min", min + " (allowed: an integer >= 0)");
            }
            if (min > max) {
                throw rp.error("min", min + " > max " + max + " (allowed: min <= max)");
            }
            maxChildren = max;
            prefix = childCounts(seed, table.name(), rowsOf.get(parent), dist, mean, min, max);
            rows = prefix[prefix.length - 1];
        } else {
            throw tc.error("rows", "missing (allowed: rows = N, or rowsPer { parent = ..., mean = ... })");
        }
        List<SpecPlan.ColumnPlan> columns = columns(tc, catalog, table, rows, rowsOf, keyedFrom1, parentColumn,
                maxChildren, locale);
        return new SpecPlan.TablePlan(table.name(), rows, columns, parent, prefix);
    }

    private static long[] childCounts(long seed, String table, long parents, String dist, double mean, long min,
                                      long max) {
        if (parents >= Integer.MAX_VALUE) {
            throw new SpecException("spec.tables." + table + ".rowsPer.parent", "parent has too many rows");
        }
        long[] prefix = new long[(int) parents + 1];
        FastRandom r = new FastRandom(0);
        long stream = Generators.stream(table, "#rowsPer");
        for (int p = 1; p <= parents; p++) {
            r.reset(Mix.seed(seed, stream, p));
            long k = switch (dist) {
                case "fixed" -> Math.round(mean);
                case "uniform" -> Distributions.uniformLong(r, min, max);
                case "poisson" -> Distributions.poisson(r, mean);
                default -> Distributions.geometric(r, mean);
            };
            prefix[p] = prefix[p - 1] + Math.max(min, Math.min(max, k));
        }
        return prefix;
    }

    private static List<SpecPlan.ColumnPlan> columns(SpecConfig tc, Catalog catalog, Catalog.Table table, long rows,
                                                     Map<String, Long> rowsOf, Map<String, Boolean> keyedFrom1,
                                                     String parentColumn, long maxChildren, Locale locale) {
        SpecConfig cols = tc.has("columns") ? tc.child("columns") : null;
        if (cols != null) {
            for (String c : cols.config().root().keySet()) {
                if (table.column(c) == null) {
                    throw cols.error(c, "no such column in table " + table.name() + " (columns: " + String.join(", ",
                            table.columns().stream().map(Catalog.Column::name).toList()) + ")");
                }
            }
        }
        String distinctColumn = distinctColumn(tc, table, parentColumn);
        List<SpecPlan.ColumnPlan> out = new ArrayList<>();
        for (Catalog.Column col : table.columns()) {
            String name = col.name();
            SpecConfig cc = cols != null && cols.has(name) ? cols.child(name)
                    : new SpecConfig(com.typesafe.config.ConfigFactory.empty(), tc.key("columns." + name));
            boolean given = cols != null && cols.has(name);
            PgType type = PgType.of(col.type());
            Catalog.Constraint fk = table.foreignKeyOn(name);
            boolean singlePk = table.primaryKey().equals(List.of(name));
            boolean unique = table.uniqueKeys().contains(List.of(name));
            if (type == null && (given || col.notNull() && !col.hasDefault())) {
                throw cc.error(null, "column type " + col.type() + " is not supported (allowed: integer, numeric, "
                        + "double precision, text/varchar, boolean, timestamp[tz], date)");
            }
            double nulls = cc.number("nulls", 0);
            if (!(nulls >= 0 && nulls <= 1)) {
                throw cc.error("nulls", nulls + " (allowed: a share between 0 and 1)");
            }
            if (nulls > 0 && col.notNull()) {
                throw cc.error("nulls", "column " + name + " is NOT NULL (allowed: nulls only on nullable columns)");
            }
            if (name.equals(parentColumn)) {
                requireSequenceKey(cc, fk, keyedFrom1, catalog);
                if (given) {
                    throw cc.error(null, "is the rowsPer parent's key, set by the loader (allowed: leave it out)");
                }
                if (unique && maxChildren > 1) {
                    throw tc.error("rowsPer.max", "column " + name + " is UNIQUE, so each parent may have at most one "
                            + "row (allowed: max = 1)");
                }
                out.add(new SpecPlan.ColumnPlan(name, type, col.typmod(), 0, null, SpecPlan.Role.PARENT));
                continue;
            }
            String generator = cc.has("generator") ? cc.string("generator")
                    : fk != null ? "reference" : singlePk && type != null && type.integer() ? "sequence" : null;
            if (generator == null) {
                if (given && !cc.config().isEmpty() && !(cc.config().root().keySet().equals(Set.of("nulls")))) {
                    throw cc.error("generator", "missing (allowed: " + Generators.names() + ")");
                }
                if (!col.notNull()) {
                    out.add(new SpecPlan.ColumnPlan(name, type, col.typmod(), 0, null, SpecPlan.Role.NULL));
                } else if (!col.hasDefault()) {
                    throw cc.error(null, "NOT NULL without a default and no generator (allowed: a generator, e.g. "
                            + "{ generator = constant, value = ... })");
                }
                continue; // NOT NULL with a default: left out of the COPY
            }
            ColumnContext ctx = new ColumnContext(cc, table.name(), name, type, col.typmod(), col.notNull(),
                    unique, rows, fk == null ? null : fk.refTable(),
                    fk == null ? 0 : rowsOf.getOrDefault(fk.refTable(), table.name().equals(fk.refTable()) ? rows : 0),
                    locale);
            if (fk != null && generator.equals("reference")) {
                requireSequenceKey(cc, fk, keyedFrom1, catalog);
            }
            boolean distinct = name.equals(distinctColumn);
            ValueGenerator g = Generators.build(distinct ? withUnique(ctx, false) : ctx, generator);
            if (distinct && maxChildren > ctx.targetRows()) {
                throw tc.error("rowsPer.max", maxChildren + " children per parent, but (" + parentColumn + ", " + name
                        + ") must be distinct and " + fk.refTable() + " has " + ctx.targetRows()
                        + " rows (allowed: max <= " + ctx.targetRows() + ")");
            }
            out.add(new SpecPlan.ColumnPlan(name, type, col.typmod(), nulls, g,
                    distinct ? SpecPlan.Role.DISTINCT : SpecPlan.Role.VALUE));
        }
        return List.copyOf(out);
    }

    private static ColumnContext withUnique(ColumnContext c, boolean unique) {
        return new ColumnContext(c.cfg(), c.table(), c.column(), c.type(), c.typmod(), c.notNull(), unique, c.rows(),
                c.target(), c.targetRows(), c.locale());
    }

    /**
     * The reference column that, with the rowsPer parent's column, makes a composite unique key (a many-to-many
     * join table); other composite unique keys cannot be generated.
     */
    private static String distinctColumn(SpecConfig tc, Catalog.Table table, String parentColumn) {
        String found = null;
        for (List<String> key : table.uniqueKeys()) {
            if (key.size() < 2) {
                continue;
            }
            if (key.size() == 2 && parentColumn != null && key.contains(parentColumn)) {
                String other = key.get(0).equals(parentColumn) ? key.get(1) : key.get(0);
                if (table.foreignKeyOn(other) != null) {
                    found = other;
                    continue;
                }
            }
            throw tc.error(null, "unique key " + key + " of " + table.name() + " cannot be generated (allowed: "
                    + "a two-column key of the rowsPer parent's column and another foreign key column)");
        }
        return found;
    }

    /** A reference draws keys 1..N, so the referenced key must be the parent's sequence primary key from 1. */
    private static void requireSequenceKey(SpecConfig cc, Catalog.Constraint fk, Map<String, Boolean> keyedFrom1,
                                           Catalog catalog) {
        Catalog.Table target = catalog.table(fk.refTable());
        if (!fk.refColumns().equals(target.primaryKey()) || !keyedFrom1.getOrDefault(fk.refTable(), false)) {
            throw cc.error("generator", "foreign key " + fk.name() + " references " + fk.refTable() + fk.refColumns()
                    + ", but reference draws keys 1..rows of a single-column integer primary key filled by "
                    + "sequence from 1 (allowed: such a key; leave spec.tables." + fk.refTable()
                    + ".columns." + String.join(",", target.primaryKey()) + " out or use sequence with start = 1)");
        }
    }

    /** Whether a table's primary key gets the values 1..rows (a single integer column, sequence from 1). */
    private static boolean keyedFrom1(SpecConfig tc, Catalog.Table t) {
        List<String> pk = t.primaryKey();
        if (pk.size() != 1 || PgType.of(t.column(pk.get(0)).type()) == null
                || !PgType.of(t.column(pk.get(0)).type()).integer()) {
            return false;
        }
        String path = "columns." + SpecConfig.quote(pk.get(0));
        Config c = tc.config();
        if (!c.hasPath(path)) {
            return true;
        }
        Config col = c.getConfig(path);
        boolean sequence = !col.hasPath("generator") || "sequence".equals(col.getString("generator"));
        return sequence && (!col.hasPath("start") || col.getDouble("start") == 1);
    }

    private static String canonicalJson(Config spec) {
        try {
            return new ObjectMapper().writeValueAsString(sorted(spec.root().unwrapped()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            TreeMap<String, Object> t = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> t.put(k, sorted(v)));
            return t;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(SpecPlanner::sorted).toList();
        }
        return o;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
