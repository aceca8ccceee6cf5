package dev.salerush.sim.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the suite needs to know about the simulation it runs (the {@code simulation} key, {@code journeys.requestsPerUser}
 * and {@code ids.feeders}): which class, how many requests one of its virtual users sends on average (0 when the
 * simulation says so itself), and the team's id files it draws feeders from.
 *
 * @param className       the simulation run when Gatling starts the suite's {@code ConfiguredSimulation}
 * @param requestsPerUser mean requests per virtual user; 0: the simulation overrides {@code requestsPerUser()}
 * @param feeders         feeder name -> CSV file (absolute), each checked to be readable when the configuration loads
 */
public record SimulationSettings(String className, double requestsPerUser, Map<String, Path> feeders) {
    static final String CLASS_KEY = "simulation";
    static final String REQUESTS_KEY = "journeys.requestsPerUser";
    static final String FEEDERS_KEY = "ids.feeders";

    public SimulationSettings {
        feeders = Map.copyOf(feeders);
    }

    static SimulationSettings from(ConfigReader reader, Path root) {
        Map<String, Path> feeders = new TreeMap<>();
        ConfigReader section = reader.child(FEEDERS_KEY);
        for (String name : section.keys()) {
            String key = section.key(name);
            Path file = root.resolve(section.nonBlank(name)).normalize();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ConfigError(key + " must name a readable CSV file (relative to the project root), got " + file);
            }
            feeders.put(name, file);
        }
        return new SimulationSettings(reader.nonBlank(CLASS_KEY), reader.numberInRange(REQUESTS_KEY, 0, 100_000),
                feeders);
    }

    /** The CSV file of the named feeder; an unknown name is a {@link ConfigError} listing the configured ones. */
    public Path feederFile(String name) {
        Path file = feeders.get(name);
        if (file == null) {
            throw new ConfigError("no feeder '" + name + "' in " + FEEDERS_KEY + "; configured: "
                    + (feeders.isEmpty() ? "none" : String.join(", ", feeders.keySet())));
        }
        return file;
    }
}
