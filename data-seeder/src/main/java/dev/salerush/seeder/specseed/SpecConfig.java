package dev.salerush.seeder.specseed;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A section of the spec with its full key ({@code spec.tables.item.columns.price}), so every problem is reported
 * against the key a user wrote.
 */
record SpecConfig(Config config, String path) {

    String key(String name) {
        return path + "." + name;
    }

    boolean has(String name) {
        return config.hasPath(quote(name));
    }

    SpecException error(String name, String problem) {
        return new SpecException(name == null ? path : key(name), problem);
    }

    /** Refuses keys outside {@code allowed}. */
    void onlyKeys(Set<String> allowed, String what) {
        for (String k : config.root().keySet()) {
            if (!allowed.contains(k)) {
                throw error(k, "unknown key for " + what + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    SpecConfig child(String name) {
        try {
            return new SpecConfig(config.getConfig(quote(name)), key(name));
        } catch (ConfigException.WrongType e) {
            throw error(name, "must be an object { ... }");
        } catch (ConfigException.Missing e) {
            throw error(name, "missing");
        }
    }

    double number(String name) {
        try {
            return config.getDouble(quote(name));
        } catch (ConfigException.Missing e) {
            throw error(name, "missing (allowed: a number)");
        } catch (ConfigException.WrongType e) {
            throw error(name, "'" + config.getValue(quote(name)).unwrapped() + "' is not a number");
        }
    }

    double number(String name, double dflt) {
        return has(name) ? number(name) : dflt;
    }

    long integer(String name) {
        double d = number(name);
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            throw error(name, d + " is not an integer");
        }
        return (long) d;
    }

    String string(String name) {
        try {
            ConfigValue v = config.getValue(quote(name));
            if (v.valueType() == ConfigValueType.OBJECT || v.valueType() == ConfigValueType.LIST) {
                throw error(name, "must be a single value");
            }
            return String.valueOf(v.unwrapped());
        } catch (ConfigException.Missing e) {
            throw error(name, "missing");
        }
    }

    List<Double> numbers(String name) {
        try {
            return new ArrayList<>(config.getDoubleList(quote(name)));
        } catch (ConfigException.Missing e) {
            throw error(name, "missing (allowed: a list of numbers [..])");
        } catch (ConfigException.WrongType e) {
            throw error(name, "must be a list of numbers [..]");
        }
    }

    /** An object of literal keys to numbers, e.g. enum values { PAID = 90 } or mostCommon { "17" = 0.03 }. */
    Map<String, Double> weights(String name) {
        SpecConfig c = child(name);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : c.config.root().keySet().stream().sorted().toList()) {
            out.put(k, c.number(k));
        }
        return out;
    }

    static String quote(String name) {
        return com.typesafe.config.ConfigUtil.joinPath(name);
    }
}
