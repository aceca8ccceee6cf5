package dev.salerush.seeder.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A golden file of {@code plan-record}: the reduced plan tree and SQL of each named query, the server version and,
 * per table the plans touch, its reltuples (context for a diff). Not the built-in expected-plans.json format.
 */
public record GoldenPlans(String server, Map<String, Double> tables, Map<String, Query> queries) {

    public static final String FORMAT = "salerush-plan-golden/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One recorded query. */
    public record Query(String sql, PlanNode plan) {
    }

    public GoldenPlans {
        tables = Map.copyOf(tables);
        queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("comment", "Plans of a team's key queries recorded by `data-seeder plan-record` (node type, "
                + "relation, index, join type, scan direction, parent relationship; no costs or row estimates). "
                + "Check a test database with `data-seeder plan-check --golden FILE`.");
        root.put("server", server);
        ObjectNode t = root.putObject("tables");
        new TreeMap<>(tables).forEach(t::put);
        ObjectNode q = root.putObject("queries");
        queries.forEach((name, query) -> q.putObject(name).put("sql", query.sql()).set("plan", query.plan().toJson()));
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /**
     * Reads a golden file.
     *
     * @throws IllegalArgumentException when the file is not JSON or not of {@link #FORMAT} (message says what it is)
     */
    public static GoldenPlans read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            String found = root != null && root.has("format") ? "format '" + root.path("format").asText() + "'"
                    : root != null && root.has("plans") || root != null && root.path("queries").isArray()
                    ? "the built-in plan-check format (use --expected for that)" : "no 'format' key";
            throw new IllegalArgumentException(file + " is not a plan-record golden file: " + found
                    + " (expected format '" + FORMAT + "')");
        }
        Map<String, Double> tables = new LinkedHashMap<>();
        root.path("tables").fields().forEachRemaining(e -> tables.put(e.getKey(), e.getValue().asDouble()));
        Map<String, Query> queries = new LinkedHashMap<>();
        root.path("queries").fields().forEachRemaining(e -> {
            JsonNode q = e.getValue();
            if (!q.hasNonNull("sql") || !q.hasNonNull("plan")) {
                throw new IllegalArgumentException(file + ": query '" + e.getKey() + "' has no sql or no plan");
            }
            queries.put(e.getKey(), new Query(q.get("sql").asText(), PlanNode.fromJson(q.get("plan"))));
        });
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no queries");
        }
        return new GoldenPlans(root.path("server").asText(""), tables, queries);
    }
}
