package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code secrets} section: values a simulation needs that must never be written down — a test accounts' password,
 * a service token. Each comes only from an environment variable ({@code name = ${?SHOP_TEST_PASSWORD}}); one that
 * is unset, or written out in a file or on the command line, ends the run before it starts, naming the variable. The
 * values are handed only to the simulation ({@code SalerushSimulation.secret(name)}), never to the run folder.
 */
public final class Secrets {
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("^\\$\\{\\?\\s*([^}\\s]+)\\s*}$");
    /** No secret read: for the tools that send no load ({@link ConfigLoader#loadWithoutSecrets}). */
    static final Secrets NONE = new Secrets(Map.of());
    private final Map<String, String> values;

    private Secrets(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param declared the layers above the defaults, unresolved: how each secret was written
     * @param resolved the whole configuration, resolved: what each secret is
     */
    static Secrets read(Config declared, Config resolved) {
        return new Secrets(fromEnvironment(declared, resolved, "secrets", "SHOP_TEST_PASSWORD"));
    }

    /**
     * The values of the section {@code path}, each only from an environment variable ({@code name = ${?VARIABLE}}):
     * secrets, and the headers drills send to a team's Prometheus and Alertmanager. Empty when it is not declared.
     *
     * @param example a variable name for the message
     */
    static Map<String, String> fromEnvironment(Config declared, Config resolved, String path, String example) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!(valueAt(declared, path) instanceof ConfigObject section)) {
            return values;
        }
        for (Map.Entry<String, ConfigValue> entry : section.entrySet()) {
            String key = path + "." + ConfigUtil.joinPath(entry.getKey());
            Matcher variable = ENVIRONMENT_VARIABLE.matcher(entry.getValue().render().trim());
            if (!variable.matches()) {
                throw new ConfigError(key + " is written out (" + entry.getValue().origin().description() + "): it "
                        + "comes only from an environment variable, e.g. " + ConfigUtil.joinPath(entry.getKey())
                        + " = ${?" + example + "}");
            }
            if (!resolved.hasPath(key)) {
                throw new ConfigError(key + ": environment variable " + variable.group(1) + " is not set; export it"
                        + " before the run (" + entry.getValue().origin().description() + ")");
            }
            values.put(entry.getKey(), resolved.getString(key));
        }
        return values;
    }

    private static ConfigValue valueAt(Config declared, String path) {
        ConfigValue value = declared.root();
        for (String part : ConfigUtil.splitPath(path)) {
            if (!(value instanceof ConfigObject object)) {
                return null;
            }
            value = object.get(part);
        }
        return value;
    }

    /** The value of the secret {@code name}; a name the configuration does not declare is a configuration error. */
    public String value(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new ConfigError("secrets." + name + " is not declared: add " + name + " = ${?YOUR_VARIABLE} to the"
                    + " secrets section of salerush.conf" + (values.isEmpty() ? "" : " (declared: " + values.keySet() + ")"));
        }
        return value;
    }

    @Override
    public String toString() {
        return "Secrets" + values.keySet();
    }
}
