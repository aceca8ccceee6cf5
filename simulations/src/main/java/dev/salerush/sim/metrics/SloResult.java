package dev.salerush.sim.metrics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One SLO judged against the exact figures.
 *
 * @param actual the measured value, or {@code null} when nothing was measured for it (which fails the SLO)
 */
@JsonPropertyOrder({"name", "metric", "request", "threshold", "actual", "passed", "note"})
public record SloResult(String name, String metric, String request, double threshold, Double actual, boolean passed,
                        String note) {
}
