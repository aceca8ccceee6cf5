package dev.salerush.sim.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one folder under {@code results/} says about its run, read tolerantly (see {@link RunCatalog}). Any figure
 * the summary does not hold — or holds with the wrong type — is {@code null}: "not measured", never 0.
 *
 * @param runId            the folder's name
 * @param health           whether the folder could be read, and whether the run completed
 * @param problem          why the folder is {@link Health#CORRUPT} or {@link Health#PARTIAL}; null when OK
 * @param startedAt        from summary.json, else from the folder name, else null
 * @param profile          from summary.json, else from the folder name
 * @param target           the target's base URL, or null
 * @param status           summary.json's {@code status} as written ({@code complete}, {@code partial}, ...), or null
 * @param verdict          {@code pass} / {@code fail} as written, or null
 * @param globalP95Ms      p95 over all requests
 * @param globalRps        throughput over all requests
 * @param p95MsByRequest   p95 per request name (requests whose p95 is missing are left out)
 * @param breakingPointRps a stress run's breaking point, or null
 * @param warnings         fields that were present but unreadable (wrong type), for the reader to see
 * @param summary          the whole summary.json when it could be parsed, for sections this record does not lift
 */
public record RunRecord(String runId, Path dir, Health health, String problem, Instant startedAt, String profile,
                        String target, String status, String verdict, Double globalP95Ms, Double globalRps,
                        Map<String, Double> p95MsByRequest, Double breakingPointRps, List<String> warnings,
                        JsonNode summary) {

    /** How far a folder can be trusted. */
    public enum Health {
        /** summary.json parsed and the run completed. */
        OK,
        /** summary.json parsed, but the run did not complete (interrupted, target not started, status missing). */
        PARTIAL,
        /** No summary.json, or one that is not a JSON object: only the folder name is known. */
        CORRUPT
    }

    public Optional<JsonNode> summaryJson() {
        return Optional.ofNullable(summary);
    }

    public boolean corrupt() {
        return health == Health.CORRUPT;
    }
}
