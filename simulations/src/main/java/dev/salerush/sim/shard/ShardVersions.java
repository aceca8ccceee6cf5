package dev.salerush.sim.shard;

import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions a shard runs with, recorded in its {@code shard} record: the merge refuses shards of different builds,
 * whose figures need not be comparable (another recorder, another injection).
 */
public final class ShardVersions {
    private static final String RESOURCE = "dev/salerush/sim/shard/versions.properties";

    private ShardVersions() {
    }

    /** {@code salerush} (this build's version, written by the build) and {@code gatling} (its jar's version). */
    public static Map<String, String> current() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("salerush", salerushVersion());
        versions.put("gatling", String.valueOf(Simulation.class.getPackage().getImplementationVersion()));
        return versions;
    }

    private static String salerushVersion() {
        try (InputStream in = ShardVersions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " (written by the build's resource filtering)");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("salerush");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
