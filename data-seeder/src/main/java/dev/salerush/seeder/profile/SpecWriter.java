package dev.salerush.seeder.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the profiled tables as a {@code seed --spec} skeleton (HOCON): parents before children, absolute row
 * counts, one generator per column, and comments where a person has to review a choice.
 */
public final class SpecWriter {

    /** Default seed of a new spec (any fixed value keeps the data reproducible). */
    public static final long DEFAULT_SEED = 20260701L;

    private SpecWriter() {
    }

    public static String write(List<TableProfile> tables, String source, long seed, String locale) {
        Map<String, TableProfile> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        StringBuilder sb = new StringBuilder();
        sb.append("# Spec skeleton written by `data-seeder profile` from the statistics of ").append(source).append('\n')
                .append("# (pg_class sizes and pg_stats; no text value was read). Review every '# review' line.\n")
                .append("spec {\n")
                .append("  seed = ").append(seed).append('\n')
                .append("  locale = ").append(locale).append('\n')
                .append("  tables {\n");
        for (TableProfile t : parentsFirst(byName)) {
            table(sb, t, byName);
        }
        sb.append("  }\n}\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, TableProfile t, Map<String, TableProfile> byName) {
        sb.append("    ").append(Hocon.key(t.name())).append(" {\n");
        Optional<ChildRows.RowsPer> rowsPer = ChildRows.of(t, byName);
        if (rowsPer.isPresent()) {
            ChildRows.RowsPer rp = rowsPer.get();
            sb.append("      # ").append(rp.why()).append("; ").append(t.rows()).append(" rows from ")
                    .append(t.count().comment()).append('\n');
            sb.append("      rowsPer { parent = ").append(Hocon.key(rp.parent())).append(", mean = ")
                    .append(Hocon.number(rp.mean())).append(", distribution = ").append(rp.distribution())
                    .append(", max = ").append(rp.max()).append(" }\n");
        } else {
            sb.append("      rows = ").append(t.rows()).append("   # ").append(t.count().comment()).append('\n');
            ratios(sb, t, byName);
        }
        sb.append("      columns {\n");
        for (ColumnProfile c : t.columns()) {
            if (rowsPer.isPresent() && c.name().equals(rowsPer.get().parentColumn())) {
                continue; // the loader sets each child's parent key
            }
            ColumnMapper.Generator g = ColumnMapper.map(t, c);
            for (String comment : g.comments()) {
                sb.append("        # ").append(c.name()).append(": ").append(comment).append('\n');
            }
            sb.append("        ").append(Hocon.key(c.name())).append(" { ").append(g.body()).append(" }\n");
        }
        sb.append("      }\n    }\n");
    }

    private static void ratios(StringBuilder sb, TableProfile t, Map<String, TableProfile> byName) {
        for (String parent : t.parents()) {
            TableProfile p = byName.get(parent);
            if (p != null && p.rows() > 0) {
                sb.append("      # ≈ ").append(Hocon.number((double) t.rows() / p.rows())).append(" per ")
                        .append(parent).append(" row; absolute rows kept (rowsPer { parent = ").append(parent)
                        .append(", mean = ... } would follow ").append(parent).append("'s volume instead)\n");
            }
        }
    }

    /** Tables ordered so that every referenced parent comes first (cycles keep their input order). */
    static List<TableProfile> parentsFirst(Map<String, TableProfile> byName) {
        List<TableProfile> ordered = new ArrayList<>();
        for (TableProfile t : byName.values()) {
            visit(t, byName, ordered, new ArrayList<>());
        }
        return ordered;
    }

    private static void visit(TableProfile t, Map<String, TableProfile> byName, List<TableProfile> ordered,
                              List<String> path) {
        if (ordered.contains(t) || path.contains(t.name())) {
            return;
        }
        path.add(t.name());
        for (String parent : t.parents()) {
            TableProfile p = byName.get(parent);
            if (p != null) {
                visit(p, byName, ordered, path);
            }
        }
        ordered.add(t);
    }
}
