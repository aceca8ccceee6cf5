package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The command line's layer: system properties under the configuration's own top-level keys (the JVM's own, java.*,
 * user.*, ..., must not leak in). A key whose setting below is a list of plain values takes comma-separated values,
 * replacing the list: {@code -Dtarget.allowedHosts=staging.example.com,10.0.0.5}. A list of settings (SLOs,
 * injection steps) has no such form and is refused, pointing to a conf file.
 */
final class CommandLineSettings {
    private static final String ORIGIN = "-D on the command line";

    private CommandLineSettings() {
    }

    /** @param below the configuration the command line lands on (resolved), which tells the lists apart */
    static Config of(Config below, Properties properties) {
        Properties scalars = new Properties();
        Config lists = ConfigFactory.empty();
        for (Map.Entry<Object, Object> entry : properties.entrySet()) {
            String key = entry.getKey().toString();
            String topLevel = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!below.root().containsKey(topLevel)) {
                continue;
            }
            String value = entry.getValue().toString();
            if (isList(below, key)) {
                lists = lists.withValue(key, ConfigValueFactory.fromIterable(values(below, key, value), ORIGIN));
            } else {
                scalars.setProperty(key, value);
            }
        }
        return lists.withFallback(ConfigFactory.parseProperties(scalars,
                ConfigParseOptions.defaults().setOriginDescription(ORIGIN)));
    }

    private static boolean isList(Config below, String key) {
        try {
            return below.hasPath(key) && below.getValue(key).valueType() == ConfigValueType.LIST;
        } catch (com.typesafe.config.ConfigException.BadPath e) {
            return false;
        }
    }

    private static List<String> values(Config below, String key, String commaSeparated) {
        boolean plain = below.getList(key).stream().map(ConfigValue::valueType)
                .noneMatch(type -> type == ConfigValueType.OBJECT || type == ConfigValueType.LIST);
        if (!plain) {
            throw new ConfigError(key + " is a list of settings, which -D cannot set: set it in a conf file"
                    + " (-D" + ConfigLoader.OVERRIDES_PROPERTY + "=team.conf)");
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
