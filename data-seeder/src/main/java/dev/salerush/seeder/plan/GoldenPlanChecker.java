package dev.salerush.seeder.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records a team's named queries' plans on one database (plan-record) and checks another database against them
 * (plan-check --golden), naming each differing node by its path.
 */
public final class GoldenPlanChecker {

    private GoldenPlanChecker() {
    }

    /** Explains every query; the connection may be read-only (EXPLAIN without ANALYZE writes nothing). */
    public static GoldenPlans record(Connection c, Map<String, String> queries) throws SQLException {
        Map<String, GoldenPlans.Query> recorded = new LinkedHashMap<>();
        Set<String> tables = new TreeSet<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            PlanNode plan = explain(c, q.getKey(), q.getValue());
            plan.relations(tables);
            recorded.put(q.getKey(), new GoldenPlans.Query(q.getValue(), plan));
        }
        return new GoldenPlans(PlanChecker.serverVersion(c), reltuples(c, tables), recorded);
    }

    /**
     * Checks each golden query on this database. With {@code current} (the team's query file) its SQL is used and
     * queries on only one side fail with a message; without it, the golden file's SQL is explained.
     */
    public static PlanCheckResult check(Connection c, GoldenPlans golden, Map<String, String> current)
            throws SQLException {
        Map<String, Double> here = reltuples(c, golden.tables().keySet());
        List<PlanCheckResult.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, GoldenPlans.Query> g : golden.queries().entrySet()) {
            String name = g.getKey();
            PlanNode expected = g.getValue().plan();
            String sql = current == null ? g.getValue().sql() : current.get(name);
            if (sql == null) {
                entries.add(failed(name, expected, "in the golden file but not in the queries file"));
                continue;
            }
            PlanNode actual;
            try {
                actual = explain(c, name, sql);
            } catch (SQLException e) {
                entries.add(failed(name, expected, "could not be explained on this database: " + e.getMessage()));
                continue;
            }
            List<String> differences = expected.equals(actual) ? List.of()
                    : PlanNode.differences(name, expected, actual);
            entries.add(new PlanCheckResult.Entry(name, context(expected, golden.tables(), here), expected.lines(),
                    actual.lines(), differences.isEmpty(), differences));
        }
        if (current != null) {
            current.keySet().stream().filter(n -> !golden.queries().containsKey(n)).forEach(n -> entries.add(
                    new PlanCheckResult.Entry(n, "no golden plan", List.of(), List.of(), false,
                            List.of(n + ": no golden plan recorded for this query (run plan-record again)"))));
        }
        return new PlanCheckResult(false, null, List.copyOf(entries));
    }

    private static PlanCheckResult.Entry failed(String name, PlanNode expected, String problem) {
        return new PlanCheckResult.Entry(name, problem, expected.lines(), List.of(), false,
                List.of(name + ": " + problem));
    }

    /** "item: 100000 rows in golden, 99870 here" for each table of the plan. */
    private static String context(PlanNode plan, Map<String, Double> golden, Map<String, Double> here) {
        Set<String> tables = new TreeSet<>();
        plan.relations(tables);
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            parts.add(t + " " + rows(golden.get(t)) + " rows in golden, " + rows(here.get(t)) + " here");
        }
        return parts.isEmpty() ? "no table" : String.join("; ", parts);
    }

    private static String rows(Double reltuples) {
        return reltuples == null ? "?" : String.format("%,d", Math.round(reltuples));
    }

    private static PlanNode explain(Connection c, String name, String sql) throws SQLException {
        try {
            return PlanNode.fromExplain(PlanChecker.explainPlan(c, sql, List.of()));
        } catch (SQLException e) {
            throw new SQLException("query '" + name + "': " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** reltuples of the tables as the search path resolves them; missing tables are left out. */
    static Map<String, Double> reltuples(Connection c, Set<String> tables) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            for (String t : tables) {
                ps.setString(1, '"' + t.replace("\"", "\"\"") + '"');
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(t, rs.getDouble(1));
                    }
                }
            }
        }
        return out;
    }
}
