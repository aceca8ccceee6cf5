package dev.salerush.shop.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Minimal {@code --key=value} parser. A bare {@code --flag} means {@code --flag=true}. Unknown keys, duplicates and
 * malformed values are errors with a message that names the option; all problems are collected before failing so a
 * user fixes them in one go.
 */
public final class ArgsParser {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> known;
    private final List<String> problems = new ArrayList<>();

    public ArgsParser(String[] args, Set<String> knownKeys) {
        this.known = knownKeys;
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.length() == 2) {
                problems.add("unexpected argument '" + arg + "' (options look like --key=value)");
                continue;
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            if (!known.contains(key)) {
                problems.add("unknown option --" + key + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            } else if (values.put(key, value) != null) {
                problems.add("--" + key + " given twice");
            }
        }
    }

    public String string(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public String required(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            problems.add("--" + key + " is required");
            return null;
        }
        return v;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(v.trim());
            if (parsed < min || parsed > max) {
                problems.add("--" + key + "=" + v + " is out of range " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add("--" + key + "=" + v + " is not an integer");
            return defaultValue;
        }
    }

    public long longValue(String key, long defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            problems.add("--" + key + "=" + v + " is not an integer");
            return defaultValue;
        }
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(v.trim());
            if (!(parsed >= min && parsed <= max)) {
                problems.add("--" + key + "=" + v + " is out of range " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add("--" + key + "=" + v + " is not a number");
            return defaultValue;
        }
    }

    public Duration duration(String key, Duration defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            problems.add("--" + key + ": " + e.getMessage());
            return defaultValue;
        }
    }

    public boolean flag(String key) {
        String v = values.get(key);
        if (v == null) {
            return false;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.add("--" + key + "=" + v + " is not a boolean (true/false)");
                yield false;
            }
        };
    }

    public void problem(String message) {
        problems.add(message);
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** @throws IllegalArgumentException listing every problem found, one per line */
    public void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
    }
}
