package dev.salerush.seeder.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which profiled tables must be written as children of a parent ({@code rowsPer}) rather than with absolute rows:
 * those whose unique keys only the per-parent loader can keep — a one-to-one child (a UNIQUE foreign key) and a
 * many-to-many join table (a two-column key of two foreign keys). The mean is chosen so that the expected row
 * count equals the profiled one.
 */
final class ChildRows {

    /** {@code rowsPer { parent, mean, distribution, max }}, with the parent's key column the loader fills in. */
    record RowsPer(String parent, String parentColumn, double mean, String distribution, long max, String why) {
    }

    private ChildRows() {
    }

    static Optional<RowsPer> of(TableProfile t, Map<String, TableProfile> byName) {
        for (List<String> key : t.uniqueKeys()) {
            if (key.size() == 1) {
                Optional<RowsPer> oneToOne = oneToOne(t, key.get(0), byName);
                if (oneToOne.isPresent()) {
                    return oneToOne;
                }
            } else if (key.size() == 2) {
                Optional<RowsPer> join = joinTable(t, key, byName);
                if (join.isPresent()) {
                    return join;
                }
            }
        }
        return Optional.empty();
    }

    /** At most one child per parent: a Poisson draw capped at 1 is 1 with probability 1 - e^-mean = rows/parents. */
    private static Optional<RowsPer> oneToOne(TableProfile t, String column, Map<String, TableProfile> byName) {
        TableProfile parent = parentOf(t, column, byName);
        if (parent == null || parent.rows() == 0) {
            return Optional.empty();
        }
        double share = Math.min((double) t.rows() / parent.rows(), 0.999);
        return Optional.of(new RowsPer(parent.name(), column, -Math.log1p(-share), "poisson", 1,
                column + " is UNIQUE: at most one " + t.name() + " per " + parent.name() + " (" + Hocon.number(share)
                        + " of them have one)"));
    }

    /** A join table: children of its larger parent, each pair drawn once; at most every row of the other parent. */
    private static Optional<RowsPer> joinTable(TableProfile t, List<String> key, Map<String, TableProfile> byName) {
        TableProfile first = parentOf(t, key.get(0), byName);
        TableProfile second = parentOf(t, key.get(1), byName);
        if (first == null || second == null) {
            return Optional.empty();
        }
        boolean firstLarger = first.rows() >= second.rows();
        TableProfile parent = firstLarger ? first : second;
        TableProfile other = firstLarger ? second : first;
        if (parent.rows() == 0) {
            return Optional.empty();
        }
        double mean = (double) t.rows() / parent.rows();
        long max = Math.max(1, Math.min(other.rows(), (long) Math.ceil(4 * mean + 10)));
        return Optional.of(new RowsPer(parent.name(), key.get(firstLarger ? 0 : 1), mean, "poisson", max,
                "many-to-many " + parent.name() + " x " + other.name() + " (unique " + key + "): pairs drawn per "
                        + parent.name() + "; review the distribution"));
    }

    private static TableProfile parentOf(TableProfile t, String column, Map<String, TableProfile> byName) {
        ColumnProfile c = t.column(column);
        return c == null || c.parent() == null || c.parent().equals(t.name()) ? null : byName.get(c.parent());
    }
}
