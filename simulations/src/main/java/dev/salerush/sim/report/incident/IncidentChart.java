package dev.salerush.sim.report.incident;

import dev.salerush.sim.report.Messages;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Second;
import dev.salerush.sim.report.ChartSpec;
import dev.salerush.sim.report.Palette;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The drill's seconds: on the page a chart of the error rate and p95 with a vertical line at the fault, its
 * detection, the first action and the recovery; in Markdown a table of 5-second rows.
 */
final class IncidentChart {
    static final String ID = "incident";
    static final int BUCKET_SECONDS = 5;
    private static final String ERROR_RATE = "#dc2626";
    private static final List<String> MARKER_COLOURS = List.of("#7f1d1d", "#7c3aed", "#0891b2", "#15803d");

    record Bucket(String time, String requests, String koPercent, String p95) {
    }

    private IncidentChart() {
    }

    /** The chart, or null when the drill recorded no seconds. */
    static ChartSpec of(DrillResult drill, Messages m, Texts t) {
        List<Second> seconds = seconds(drill);
        if (seconds.isEmpty()) {
            return null;
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        series.add(new ChartSpec.Series(m.get("chart.errorRate"), "y", ERROR_RATE, false,
                seconds.stream().map(s -> new ChartSpec.XY(millis(s.at()), s.requests() == 0 ? null : s.koPercent()))
                        .toList()));
        series.add(new ChartSpec.Series(m.get("chart.p95"), "y2", Palette.P95, false,
                seconds.stream().map(s -> new ChartSpec.XY(millis(s.at()), s.p95Ms())).toList()));
        double top = Math.max(1, seconds.stream().mapToDouble(Second::koPercent).filter(Double::isFinite).max()
                .orElse(1));
        List<Instant> at = java.util.Arrays.asList(drill.injectedAt(), drill.detectedAt(), drill.firstActionAt(),
                drill.recoveredAt());
        List<String> stages = List.of("injected", "detected", "firstAction", "recovered");
        for (int i = 0; i < stages.size(); i++) {
            if (at.get(i) != null) {
                double x = millis(at.get(i));
                series.add(new ChartSpec.Series(m.get("stage." + stages.get(i)) + " " + t.clock(at.get(i)), "y",
                        MARKER_COLOURS.get(i), false, List.of(new ChartSpec.XY(x, 0.0), new ChartSpec.XY(x, top))));
            }
        }
        return new ChartSpec(ID, m.get("chart.title"), "time", m.get("chart.timeAxis", t.zoneLabel()), t.zoneId(),
                millis(seconds.get(0).at()),
                millis(seconds.get(seconds.size() - 1).at()), m.get("chart.errorRateAxis"), m.get("chart.p95Axis"),
                series);
    }

    /** Rows of {@value #BUCKET_SECONDS} seconds: requests summed, KO % over them, the highest per-second p95. */
    static List<Bucket> buckets(DrillResult drill, Texts t) {
        List<Second> seconds = seconds(drill);
        List<Bucket> rows = new ArrayList<>();
        for (int from = 0; from < seconds.size(); from += BUCKET_SECONDS) {
            List<Second> bucket = seconds.subList(from, Math.min(from + BUCKET_SECONDS, seconds.size()));
            long requests = bucket.stream().mapToLong(Second::requests).sum();
            double failed = bucket.stream().mapToDouble(s -> s.requests() * s.koPercent() / 100).sum();
            Double p95 = bucket.stream().map(Second::p95Ms).filter(Objects::nonNull).max(Double::compare).orElse(null);
            rows.add(new Bucket(t.clock(bucket.get(0).at()), Texts.count(requests),
                    requests == 0 ? Texts.NONE : Texts.percent(100 * failed / requests), Texts.millis(p95)));
        }
        return rows;
    }

    private static List<Second> seconds(DrillResult drill) {
        return IncidentModel.orEmpty(drill.series()).stream().filter(s -> s != null && s.at() != null).toList();
    }

    private static long millis(Instant at) {
        return at.toEpochMilli();
    }
}
