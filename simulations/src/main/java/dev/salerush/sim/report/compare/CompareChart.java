package dev.salerush.sim.report.compare;

import dev.salerush.sim.report.ChartSpec;
import dev.salerush.sim.report.Messages;
import dev.salerush.sim.results.DrillFigures;
import dev.salerush.sim.results.DrillFigures.Second;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Both runs of a pair on one time axis, counted from the fault: on the page a chart of each run's error rate per
 * second with a line at the fault (0 s); in Markdown a table of 5-second rows. The seconds are the runs' own
 * ({@code drills[].series} of each summary.json).
 */
final class CompareChart {
    static final int BUCKET_SECONDS = 5;
    private static final String WITHOUT = "#dc2626";
    private static final String WITH = "#16a34a";
    private static final String FAULT = "#7f1d1d";

    /** One row of the Markdown table: from {@code offset} seconds, each run's failed share over the row. */
    record Bucket(String offset, String without, String with) {
    }

    private CompareChart() {
    }

    /** The chart, or null when neither run recorded seconds. */
    static ChartSpec of(String pair, DrillFigures without, DrillFigures with, String withoutLabel, String withLabel,
                        Messages m) {
        List<Second> before = seconds(without);
        List<Second> after = seconds(with);
        if (before.isEmpty() && after.isEmpty()) {
            return null;
        }
        List<ChartSpec.Series> series = new ArrayList<>();
        series.add(errorRate(m.get("chart.without", plain(withoutLabel)), WITHOUT, before));
        series.add(errorRate(m.get("chart.with", plain(withLabel)), WITH, after));
        double top = Math.max(1, Stream.concat(before.stream(), after.stream()).map(Second::koPercent)
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1));
        series.add(new ChartSpec.Series(m.get("chart.fault"), "y", FAULT, false,
                List.of(new ChartSpec.XY(0, 0.0), new ChartSpec.XY(0, top))));
        long from = (long) Math.floor(Stream.concat(before.stream(), after.stream()).mapToDouble(Second::t).min()
                .orElse(0));
        long to = (long) Math.ceil(Stream.concat(before.stream(), after.stream()).mapToDouble(Second::t).max()
                .orElse(0));
        return new ChartSpec("timeline-" + pair, m.get("chart.title"), "offset", m.get("chart.axis"), null, from, to,
                m.get("chart.errorRate"), null, series);
    }

    /** Rows of {@value #BUCKET_SECONDS} seconds from the first second either run recorded: failed over answered. */
    static List<Bucket> buckets(DrillFigures without, DrillFigures with, Messages m) {
        List<Second> before = seconds(without);
        List<Second> after = seconds(with);
        if (before.isEmpty() && after.isEmpty()) {
            return List.of();
        }
        double first = Stream.concat(before.stream(), after.stream()).mapToDouble(Second::t).min().orElse(0);
        double last = Stream.concat(before.stream(), after.stream()).mapToDouble(Second::t).max().orElse(0);
        List<Bucket> rows = new ArrayList<>();
        for (long from = (long) Math.floor(first / BUCKET_SECONDS) * BUCKET_SECONDS; from <= last;
             from += BUCKET_SECONDS) {
            rows.add(new Bucket(m.get("md.offset", from), share(before, from), share(after, from)));
        }
        return rows;
    }

    /** The failed share of the requests answered in [from, from + 5 s), or "—" when none was answered. */
    private static String share(List<Second> seconds, long from) {
        long requests = 0;
        double failed = 0;
        for (Second second : seconds) {
            if (second.t() >= from && second.t() < from + BUCKET_SECONDS && second.requests() != null) {
                requests += second.requests();
                failed += second.requests() * (second.koPercent() == null ? 0 : second.koPercent()) / 100;
            }
        }
        return requests == 0 ? "—" : Figures.percent(100 * failed / requests);
    }

    private static ChartSpec.Series errorRate(String label, String colour, List<Second> seconds) {
        // a second nothing was answered is a gap, not 0 %
        return new ChartSpec.Series(label, "y", colour, false, seconds.stream().map(s -> new ChartSpec.XY(s.t(),
                s.requests() == null || s.requests() == 0 ? null : s.koPercent())).toList());
    }

    private static List<Second> seconds(DrillFigures drill) {
        return drill == null ? List.of() : drill.series().stream().filter(s -> s != null && s.t() != null).toList();
    }

    /** A label without its code marks: a canvas has no code font. */
    private static String plain(String label) {
        return label.replace("`", "");
    }
}
