package dev.salerush.seeder.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.generate.DatasetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@link KeyQueries} under {@code EXPLAIN (FORMAT JSON)} with realistic parameters (top brand and a
 * tail brand, first and deep page, a hot product, a mid order id) and compares the tree of node types and index
 * names with the expected plans kept in {@value #EXPECTED_RESOURCE} (recorded at production volume).
 * Row estimates and costs are ignored: ANALYZE samples randomly, node types are what matter.
 */
public final class PlanChecker {

    public static final String EXPECTED_RESOURCE = "dev/salerush/seeder/plan/expected-plans.json";

    /** Page size and deep page the list queries are checked at (page 50 of 20). */
    public static final int PAGE_SIZE = 20;
    public static final int DEEP_PAGE = 50;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanChecker() {
    }

    /** A key query with the parameters it is explained with. */
    public record QueryCase(String name, String description, String sql, List<Object> params) {
    }

    /** Expected plans: name -> accepted trees (the first is the recorded one), and the scale they belong to. */
    public record ExpectedPlans(double scale, String server, Map<String, List<List<String>>> plans) {
    }

    public static List<QueryCase> cases(DatasetLayout layout) {
        List<QueryCase> cases = new ArrayList<>();
        long top = layout.topBrandId();
        long tail = layout.tailBrandId();
        for (String sort : KeyQueries.SORT_NAMES) {
            String sql = KeyQueries.productList(sort);
            for (Object[] b : new Object[][] {{"top", top}, {"tail", tail}}) {
                long brand = (Long) b[1];
                String who = b[0] + " brand " + brand + " (" + layout.brandSize(brand) + " products)";
                cases.add(new QueryCase("product_list_" + sort + "_" + b[0] + "_first", who + ", page 0",
                        sql, List.of(brand, PAGE_SIZE + 1, 0)));
                cases.add(new QueryCase("product_list_" + sort + "_" + b[0] + "_deep", who + ", page " + DEEP_PAGE,
                        sql, List.of(brand, PAGE_SIZE + 1, DEEP_PAGE * PAGE_SIZE)));
            }
        }
        long hot = layout.hotProductIds(1).length > 0 ? layout.hotProductIds(1)[0] : 1L;
        cases.add(new QueryCase("brand_list", "first page", KeyQueries.BRAND_LIST, List.of(PAGE_SIZE + 1, 0)));
        cases.add(new QueryCase("product_detail", "hot product " + hot, KeyQueries.PRODUCT_DETAIL, List.of(hot)));
        cases.add(new QueryCase("stock_decrement", "hot product " + hot + ", quantity 1", KeyQueries.STOCK_DECREMENT,
                List.of(1, hot, 1)));
        long order = Math.max(1, layout.orderCount() / 2);
        cases.add(new QueryCase("order_by_id", "order " + order, KeyQueries.ORDER_BY_ID, List.of(order)));
        cases.add(new QueryCase("order_by_idempotency_key", "unknown key", KeyQueries.ORDER_BY_IDEMPOTENCY_KEY,
                List.of("plan-check-0000")));
        return cases;
    }

    /** Checks against the packaged expected plans. */
    public static PlanCheckResult check(Connection c, DatasetLayout layout) throws SQLException {
        ExpectedPlans expected = loadPackaged();
        if (expected == null) {
            return PlanCheckResult.skipped("no expected plans packaged (" + EXPECTED_RESOURCE + ")");
        }
        return check(c, layout, expected);
    }

    public static PlanCheckResult check(Connection c, DatasetLayout layout, ExpectedPlans expected)
            throws SQLException {
        double scale = layout.spec().scale();
        if (Double.compare(scale, expected.scale()) != 0) {
            return PlanCheckResult.skipped("expected plans were recorded at scale " + expected.scale()
                    + ", this dataset has scale " + scale + " (plans at other volumes legitimately differ)");
        }
        List<PlanCheckResult.Entry> entries = new ArrayList<>();
        for (QueryCase q : cases(layout)) {
            List<String> actual = explain(c, q.sql(), q.params());
            List<List<String>> accepted = expected.plans().get(q.name());
            if (accepted == null || accepted.isEmpty()) {
                entries.add(new PlanCheckResult.Entry(q.name(), q.description() + "; no expected plan recorded",
                        List.of(), actual, false));
                continue;
            }
            boolean matched = accepted.contains(actual);
            entries.add(new PlanCheckResult.Entry(q.name(), q.description(), accepted.get(0), actual, matched));
        }
        return new PlanCheckResult(false, null, List.copyOf(entries));
    }

    /** EXPLAIN (FORMAT JSON) of a query with bound parameters, as indented tree lines. */
    public static List<String> explain(Connection c, String sql, List<Object> params) throws SQLException {
        List<String> lines = new ArrayList<>();
        tree(explainPlan(c, sql, params), 0, lines);
        return lines;
    }

    /** The top "Plan" node of EXPLAIN (FORMAT JSON), in a transaction that is rolled back. */
    public static JsonNode explainPlan(Connection c, String sql, List<Object> params) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else if (p instanceof Long n) {
                    ps.setLong(i + 1, n);
                } else {
                    ps.setString(i + 1, String.valueOf(p));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get(0).get("Plan");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } finally {
            c.rollback(); // EXPLAIN does not execute, but never leave anything behind
            c.setAutoCommit(auto);
        }
    }

    static void tree(JsonNode node, int depth, List<String> out) {
        out.add("  ".repeat(depth) + label(node));
        JsonNode children = node.get("Plans");
        if (children != null) {
            for (JsonNode child : children) {
                tree(child, depth + 1, out);
            }
        }
    }

    /** "Index Scan Backward using product_brand_price_idx on product", "Sort [p.sale_price, p.id]", ... */
    static String label(JsonNode n) {
        StringBuilder sb = new StringBuilder(n.path("Node Type").asText());
        if (n.has("Operation") && "ModifyTable".equals(n.path("Node Type").asText())) {
            sb.append(" (").append(n.get("Operation").asText()).append(')');
        }
        if ("Backward".equals(n.path("Scan Direction").asText())) {
            sb.append(" Backward");
        }
        if (n.has("Index Name")) {
            sb.append(" using ").append(n.get("Index Name").asText());
        }
        if (n.has("Relation Name")) {
            sb.append(" on ").append(n.get("Relation Name").asText());
        }
        JsonNode sortKey = n.has("Sort Key") ? n.get("Sort Key") : null;
        if (sortKey != null) {
            List<String> keys = new ArrayList<>();
            sortKey.forEach(k -> keys.add(k.asText()));
            sb.append(" [").append(String.join(", ", keys)).append(']');
        }
        return sb.toString();
    }

    /** Explains every case and returns them as an expected-plans document (to record a new baseline). */
    public static ExpectedPlans record(Connection c, DatasetLayout layout) throws SQLException {
        Map<String, List<List<String>>> plans = new LinkedHashMap<>();
        for (QueryCase q : cases(layout)) {
            plans.put(q.name(), List.of(explain(c, q.sql(), q.params())));
        }
        return new ExpectedPlans(layout.spec().scale(), serverVersion(c), plans);
    }

    /** "PostgreSQL 18.1" and the like: recorded beside plans, since another server version may plan differently. */
    static String serverVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW server_version"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    public static void write(ExpectedPlans plans, DatasetLayout layout, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("comment", "Expected plans of the key queries (dev.salerush.seeder.plan.KeyQueries), recorded "
                + "with `data-seeder plan-check --record FILE` on a production-volume dataset and reviewed. "
                + "'plans' lists accepted trees per query (first = recorded). Node types and index names only.");
        root.put("scale", plans.scale());
        root.put("server", plans.server());
        ArrayNode queries = root.putArray("queries");
        Map<String, QueryCase> byName = new LinkedHashMap<>();
        cases(layout).forEach(q -> byName.put(q.name(), q));
        plans.plans().forEach((name, trees) -> {
            ObjectNode q = queries.addObject();
            q.put("name", name);
            QueryCase qc = byName.get(name);
            if (qc != null) {
                q.put("params", qc.description());
            }
            ArrayNode alternatives = q.putArray("plans");
            for (List<String> tree : trees) {
                ArrayNode t = alternatives.addArray();
                tree.forEach(t::add);
            }
        });
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    public static ExpectedPlans read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        Map<String, List<List<String>>> plans = new LinkedHashMap<>();
        for (JsonNode q : root.path("queries")) {
            List<List<String>> trees = new ArrayList<>();
            for (JsonNode t : q.path("plans")) {
                List<String> lines = new ArrayList<>();
                t.forEach(l -> lines.add(l.asText()));
                trees.add(List.copyOf(lines));
            }
            plans.put(q.path("name").asText(), List.copyOf(trees));
        }
        return new ExpectedPlans(root.path("scale").asDouble(DatasetSpec.MAX_SCALE + 1),
                root.path("server").asText(""), plans);
    }

    public static ExpectedPlans read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static ExpectedPlans loadPackaged() {
        try (InputStream in = PlanChecker.class.getClassLoader().getResourceAsStream(EXPECTED_RESOURCE)) {
            return in == null ? null : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
