package dev.salerush.sim.regression;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run a new run is compared with.
 *
 * @param runId   the baseline run's id
 * @param source  where it came from: "last passing run" or "pinned file &lt;path&gt;"
 * @param summary its summary.json
 */
public record Baseline(String runId, String source, JsonNode summary) {
}
