package dev.salerush.sim.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tolerant reads from a summary that may be hand-edited or half written: a field of the wrong type reads as absent
 * (null), never as 0 and never as an exception. Paths are dot-separated ({@code "global.p95Ms"}).
 */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    static String text(JsonNode node, String path) {
        JsonNode value = at(node, path);
        return value != null && value.isValueNode() ? value.asText() : null;
    }

    static Double number(JsonNode node, String path) {
        JsonNode value = at(node, path);
        return value != null && value.isNumber() ? value.doubleValue() : null;
    }

    /** True when the field is there but holds something other than a number. */
    static boolean notANumber(JsonNode node, String path) {
        JsonNode value = at(node, path);
        return value != null && !value.isNumber();
    }

    static Boolean bool(JsonNode node, String path) {
        JsonNode value = at(node, path);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    /** The object's fields in order, or an empty map when it is absent or not an object. */
    static Map<String, JsonNode> fields(JsonNode node, String path) {
        JsonNode value = at(node, path);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (value != null && value.isObject()) {
            value.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The array's object elements, or an empty list when it is absent or not an array. */
    static List<JsonNode> objects(JsonNode node, String path) {
        JsonNode value = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(element -> {
                if (element.isObject()) {
                    out.add(element);
                }
            });
        }
        return out;
    }
}
