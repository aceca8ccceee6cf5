package dev.salerush.seeder.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A plan node reduced to what is stable between two databases with the same shape: node type (with the
 * ModifyTable operation), relation, index, join type, scan direction, parent relationship and children.
 * Costs and row estimates are left out: they move with every ANALYZE sample.
 */
public record PlanNode(String nodeType, String relation, String index, String joinType, String scanDirection,
                       String parentRelationship, List<PlanNode> children) {

    private static final String[][] FIELDS = {
            {"Node Type", "nodeType"}, {"Relation Name", "relation"}, {"Index Name", "index"},
            {"Join Type", "joinType"}, {"Scan Direction", "scanDirection"},
            {"Parent Relationship", "parentRelationship"}};

    public PlanNode {
        Objects.requireNonNull(nodeType, "nodeType");
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** From a node of EXPLAIN (FORMAT JSON). */
    public static PlanNode fromExplain(JsonNode n) {
        String type = n.path("Node Type").asText();
        if ("ModifyTable".equals(type) && n.has("Operation")) {
            type = type + " (" + n.get("Operation").asText() + ")";
        }
        List<PlanNode> children = new ArrayList<>();
        n.path("Plans").forEach(child -> children.add(fromExplain(child)));
        return new PlanNode(type, text(n, FIELDS[1][0]), text(n, FIELDS[2][0]), text(n, FIELDS[3][0]),
                text(n, FIELDS[4][0]), text(n, FIELDS[5][0]), children);
    }

    /** From the golden file's form ({@link #toJson()}). */
    public static PlanNode fromJson(JsonNode n) {
        if (!n.hasNonNull(FIELDS[0][1])) {
            throw new IllegalArgumentException("plan node without " + FIELDS[0][1] + ": " + n);
        }
        List<PlanNode> children = new ArrayList<>();
        n.path("children").forEach(child -> children.add(fromJson(child)));
        return new PlanNode(n.get(FIELDS[0][1]).asText(), text(n, FIELDS[1][1]), text(n, FIELDS[2][1]),
                text(n, FIELDS[3][1]), text(n, FIELDS[4][1]), text(n, FIELDS[5][1]), children);
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        String[] values = {nodeType, relation, index, joinType, scanDirection, parentRelationship};
        for (int i = 0; i < FIELDS.length; i++) {
            if (values[i] != null) {
                o.put(FIELDS[i][1], values[i]);
            }
        }
        if (!children.isEmpty()) {
            children.forEach(c -> o.withArray("children").add(c.toJson()));
        }
        return o;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** "Index Scan Backward using item_seller_idx on item", "Hash Join (Left)", "Seq Scan on item". */
    public String label() {
        StringBuilder sb = new StringBuilder(nodeType);
        if ("Backward".equals(scanDirection)) {
            sb.append(" Backward");
        }
        if (joinType != null) {
            sb.append(" (").append(joinType).append(')');
        }
        if (index != null) {
            sb.append(" using ").append(index);
        }
        if (relation != null) {
            sb.append(" on ").append(relation);
        }
        return sb.toString();
    }

    /** The node and its descendants on one line: "A > B", "A > (B | C)". */
    public String subtree() {
        if (children.isEmpty()) {
            return label();
        }
        if (children.size() == 1) {
            return label() + " > " + children.get(0).subtree();
        }
        return label() + " > (" + String.join(" | ", children.stream().map(PlanNode::subtree).toList()) + ")";
    }

    /** Indented lines, one per node (the line diff of a mismatch). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        lines(0, out);
        return out;
    }

    private void lines(int depth, List<String> out) {
        out.add("  ".repeat(depth) + label() + (parentRelationship != null ? "  [" + parentRelationship + "]" : ""));
        children.forEach(c -> c.lines(depth + 1, out));
    }

    /** Relations the plan reads or writes. */
    public void relations(Set<String> into) {
        if (relation != null) {
            into.add(relation);
        }
        children.forEach(c -> c.relations(into));
    }

    /**
     * Names each difference by the path of expected node labels: a node that differs (with both subtrees), and
     * children that are missing or extra. Children of equal nodes are compared position by position.
     */
    public static List<String> differences(String query, PlanNode expected, PlanNode actual) {
        List<String> out = new ArrayList<>();
        compare(query + ": ", expected, actual, out);
        return out;
    }

    private static void compare(String prefix, PlanNode expected, PlanNode actual, List<String> out) {
        String path = prefix + expected.label();
        if (!expected.label().equals(actual.label())) {
            // a different node: its children are not comparable position by position, so show both subtrees
            out.add(path + ": found " + actual.subtree() + " instead of " + expected.subtree());
            return;
        }
        if (!Objects.equals(expected.parentRelationship, actual.parentRelationship)) {
            out.add(path + ": found it as the " + actual.parentRelationship + " child (expected "
                    + expected.parentRelationship + ")");
        }
        int common = Math.min(expected.children.size(), actual.children.size());
        for (int i = 0; i < common; i++) {
            compare(path + " > ", expected.children.get(i), actual.children.get(i), out);
        }
        for (int i = common; i < expected.children.size(); i++) {
            out.add(path + ": missing child " + expected.children.get(i).subtree());
        }
        for (int i = common; i < actual.children.size(); i++) {
            out.add(path + ": extra child " + actual.children.get(i).subtree());
        }
    }
}
