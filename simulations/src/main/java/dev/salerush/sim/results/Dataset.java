package dev.salerush.sim.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeded dataset of an embedded run, {@code environment.dataset} in summary.json (the environment writes it as
 * a plain map). Every field is nullable: an external target has no dataset, an older run may lack a field.
 *
 * @param fingerprint   identifies the data: runs with different fingerprints are not compared
 * @param alreadyLoaded the database already held this dataset; loadSeconds is then the time to check it
 * @param rows          rows per table
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dataset(String fingerprint, Boolean alreadyLoaded, Long totalRows, Double loadSeconds,
                      Map<String, Long> rows, PlanCheck planCheck) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Whether the key queries got their expected plans: {@code passed} with the queries, or {@code skipped} with the
     * reason (the expected plans belong to another scale).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanCheck(Boolean passed, Boolean skipped, String reason, List<Query> queries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Query(String name, String description, Boolean matched) {
    }

    /** The summary's dataset, if it has one that reads as such. */
    public static Optional<Dataset> of(RunSummary summary) {
        Object dataset = summary.environment() == null ? null : summary.environment().get("dataset");
        if (!(dataset instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.convertValue(dataset, Dataset.class));
        } catch (IllegalArgumentException handEdited) {
            return Optional.empty();
        }
    }
}
