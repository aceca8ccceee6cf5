package dev.salerush.sim.config;

import java.nio.file.Path;
import java.util.Properties;

/** The project's real configuration for tests, with {@code -D}-style overrides given as key, value, key, value... */
public final class TestConfigs {
    /** The module's tests run in simulations/, so the project root is its parent. */
    public static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();

    private TestConfigs() {
    }

    public static SuiteConfig load(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.load(PROJECT_ROOT, properties);
    }
}
