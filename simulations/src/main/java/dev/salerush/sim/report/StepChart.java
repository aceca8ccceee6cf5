package dev.salerush.sim.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A stress run's staircase: offered and achieved rps per step (left axis), p95 per step (right axis), and the
 * breaking point and knee as markers on the achieved line.
 */
final class StepChart {
    private StepChart() {
    }

    /** The chart, or null when the summary has no steps. */
    static ChartSpec of(JsonNode summary) {
        List<JsonNode> steps = JsonFields.objects(summary, "steps");
        if (steps.isEmpty()) {
            return null;
        }
        List<ChartSpec.XY> offered = new ArrayList<>();
        List<ChartSpec.XY> achieved = new ArrayList<>();
        List<ChartSpec.XY> p95 = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            Double number = JsonFields.number(step, "step");
            double x = number != null ? number : i;
            offered.add(new ChartSpec.XY(x, JsonFields.number(step, "offeredRps")));
            achieved.add(new ChartSpec.XY(x, JsonFields.number(step, "achievedRps")));
            p95.add(new ChartSpec.XY(x, JsonFields.number(step, "p95Ms")));
        }
        List<ChartSpec.Series> series = new ArrayList<>(List.of(
                new ChartSpec.Series("offered rps", "y", Palette.OFFERED, false, offered),
                new ChartSpec.Series("achieved rps", "y", Palette.THROUGHPUT, false, achieved),
                new ChartSpec.Series("p95 ms", "y2", Palette.P95, false, p95)));
        marker(summary, "breakingPoint", "breaking point", Palette.BREAKING_POINT).ifPresent(series::add);
        marker(summary, "knee", "knee", Palette.KNEE).ifPresent(series::add);
        return new ChartSpec("steps", "Stress staircase: offered vs achieved rps, p95 per step", "step", null, null,
                "rps", "p95 ms", series);
    }

    private static java.util.Optional<ChartSpec.Series> marker(JsonNode summary, String field, String label,
                                                               String color) {
        Double step = JsonFields.number(summary, field + ".step");
        Double rps = JsonFields.number(summary, field + ".rps");
        if (step == null || rps == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ChartSpec.Series(label + " (" + Formats.number(rps) + " rps)", "y", color,
                true, List.of(new ChartSpec.XY(step, rps))));
    }
}
