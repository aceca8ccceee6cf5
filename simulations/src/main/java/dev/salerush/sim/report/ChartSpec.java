package dev.salerush.sim.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One chart as the page's script draws it: the Java side decides what is shown and in which words, the script only
 * draws (see report.js). Time charts have epoch-millis x values and share one x range on a page.
 *
 * @param xAxis  {@code time} (epoch millis, shown as a clock in {@code zone}), {@code date} (epoch millis, shown as a
 *               date and time in {@code zone}), {@code step} (stress step number), {@code load} (the offered
 *               rate in rps: a stress run's steps by the load they offered) or {@code offset} (seconds from an
 *               event, e.g. a drill's fault: several runs on one axis)
 * @param xTitle the x axis' title; null: the script's English default for the axis kind
 * @param zone   the IANA zone ID of a {@code time} or {@code date} axis (the page's {@code report.zone}); null: UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartSpec(String id, String title, String xAxis, String xTitle, String zone, Long xMin, Long xMax,
                        String yTitle, String y2Title, List<Series> series) {

    /** A line (or marker-only series) on the left ({@code y}) or right ({@code y2}) axis. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String label, String axis, String color, boolean markersOnly, List<XY> data) {
    }

    /** A point; a null y is a gap (not measured), not 0. */
    public record XY(double x, Double y) {
    }

    public ChartSpec withRange(Long min, Long max) {
        return new ChartSpec(id, title, xAxis, xTitle, zone, min, max, yTitle, y2Title, series);
    }
}
