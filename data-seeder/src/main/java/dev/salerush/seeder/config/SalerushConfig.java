package dev.salerush.seeder.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the suite's HOCON configuration: an explicit file, else {@code conf/salerush.conf} in the working directory,
 * else the copy of that file packaged in this jar. System properties overlay it ({@code -Ddataset.scale=0.01}).
 */
public final class SalerushConfig {

    /** Where conf/salerush.conf is packaged on the classpath (see the pom's resources). */
    public static final String CLASSPATH_RESOURCE = "dev/salerush/seeder/salerush.conf";

    public static final Path WORKING_DIR_FILE = Path.of("conf", "salerush.conf");

    private SalerushConfig() {
    }

    /** @param file explicit file, or null for the default lookup */
    public static Config load(Path file) {
        return ConfigFactory.systemProperties().withFallback(loadUnresolvedFile(file)).resolve();
    }

    /** Describes where {@link #load(Path)} reads from, for messages. */
    public static String source(Path file) {
        if (file != null) {
            return file.toString();
        }
        return Files.isRegularFile(WORKING_DIR_FILE) ? WORKING_DIR_FILE.toString() : "classpath:" + CLASSPATH_RESOURCE;
    }

    private static Config loadUnresolvedFile(Path file) {
        ConfigParseOptions strict = ConfigParseOptions.defaults().setAllowMissing(false);
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("config file not found: " + file);
            }
            return ConfigFactory.parseFile(file.toFile(), strict);
        }
        if (Files.isRegularFile(WORKING_DIR_FILE)) {
            return ConfigFactory.parseFile(WORKING_DIR_FILE.toFile(), strict);
        }
        return ConfigFactory.parseResources(SalerushConfig.class.getClassLoader(), CLASSPATH_RESOURCE, strict);
    }
}
