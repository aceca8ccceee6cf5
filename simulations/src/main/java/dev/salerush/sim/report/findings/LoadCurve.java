package dev.salerush.sim.report.findings;

import dev.salerush.sim.report.ChartSpec;
import dev.salerush.sim.report.Palette;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The throughput and latency against offered load of a stress run (the classic capacity curve): achieved rps rising
 * with the offered rate and then flattening, p95 flat and then turning up (the steps table beside it has p99), every
 * step and probe a point by the rate it offered, with the breaking point and the knee marked where they were measured.
 * The offered rate itself is drawn as the line a target that served everything would follow.
 */
final class LoadCurve {
    static final String ID = "load-curve";

    private LoadCurve() {
    }

    static ChartSpec of(Staircase staircase, Words w) {
        List<ChartSpec.XY> offered = new ArrayList<>();
        List<ChartSpec.XY> achieved = new ArrayList<>();
        List<ChartSpec.XY> p95 = new ArrayList<>();
        for (StepResult step : staircase.byOfferedLoad()) {
            offered.add(new ChartSpec.XY(step.offeredRps(), step.offeredRps()));
            achieved.add(new ChartSpec.XY(step.offeredRps(), step.achievedRps()));
            p95.add(new ChartSpec.XY(step.offeredRps(), millis(step.p95Ms())));
        }
        List<ChartSpec.Series> series = new ArrayList<>(List.of(
                new ChartSpec.Series(w.get("curve.offered"), "y", Palette.OFFERED, false, offered),
                new ChartSpec.Series(w.get("curve.achieved"), "y", Palette.THROUGHPUT, false, achieved),
                new ChartSpec.Series("p95 ms", "y2", Palette.P95, false, p95)));
        marker(staircase, staircase.summary().breakingPoint(), w.get("breakingPoint"), Palette.BREAKING_POINT, w)
                .ifPresent(series::add);
        marker(staircase, staircase.summary().knee(), w.get("knee"), Palette.KNEE, w).ifPresent(series::add);
        return new ChartSpec(ID, w.get("curve.title"), "load", w.get("curve.axis"), null, null, null, "rps", "ms",
                series);
    }

    /** A point at the rate its step offered and the throughput it names. */
    private static Optional<ChartSpec.Series> marker(Staircase staircase, BreakingPoint point, String label,
                                                     String color, Words w) {
        if (point == null || point.rps() == null) {
            return Optional.empty();
        }
        return staircase.step(point.step()).map(step -> new ChartSpec.Series(
                w.get("curve.marker", label, Words.rps(point.rps())), "y", color, true,
                List.of(new ChartSpec.XY(step.offeredRps(), point.rps()))));
    }

    private static Double millis(Long value) {
        return value == null ? null : value.doubleValue();
    }
}
