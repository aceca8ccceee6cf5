package dev.salerush.shop.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

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
        Integer parsed = parsed(key, v -> Integer.parseInt(v.trim()), "an integer");
        if (parsed == null) {
            return defaultValue;
        }
        if (parsed < min || parsed > max) {
            outOfRange(key, min, max);
        }
        return parsed;
    }

    public long longValue(String key, long defaultValue) {
        Long parsed = parsed(key, v -> Long.parseLong(v.trim()), "an integer");
        return parsed == null ? defaultValue : parsed;
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        Double parsed = parsed(key, v -> Double.parseDouble(v.trim()), "a number");
        if (parsed == null) {
            return defaultValue;
        }
        if (!(parsed >= min && parsed <= max)) {
            outOfRange(key, min, max);
        }
        return parsed;
    }

    public Duration duration(String key, Duration defaultValue) {
        Duration parsed = parsed(key, Durations::parse, null);
        return parsed == null ? defaultValue : parsed;
    }

    /**
     * The value of {@code key} read by {@code parser}; null when the option is absent or malformed (then the callers
     * fall back to their default, and the malformed value is recorded as a problem).
     *
     * @param expected what the value should be, e.g. "an integer"; null to record the parser's own message, for
     *                 parsers whose message names the value and the expected format
     */
    private <T> T parsed(String key, Function<String, T> parser, String expected) {
        String v = values.get(key);
        if (v == null) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            problems.add(expected == null ? "--" + key + ": " + e.getMessage()
                    : "--" + key + "=" + v + " is not " + expected);
            return null;
        }
    }

    private void outOfRange(String key, Object min, Object max) {
        problems.add("--" + key + "=" + values.get(key) + " is out of range " + min + ".." + max);
    }

    public boolean flag(String key) {
        return flag(key, false);
    }

    /** {@code --key}, {@code --key=true} or {@code --key=false}; {@code defaultValue} when the option is absent. */
    public boolean flag(String key, boolean defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                problems.add("--" + key + "=" + v + " is not a boolean (true/false)");
                yield defaultValue;
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
