package dev.salerush.sim.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a summary's {@code drills[]} as figures (docs/run-folder.md), read tolerantly: a figure the entry does
 * not hold reads as null ("not measured"), never 0. The summary keeps its drills as written; pages that set drills
 * side by side read them through this.
 *
 * @param ttdSeconds  from the fault to the first expected alert; null when nothing detected it
 * @param ttrSeconds  from the fault to recovery; null when the service never recovered
 * @param integrity   the run's integrity verdict as the drill judged it: pass, fail or not-checked
 * @param series      the seconds around the drill, counted from the fault; empty in a summary written before them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DrillFigures(String name, String verdict, String verdictReason, String fault, String firstAction,
                           String injectedAt, String detectedBy, Double ttdSeconds, Double ttrSeconds, Impact impact,
                           String integrity, List<Second> series) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DrillFigures {
        impact = impact == null ? new Impact(null, null, null, null, null, null, null, null) : impact;
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** The customer impact between the fault and recovery (see {@code drills[].impact}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Impact(Long failedRequests, Long requests, Double koPercent, Long failedOrders, Long unknownOrders,
                         Long affectedUsers, Double p95Ms, Long impactSeconds) {
    }

    /** One second: {@code t} seconds from the fault, requests answered, their failed share, their p95. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Second(Double t, Long requests, Double koPercent, Double p95Ms) {
    }

    /** The summary's drill named {@code name} (its first, when a game day ran it twice); empty when it ran none. */
    public static Optional<DrillFigures> of(RunSummary summary, String name) {
        if (summary == null || summary.drills() == null) {
            return Optional.empty();
        }
        return summary.drills().stream().filter(drill -> name.equals(drill.get("name"))).findFirst()
                .map(DrillFigures::read);
    }

    private static DrillFigures read(Map<String, Object> drill) {
        try {
            return JSON.convertValue(drill, DrillFigures.class);
        } catch (IllegalArgumentException e) {
            // a hand-edited entry of the wrong shape: its name is all that is known
            return new DrillFigures(String.valueOf(drill.get("name")), null, null, null, null, null, null, null, null,
                    null, null, null);
        }
    }
}
