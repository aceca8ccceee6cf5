package dev.salerush.sim.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the suite needs to know about the simulation it runs (the {@code simulation} key, {@code journeys.requestsPerUser},
 * {@code ids.feeders} and {@code ids.queries}): which class, how many requests one of its virtual users sends on
 * average (0 when the simulation says so itself), and where the team's ids come from.
 *
 * @param className       the simulation run when Gatling starts the suite's {@code ConfiguredSimulation}
 * @param requestsPerUser mean requests per virtual user; 0: the simulation overrides {@code requestsPerUser()}
 * @param feeders         feeder name -> CSV file (absolute), each checked to be readable when the configuration loads
 * @param queries         feeder name -> SELECT sampled once from db.url before the load
 */
public record SimulationSettings(String className, double requestsPerUser, Map<String, Path> feeders,
                                 Map<String, String> queries) {
    static final String CLASS_KEY = "simulation";
    static final String REQUESTS_KEY = "journeys.requestsPerUser";
    static final String FEEDERS_KEY = "ids.feeders";
    public static final String QUERIES_KEY = "ids.queries";

    public SimulationSettings {
        feeders = Map.copyOf(feeders);
        queries = Map.copyOf(queries);
    }

    public SimulationSettings(String className, double requestsPerUser, Map<String, Path> feeders) {
        this(className, requestsPerUser, feeders, Map.of());
    }

    static SimulationSettings from(ConfigReader reader, Path root, boolean hasDatabase) {
        Map<String, String> queries = new TreeMap<>();
        ConfigReader querySection = reader.child(QUERIES_KEY);
        for (String name : querySection.keys()) {
            if (!hasDatabase) {
                throw new ConfigError(querySection.key(name) + " needs db.url: the database to sample the ids from");
            }
            queries.put(name, querySection.nonBlank(name));
        }
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
                feeders, queries);
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
