package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@code conf/salerush.conf}, then a team's own settings file if {@code -Dsalerush.conf=FILE} names one, then
 * command-line system properties, so that any key can be set with {@code -Dkey=value}. Environment variables are reached through {@code ${?VAR}} substitutions in the file.
 */
public final class ConfigLoader {
    /** System property naming the project root; the Gatling plugin passes it to the forked JVM. */
    public static final String ROOT_PROPERTY = "salerush.root";
    /** System property naming a team's own file of settings, layered over conf/salerush.conf. */
    public static final String OVERRIDES_PROPERTY = "salerush.conf";
    static final String CONFIG_FILE = "conf/salerush.conf";

    private ConfigLoader() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    /** Loads the project's configuration with the current JVM's system properties on top. */
    public static SuiteConfig load() {
        return load(projectRoot(), System.getProperties());
    }

    public static SuiteConfig load(Path root, Properties overrides) {
        Path file = root.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("configuration file not found: " + file
                    + " (set -D" + ROOT_PROPERTY + "=<project root> or run from the project root)");
        }
        try {
            Config fromFile = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            Config shipped = fromFile.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(true));
            String teamFile = overrides.getProperty(OVERRIDES_PROPERTY, "").trim();
            if (!teamFile.isEmpty()) {
                Path teamPath = root.resolve(teamFile);
                if (!Files.isRegularFile(teamPath)) {
                    throw new ConfigError(OVERRIDES_PROPERTY + " names " + teamPath + ", which is not a readable file");
                }
                Config team = ConfigFactory.parseFile(teamPath.toFile());
                UnknownKeys.checkFile(shipped, team, teamPath.getFileName().toString());
                fromFile = team.withFallback(fromFile);
            }
            UnknownKeys.checkCommandLine(shipped, overrides);
            Config merged = overridesFor(fromFile, overrides).withFallback(fromFile)
                    .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(true));
            return new SuiteConfig(DrillsSection.drillMode(merged), root);
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    /**
     * Only properties under the file's own top-level keys are overlaid: the JVM's own properties (java.*, user.*, ...)
     * must not leak into the configuration.
     */
    private static Config overridesFor(Config fromFile, Properties properties) {
        Properties relevant = new Properties();
        for (Map.Entry<Object, Object> entry : properties.entrySet()) {
            String key = entry.getKey().toString();
            String topLevel = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (fromFile.root().containsKey(topLevel)) {
                relevant.setProperty(key, entry.getValue().toString());
            }
        }
        return ConfigFactory.parseProperties(relevant, ConfigParseOptions.defaults().setOriginDescription("-D on the command line"));
    }
}
