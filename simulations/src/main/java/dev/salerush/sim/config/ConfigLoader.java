package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the configuration in layers, each over the one before: the defaults ({@code reference.conf} in the
 * salerush-gatling jar), the project's own file ({@code salerush.conf} at the project root, else
 * {@code conf/salerush.conf}), each file of {@code -Dsalerush.conf=a.conf,b.conf} left to right, then command-line
 * system properties, so that any key can be set with {@code -Dkey=value}. Every layer is checked for unknown keys
 * against the defaults. Environment variables are reached through {@code ${?VAR}} substitutions in the files.
 */
public final class ConfigLoader {
    /** System property naming the project root; the Gatling plugin passes it to the forked JVM. */
    public static final String ROOT_PROPERTY = "salerush.root";
    /** System property naming a team's own files of settings, comma-separated, layered over the project's own. */
    public static final String OVERRIDES_PROPERTY = "salerush.conf";

    private static final ConfigResolveOptions WITH_ENVIRONMENT =
            ConfigResolveOptions.defaults().setUseSystemEnvironment(true);

    private ConfigLoader() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    /** Loads the project's configuration with the current JVM's system properties on top. */
    public static SuiteConfig load() {
        return load(projectRoot(), ForkedProperties.decoded(System.getProperties()));
    }

    public static SuiteConfig load(Path root, Properties overrides) {
        return load(root, overrides, true);
    }

    /**
     * Loads the configuration for a tool that sends no load and calls no team system (the pages, the merge of shards,
     * the drill log): the secrets and the drills' headers are not read, so their environment variables need not be
     * set where it runs.
     */
    public static SuiteConfig loadWithoutSecrets(Path root, Properties overrides) {
        return load(root, overrides, false);
    }

    /** {@link #loadWithoutSecrets(Path, Properties)} with the current JVM's system properties on top. */
    public static SuiteConfig loadWithoutSecrets() {
        return loadWithoutSecrets(projectRoot(), ForkedProperties.decoded(System.getProperties()));
    }

    private static SuiteConfig load(Path root, Properties overrides, boolean readSecrets) {
        try {
            Config reference = ConfigLayers.reference();
            Config shipped = reference.resolve(WITH_ENVIRONMENT);
            Config above = ConfigFactory.empty();
            for (Path file : ConfigLayers.files(root, overrides.getProperty(OVERRIDES_PROPERTY, ""))) {
                Config layer = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
                UnknownKeys.checkFile(shipped, layer, (file.startsWith(root) ? root.relativize(file)
                        : file.getFileName()).toString());
                above = layer.withFallback(above);
            }
            UnknownKeys.checkCommandLine(shipped, overrides);
            Config files = above.withFallback(reference).resolve(WITH_ENVIRONMENT);
            above = CommandLineSettings.of(files, overrides).withFallback(above);
            Config merged = above.withFallback(reference).resolve(WITH_ENVIRONMENT);
            Secrets secrets = readSecrets ? Secrets.read(above, merged) : Secrets.NONE;
            SloSource sloSource = SloSource.of(above, shipped, merged.getString("profile"));
            Map<String, String> drillHeaders = readSecrets ? Secrets.fromEnvironment(above, merged,
                    "drills.external.headers", "STAGING_PROMETHEUS_AUTH") : Map.of();
            return new SuiteConfig(DrillsSection.drillMode(merged, above.hasPath("embedded.topology")), root, sloSource,
                    secrets, drillHeaders);
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }
}
