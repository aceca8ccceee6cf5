package dev.salerush.sim.report;

import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stress run's staircase: offered and achieved rps per step (left axis), p95 per step (right axis), the refinement
 * probes as points after the steps (achieved rps, labelled with the rate they offered and whether it held), and the
 * breaking point and knee as markers, in the page's language.
 */
final class StepChart {
    private StepChart() {
    }

    /** The chart, or null when the summary has no steps. */
    static ChartSpec of(RunSummary summary, Messages m) {
        List<StepResult> steps = summary == null || summary.steps() == null ? List.of()
                : summary.steps().stream().filter(Objects::nonNull).toList();
        if (steps.isEmpty()) {
            return null;
        }
        List<ChartSpec.XY> offered = new ArrayList<>();
        List<ChartSpec.XY> achieved = new ArrayList<>();
        List<ChartSpec.XY> p95 = new ArrayList<>();
        List<ChartSpec.XY> probesHeld = new ArrayList<>();
        List<ChartSpec.XY> probesFailed = new ArrayList<>();
        for (StepResult step : steps) {
            if (step.isProbe()) {
                (step.held() ? probesHeld : probesFailed).add(new ChartSpec.XY(step.step(), step.achievedRps()));
                continue;
            }
            offered.add(new ChartSpec.XY(step.step(), step.offeredRps()));
            achieved.add(new ChartSpec.XY(step.step(), step.achievedRps()));
            p95.add(new ChartSpec.XY(step.step(), step.p95Ms() == null ? null : step.p95Ms().doubleValue()));
        }
        List<ChartSpec.Series> series = new ArrayList<>(List.of(
                new ChartSpec.Series(m.get("chart.steps.offered"), "y", Palette.OFFERED, false, offered),
                new ChartSpec.Series(m.get("chart.steps.achieved"), "y", Palette.THROUGHPUT, false, achieved),
                new ChartSpec.Series("p95 ms", "y2", Palette.P95, false, p95)));
        if (!probesHeld.isEmpty()) {
            series.add(new ChartSpec.Series(m.get("chart.steps.probesHeld"), "y", Palette.PROBE, true, probesHeld));
        }
        if (!probesFailed.isEmpty()) {
            series.add(new ChartSpec.Series(m.get("chart.steps.probesFailed"), "y", Palette.BREAKING_POINT, true,
                    probesFailed));
        }
        marker(summary.breakingPoint(), m.get("breakingPoint"), Palette.BREAKING_POINT, m).ifPresent(series::add);
        marker(summary.knee(), m.get("knee"), Palette.KNEE, m).ifPresent(series::add);
        return new ChartSpec("steps", m.get("chart.steps"), "step", m.get("chart.steps.axis"), null, null, null,
                "rps", "p95 ms", series);
    }

    private static Optional<ChartSpec.Series> marker(BreakingPoint point, String label, String color, Messages m) {
        if (point == null || point.step() == null || point.rps() == null) {
            return Optional.empty();
        }
        return Optional.of(new ChartSpec.Series(m.get("chart.marker", label, Formats.number(point.rps())), "y",
                color, true, List.of(new ChartSpec.XY(point.step(), point.rps()))));
    }
}
