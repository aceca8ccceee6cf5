package dev.salerush.sim.drills;

import java.util.List;
import java.util.Map;

/**
 * What a run's drills ended with: each drill's result, the drills' part of the run's verdict and their section of
 * summary.json.
 */
public record DrillsOutcome(List<DrillResult> results) {

    /** The drills hold the run to every drill passing; a run whose drills never ran fails. */
    public boolean passed() {
        return !results.isEmpty() && results.stream().allMatch(DrillResult::passed);
    }

    /** summary.json's {@code drills[]}. */
    public List<Map<String, Object>> json() {
        return DrillJson.of(results);
    }
}
