package dev.salerush.sim.results;

import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one folder under {@code results/} says about its run, read tolerantly (see {@link RunCatalog}). Any figure
 * the summary does not hold — or holds with the wrong type — is {@code null}: "not measured", never 0.
 *
 * @param runId      the folder's name
 * @param health     whether the folder could be read, and whether the run completed
 * @param problem    why the folder is {@link Health#CORRUPT} or {@link Health#PARTIAL}; null when OK
 * @param startedAt  from summary.json, else from the folder name, else null
 * @param profile    from summary.json, else from the folder name
 * @param unreadable summary fields of the wrong type, by dotted path, with the text they held
 * @param summary    the summary when it could be read, else null
 */
public record RunRecord(String runId, Path dir, Health health, String problem, Instant startedAt, String profile,
                        Map<String, String> unreadable, RunSummary summary) {
    /** The figures an index row shows: a wrong type there is worth a warning on the row. */
    private static final List<String> HEADLINE_FIGURES = List.of("global.p95Ms", "global.rps", "breakingPoint.rps");

    /** How far a folder can be trusted. */
    public enum Health {
        /** summary.json parsed and the run completed. */
        OK,
        /** summary.json parsed, but the run did not complete (interrupted, target not started, status missing). */
        PARTIAL,
        /** No summary.json, or one that is not a JSON object: only the folder name is known. */
        CORRUPT
    }

    public Optional<RunSummary> summaryIfRead() {
        return Optional.ofNullable(summary);
    }

    public boolean corrupt() {
        return health == Health.CORRUPT;
    }

    /** The target's base URL, or null. */
    public String target() {
        return summary == null || summary.target() == null ? null : summary.target().baseUrl();
    }

    public RunStatus status() {
        return summary == null ? null : summary.status();
    }

    public Verdict verdict() {
        return summary == null ? null : summary.verdict();
    }

    /** p95 over all requests. */
    public Double globalP95Ms() {
        LatencyStats global = global();
        return global == null || global.p95Ms() == null ? null : global.p95Ms().doubleValue();
    }

    /** Throughput over all requests. */
    public Double globalRps() {
        LatencyStats global = global();
        return global == null || unreadable.containsKey("global.rps") ? null : global.rps();
    }

    /** p95 per request name (requests whose p95 is missing are left out). */
    public Map<String, Double> p95MsByRequest() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (summary != null && summary.requests() != null) {
            summary.requests().forEach((name, stats) -> {
                if (stats != null && stats.p95Ms() != null) {
                    out.put(name, stats.p95Ms().doubleValue());
                }
            });
        }
        return out;
    }

    /** A stress run's breaking point, or null. */
    public Double breakingPointRps() {
        return summary == null || summary.breakingPoint() == null ? null : summary.breakingPoint().rps();
    }

    /** Headline figures that were present but unreadable (wrong type), for the reader of the index to see. */
    public List<String> warnings() {
        return unreadableFigures().stream().map(path -> path + " is not a number").toList();
    }

    /** The dotted paths of the headline figures that were present but unreadable (wrong type). */
    public List<String> unreadableFigures() {
        return HEADLINE_FIGURES.stream().filter(unreadable::containsKey).toList();
    }

    private LatencyStats global() {
        return summary == null ? null : summary.global();
    }
}
