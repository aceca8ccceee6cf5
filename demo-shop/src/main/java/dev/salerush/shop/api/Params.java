package dev.salerush.shop.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Parameter validation: every failure is a 400 naming the field. */
final class Params {

    private Params() {
    }

    /** An optional integer query parameter within [min, max]; absent or empty gives the default. */
    static int intParam(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        long value = parseLong(name, raw);
        if (value < min || value > max) {
            throw ApiException.badRequest(name, name + " must be between " + min + " and " + max);
        }
        return (int) value;
    }

    /** A positive id (path or query parameter). */
    static long id(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw ApiException.badRequest(name, name + " is required");
        }
        long value = parseLong(name, raw);
        if (value < 1) {
            throw ApiException.badRequest(name, name + " must be a positive integer");
        }
        return value;
    }

    private static long parseLong(String name, String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be an integer, got '" + abbreviate(raw) + "'");
        }
    }

    /** A required integral JSON field within [min, max]. */
    static long jsonLong(JsonNode body, String name, long min, long max) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            throw ApiException.badRequest(name, name + " is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.badRequest(name, name + " must be an integer");
        }
        long value = node.asLong();
        if (value < min || value > max) {
            throw ApiException.badRequest(name, name + " must be between " + min + " and " + max);
        }
        return value;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
