package dev.salerush.seeder.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the suite's HOCON configuration in the suite's layers: the defaults packaged in this jar (the suite's
 * reference.conf), the project's own file in the working directory ({@code salerush.conf}, else
 * {@code conf/salerush.conf}), an explicit file, then system properties ({@code -Ddataset.scale=0.01}).
 */
public final class SalerushConfig {

    /** Where the suite's reference.conf is packaged on this jar's classpath (see the pom's resources). */
    public static final String CLASSPATH_RESOURCE = "dev/salerush/seeder/reference.conf";

    /** The project's own file, first match in the working directory: a team project's, then the repository's. */
    public static final List<Path> PROJECT_FILES = List.of(Path.of("salerush.conf"), Path.of("conf", "salerush.conf"));

    private SalerushConfig() {
    }

    /** @param file explicit file, or null for the defaults and the project's own file only */
    public static Config load(Path file) {
        return ConfigFactory.systemProperties().withFallback(loadUnresolvedFiles(file)).resolve();
    }

    /** Describes where {@link #load(Path)} reads from, for messages. */
    public static String source(Path file) {
        List<String> layers = new ArrayList<>();
        layers.add("classpath:" + CLASSPATH_RESOURCE);
        projectFile().ifPresent(project -> layers.add(project.toString()));
        if (file != null) {
            layers.add(file.toString());
        }
        return String.join(" < ", layers);
    }

    private static Optional<Path> projectFile() {
        return PROJECT_FILES.stream().filter(Files::isRegularFile).findFirst();
    }

    private static Config loadUnresolvedFiles(Path file) {
        ConfigParseOptions strict = ConfigParseOptions.defaults().setAllowMissing(false);
        Config merged = ConfigFactory.parseResources(SalerushConfig.class.getClassLoader(), CLASSPATH_RESOURCE, strict);
        Optional<Path> project = projectFile();
        if (project.isPresent()) {
            merged = ConfigFactory.parseFile(project.get().toFile(), strict).withFallback(merged);
        }
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("config file not found: " + file);
            }
            merged = ConfigFactory.parseFile(file.toFile(), strict).withFallback(merged);
        }
        return merged;
    }
}
