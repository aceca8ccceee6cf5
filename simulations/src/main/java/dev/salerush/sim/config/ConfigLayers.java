package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Where the configuration's layers come from: the defaults in this jar, the project's file, a team's files. */
final class ConfigLayers {
    /** The defaults' resource name: Typesafe Config's convention for a library's defaults. */
    static final String REFERENCE = "reference.conf";
    /** The project's own file, first match under the project root: a team project's, then this repository's. */
    static final List<String> PROJECT_FILES = List.of("salerush.conf", "conf/salerush.conf");

    private ConfigLayers() {
    }

    /**
     * The suite's own reference.conf, unresolved. Other jars on a Gatling classpath may carry a reference.conf of
     * their own; only the one beside this class is the suite's.
     */
    static Config reference() {
        URL own = ConfigLayers.class.getProtectionDomain().getCodeSource().getLocation();
        try {
            for (URL url : Collections.list(ConfigLayers.class.getClassLoader().getResources(REFERENCE))) {
                if (url.toString().contains(own.getPath())) {
                    return ConfigFactory.parseURL(url, ConfigParseOptions.defaults().setAllowMissing(false));
                }
            }
        } catch (IOException e) {
            throw new ConfigError("could not read the suite's " + REFERENCE + ": " + e.getMessage(), e);
        }
        throw new ConfigError("the suite's " + REFERENCE + " is missing beside its classes in " + own
                + ": the salerush-gatling jar is incomplete");
    }

    /**
     * The files layered over the defaults, lowest first: the project's own file (if it has one), then each file the
     * comma-separated {@code teamFiles} names, relative to {@code root}.
     */
    static List<Path> files(Path root, String teamFiles) {
        List<Path> files = new ArrayList<>();
        PROJECT_FILES.stream().map(root::resolve).filter(Files::isRegularFile).findFirst().ifPresent(files::add);
        for (String name : teamFiles.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Path file = root.resolve(name.trim()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigError(ConfigLoader.OVERRIDES_PROPERTY + " names " + file + ", which is not a readable file");
            }
            files.add(file);
        }
        return files;
    }
}
