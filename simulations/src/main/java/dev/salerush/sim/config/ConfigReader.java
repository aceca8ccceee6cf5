package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reads from one section of the configuration. Every failure becomes a {@link ConfigError} whose message names
 * the full key (section prefix included) and the allowed form.
 */
final class ConfigReader {
    private final Config config;
    private final String prefix;

    ConfigReader(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix.isEmpty() ? "" : prefix + ".";
    }

    String key(String path) {
        return prefix + path;
    }

    boolean has(String path) {
        return config.hasPath(path);
    }

    Config section(String path) {
        return read(path, config::getConfig, "an object { ... }");
    }

    /** The keys of this section, in order. */
    java.util.SortedSet<String> keys() {
        return new java.util.TreeSet<>(config.root().keySet());
    }

    /** A reader of the section at {@code path}, whose messages name keys with the full prefix. */
    ConfigReader child(String path) {
        return new ConfigReader(section(path), key(path));
    }

    List<? extends Config> sections(String path) {
        return read(path, config::getConfigList, "a list of objects [ { ... } ]");
    }

    String string(String path) {
        return read(path, config::getString, "a string");
    }

    String nonBlank(String path) {
        String value = string(path);
        if (value.isBlank()) {
            throw new ConfigError(key(path) + " must not be empty");
        }
        return value;
    }

    /** One of the {@code allowed} words, as written (case-sensitive). */
    String oneOf(String path, List<String> allowed) {
        String value = string(path).trim();
        if (!allowed.contains(value)) {
            throw new ConfigError(key(path) + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return value;
    }

    boolean bool(String path) {
        return read(path, config::getBoolean, "true or false");
    }

    List<String> stringList(String path) {
        return read(path, config::getStringList, "a list of strings, e.g. [\"127.0.0.1\", \"localhost\"]");
    }

    /** The value at {@code path} as written (a string, an object, a list …). */
    com.typesafe.config.ConfigValue value(String path) {
        if (!has(path)) {
            throw new ConfigError(key(path) + " is missing");
        }
        return config.getValue(path);
    }

    /** A list whose entries may be strings or objects, each as written. */
    List<com.typesafe.config.ConfigValue> values(String path) {
        return read(path, config::getList, "a list [ ... ]");
    }

    /** An object of string values, e.g. {@code env { REGION = "staging" }}; empty when the key is absent. */
    java.util.Map<String, String> stringMap(String path) {
        if (!has(path)) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        ConfigReader section = child(path);
        for (String name : config.getObject(path).keySet()) {
            values.put(name, section.string(com.typesafe.config.ConfigUtil.joinPath(name)));
        }
        return values;
    }

    Duration positiveDuration(String path) {
        Duration duration = read(path, config::getDuration, "a duration with a unit, e.g. 30s or 500ms");
        if (duration.isNegative() || duration.isZero()) {
            throw new ConfigError(key(path) + " must be a positive duration, e.g. 30s, got " + raw(path));
        }
        return duration;
    }

    Duration nonNegativeDuration(String path) {
        Duration duration = read(path, config::getDuration, "a duration with a unit, e.g. 10s, or 0s for none");
        if (duration.isNegative()) {
            throw new ConfigError(key(path) + " must not be negative, got " + raw(path));
        }
        return duration;
    }

    int intInRange(String path, int min, int max) {
        int value = read(path, config::getInt, "a whole number");
        if (value < min || value > max) {
            throw new ConfigError(key(path) + " must be between " + min + " and " + max + ", got " + raw(path));
        }
        return value;
    }

    /**
     * A whole number of at least {@code min}, where {@code getInt} would read 1.5 as 1; {@code allowed} says what
     * the number means, for the one line that refuses anything else.
     */
    int wholeNumberFrom(String path, int min, String allowed) {
        double value = read(path, config::getDouble, allowed);
        if (value != Math.rint(value) || value < min || value > Integer.MAX_VALUE) {
            throw new ConfigError(key(path) + " must be " + allowed + ", got " + raw(path));
        }
        return (int) value;
    }

    long longInRange(String path, long min, long max) {
        // what the user wrote: a number beyond a long's range reads as Long.MAX_VALUE
        long value = read(path, config::getLong, "a whole number");
        if (value < min || value > max) {
            throw new ConfigError(key(path) + " must be between " + min + " and " + max + ", got " + raw(path));
        }
        return value;
    }

    double positiveNumber(String path, double max) {
        double value = number(path);
        if (!(value > 0) || value > max) {
            throw new ConfigError(key(path) + " must be a number greater than 0 and at most " + max + ", got " + raw(path));
        }
        return value;
    }

    double numberInRange(String path, double min, double max) {
        double value = number(path);
        if (!(value >= min && value <= max)) {
            throw new ConfigError(key(path) + " must be a number between " + min + " and " + max + ", got " + raw(path));
        }
        return value;
    }

    private double number(String path) {
        return read(path, config::getDouble, "a number");
    }

    private Object raw(String path) {
        return config.getValue(path).unwrapped();
    }

    private <T> T read(String path, Function<String, T> getter, String allowed) {
        try {
            return getter.apply(path);
        } catch (ConfigException.Missing e) {
            throw new ConfigError(key(path) + " is missing; it must be " + allowed, e);
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            throw new ConfigError(key(path) + " must be " + allowed + ", got '" + raw(path) + "'", e);
        }
    }

    /** A non-empty list of host names or addresses. */
    List<String> hostList(String path) {
        List<String> hosts = stringList(path);
        if (hosts.isEmpty() || hosts.stream().anyMatch(String::isBlank)) {
            throw new ConfigError(key(path) + " must list at least one host name or address, with no empty entries");
        }
        return hosts;
    }

    /** A JVM heap size such as 512m or 2g. */
    String heapSize(String path) {
        String heap = string(path).trim();
        if (!heap.matches("[1-9][0-9]*[kKmMgG]")) {
            throw new ConfigError(key(path) + " must be a JVM heap size such as 512m or 2g, got '" + heap + "'");
        }
        return heap;
    }

    /** An http:// or https:// URL naming a host. */
    URI httpUrl(String path) {
        String value = string(path).trim();
        String key = key(path);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigError(key + " must be an http:// or https:// URL, e.g. http://127.0.0.1:8080, got '" + value
                    + "' (" + e.getReason() + ")", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigError(key + " must be an http:// or https:// URL, e.g. http://127.0.0.1:8080, got '" + value + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigError(key + " must name a host, e.g. http://127.0.0.1:8080, got '" + value + "'");
        }
        return uri;
    }
}
