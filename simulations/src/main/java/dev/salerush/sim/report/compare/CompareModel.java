package dev.salerush.sim.report.compare;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.ChartSpec;
import dev.salerush.sim.report.Messages;
import dev.salerush.sim.report.PageClock;
import dev.salerush.sim.results.DrillFigures;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunRecord;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the comparison page shows, worded in the page's language: per pair a table of both runs' figures (each from
 * its summary.json), the measured differences in words, and the timeline of both runs aligned at the fault.
 */
final class CompareModel {
    /**
     * One figure of both runs; an href links the cell (a run's page, a settings file), in Markdown too when it is a
     * page ({@code pageLinks}): a settings file is named there, beside the Markdown.
     */
    record Row(String id, String label, String without, String withoutHref, String with, String withHref,
               boolean pageLinks) {
        static Row of(String id, String label, String without, String with) {
            return new Row(id, label, without, null, with, null, false);
        }
    }

    /** One comparison on the page: its title, the headings of its runs' columns, its figures. */
    record Pair(String id, String title, String withoutHeader, String withHeader, List<Row> rows,
                List<String> differences, ChartSpec chart, List<CompareChart.Bucket> buckets) {
    }

    /** One run of a pair: its record, its drill's figures (null when it holds none), where its files are. */
    private record Side(RunRecord run, DrillFigures drill, String page, String settings) {
        <T> T figure(Function<DrillFigures, T> figure) {
            return drill == null ? null : figure.apply(drill);
        }
    }

    private final Messages m;
    private final Figures figures;
    private final Path folder;

    /** @param folder where the page is written: its links to the runs and settings files are relative to it */
    CompareModel(Messages m, Path folder) {
        this.m = m;
        this.figures = new Figures(m);
        this.folder = folder;
    }

    static Map<String, Object> of(Path folder, List<PairRuns> pairs, Instant written, ReportSettings settings) {
        Messages m = Messages.of(ComparePage.BUNDLE, settings);
        CompareModel model = new CompareModel(m, folder);
        PageClock clock = new PageClock(settings.zone());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("m", m.all());
        page.put("profile", pairs.stream().map(p -> p.without() == null ? null : p.without().profile())
                .filter(java.util.Objects::nonNull).findFirst().orElse("compare"));
        page.put("intro", m.get("doc.intro", page.get("profile")));
        page.put("written", m.get("doc.written", clock.format(written)));
        page.put("zoneLine", m.get("doc.zone", clock.abbreviated() ? clock.name() : Figures.code(clock.name())));
        page.put("pairs", pairs.stream().map(model::pair).toList());
        return page;
    }

    private Pair pair(PairRuns runs) {
        String withoutLabel = m.get("pair." + runs.name() + ".without");
        String withLabel = m.get("pair." + runs.name() + ".with");
        Side without = side(runs.without(), runs.drill(), runs.withoutSettings());
        Side with = side(runs.with(), runs.drill(), runs.withSettings());
        return new Pair(runs.name(), m.get("pair." + runs.name() + ".title"), m.get("header.without", withoutLabel),
                m.get("header.with", withLabel),
                rows(runs.name(), without, with), differences(without, with),
                CompareChart.of(runs.name(), without.drill(), with.drill(), withoutLabel, withLabel, m),
                CompareChart.buckets(without.drill(), with.drill(), m));
    }

    private Side side(RunRecord run, String drill, Path settings) {
        DrillFigures figures = run == null ? null : DrillFigures.of(run.summary(), drill).orElse(null);
        return new Side(run, figures, run == null ? null : link(run.dir().resolve(RunFiles.REPORT_PAGE)),
                settings == null ? null : link(settings));
    }

    private String link(Path target) {
        return folder.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    private List<Row> rows(String pair, Side without, Side with) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(pair + "-run", m.get("row.run"), runId(without), without.page(), runId(with), with.page(),
                true));
        rows.add(new Row(pair + "-settings", m.get("row.settings"), fileName(without.settings()), without.settings(),
                fileName(with.settings()), with.settings(), false));
        rows.add(row(pair, "verdict", without, with, d -> label("verdict.", d.verdict())));
        rows.add(row(pair, "fault", without, with, d -> Figures.code(d.fault())));
        rows.add(row(pair, "firstAction", without, with, d -> Figures.code(d.firstAction())));
        rows.add(row(pair, "failedRequests", without, with, d -> figures.requests(d.impact().failedRequests(),
                d.impact().requests(), d.impact().koPercent())));
        rows.add(row(pair, "failedOrders", without, with, d -> figures.count(d.impact().failedOrders())));
        rows.add(row(pair, "unknownOrders", without, with, d -> figures.count(d.impact().unknownOrders())));
        rows.add(row(pair, "ttd", without, with, d -> d.ttdSeconds() == null ? m.get("figure.notDetected")
                : m.get("figure.detected", figures.seconds(d.ttdSeconds()), Figures.code(d.detectedBy()))));
        rows.add(row(pair, "ttr", without, with, d -> d.ttrSeconds() == null ? m.get("figure.notRecovered")
                : figures.seconds(d.ttrSeconds())));
        rows.add(row(pair, "p95", without, with, d -> orNotMeasured(Figures.millis(d.impact().p95Ms()))));
        rows.add(row(pair, "impactSeconds", without, with, d -> d.impact().impactSeconds() == null
                ? figures.notMeasured() : figures.seconds(d.impact().impactSeconds().doubleValue())));
        rows.add(row(pair, "integrity", without, with, d -> label("integrity.", d.integrity())));
        return rows;
    }

    private Row row(String pair, String figure, Side without, Side with, Function<DrillFigures, String> cell) {
        return Row.of(pair + "-" + figure, m.get("row." + figure), cell(without, cell), cell(with, cell));
    }

    private String cell(Side side, Function<DrillFigures, String> cell) {
        return side.drill() == null ? m.get("figure.noRun") : cell.apply(side.drill());
    }

    private String runId(Side side) {
        return side.run() == null ? m.get("figure.noRun") : Figures.code(side.run().runId());
    }

    private static String fileName(String link) {
        return link == null ? "—" : Figures.code(link.substring(link.lastIndexOf('/') + 1));
    }

    private String label(String prefix, String value) {
        String label = value == null ? null : m.find(prefix, value);
        return label != null ? label : value == null ? figures.notMeasured() : Figures.code(value);
    }

    private String orNotMeasured(String text) {
        return text == null ? figures.notMeasured() : text;
    }

    /** The measured differences in words: without → with, and by how much. */
    private List<String> differences(Side without, Side with) {
        if (without.drill() == null || with.drill() == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(countChange("row.failedRequests", without.figure(d -> d.impact().failedRequests()),
                with.figure(d -> d.impact().failedRequests())));
        lines.add(countChange("row.failedOrders", without.figure(d -> d.impact().failedOrders()),
                with.figure(d -> d.impact().failedOrders())));
        lines.add(countChange("row.unknownOrders", without.figure(d -> d.impact().unknownOrders()),
                with.figure(d -> d.impact().unknownOrders())));
        lines.add(secondsChange("row.impactSeconds", without.figure(d -> seconds(d.impact().impactSeconds())),
                with.figure(d -> seconds(d.impact().impactSeconds())), "difference.shorter", "difference.longer"));
        lines.add(secondsChange("row.ttr", without.figure(DrillFigures::ttrSeconds), with.figure(DrillFigures::ttrSeconds),
                "difference.sooner", "difference.later"));
        Double p95Without = without.figure(d -> d.impact().p95Ms());
        Double p95With = with.figure(d -> d.impact().p95Ms());
        if (p95Without != null && p95With != null) {
            long delta = Math.round(p95With - p95Without);
            lines.add(m.get("difference.change", m.get("row.p95"), Figures.millis(p95Without), Figures.millis(p95With),
                    delta == 0 ? m.get("difference.same") : m.get(delta < 0 ? "difference.lower" : "difference.higher",
                            Numbers.grouped(Math.abs(delta), 0))));
        }
        return lines;
    }

    private String countChange(String label, Long before, Long after) {
        if (before == null || after == null) {
            return m.get("difference.plain", m.get(label), figures.count(before), figures.count(after));
        }
        long delta = after - before;
        return m.get("difference.change", m.get(label), figures.count(before), figures.count(after), delta == 0
                ? m.get("difference.same") : m.get(delta < 0 ? "difference.fewer" : "difference.more",
                Numbers.grouped(Math.abs(delta), 0)));
    }

    /** A time of both runs and how it changed; a run that never got there (never recovered) is named so. */
    private String secondsChange(String label, Double before, Double after, String less, String more) {
        if (before == null || after == null) {
            return m.get("difference.plain", m.get(label), notReached(label, before), notReached(label, after));
        }
        double delta = after - before;
        return m.get("difference.change", m.get(label), figures.seconds(before), figures.seconds(after),
                Math.abs(delta) < 0.05 ? m.get("difference.same") : m.get(delta < 0 ? less : more,
                        Numbers.grouped(Math.abs(delta), 1)));
    }

    private String notReached(String label, Double seconds) {
        return seconds != null ? figures.seconds(seconds)
                : m.get("row.ttr".equals(label) ? "figure.notRecovered" : "figure.notMeasured");
    }

    private static Double seconds(Long value) {
        return value == null ? null : value.doubleValue();
    }
}
