package dev.salerush.sim.report;

import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The charts of one run page: client throughput and latency from latency.hlog, the injector's own stalls from
 * injector-stalls.hlog, the target's metrics from
 * server-metrics.jsonl on the same time axis (shown in the page's zone), and a stress run's staircase, titled in the
 * page's language. A file that is missing or unreadable leaves its charts out and says why in {@link #problems()}.
 */
final class RunCharts {
    private static final Logger log = LoggerFactory.getLogger(RunCharts.class);

    private final List<ChartSpec> time = new ArrayList<>();
    private final List<ChartSpec> server = new ArrayList<>();
    private ChartSpec steps;
    private final List<Sentence> problems = new ArrayList<>();
    private final Messages m;
    private final PageClock clock;

    private RunCharts(Messages m, PageClock clock) {
        this.m = m;
        this.clock = clock;
    }

    static RunCharts of(Path runDir, RunSummary summary, Messages m, PageClock clock) {
        RunCharts charts = new RunCharts(m, clock);
        charts.addLatency(runDir.resolve(RunFiles.LATENCY_LOG));
        charts.addStalls(runDir.resolve(RunFiles.STALL_LOG));
        charts.addServer(runDir.resolve(RunFiles.SERVER_METRICS));
        charts.steps = StepChart.of(summary, m);
        charts.shareTimeRange();
        return charts;
    }

    List<ChartSpec> clientCharts() {
        return time;
    }

    List<ChartSpec> serverCharts() {
        return server;
    }

    ChartSpec stepChart() {
        return steps;
    }

    List<Sentence> problems() {
        return problems;
    }

    List<ChartSpec> all() {
        List<ChartSpec> all = new ArrayList<>(time);
        all.addAll(server);
        if (steps != null) {
            all.add(steps);
        }
        return all;
    }

    private void addLatency(Path hlog) {
        List<LatencyTimeline.Point> points = readTimeline(hlog);
        if (points.isEmpty()) {
            return;
        }
        String perSecond = m.get("chart.throughput.unit");
        time.add(timeChart("throughput", m.get("chart.throughput"), perSecond,
                List.of(timeSeries(perSecond, Palette.THROUGHPUT, points, p -> p.rps()))));
        time.add(timeChart("latency", m.get("chart.latency"), "ms", List.of(
                timeSeries("p50", Palette.P50, points, LatencyTimeline.Point::p50Ms),
                timeSeries("p95", Palette.P95, points, LatencyTimeline.Point::p95Ms),
                timeSeries("p99", Palette.P99, points, LatencyTimeline.Point::p99Ms))));
    }

    /**
     * The stall probe's lateness per second (a run recorded before the detector existed has no log, and no chart).
     * The log's values are microseconds.
     */
    private void addStalls(Path hlog) {
        List<LatencyTimeline.Point> points = readTimeline(hlog);
        if (points.isEmpty()) {
            return;
        }
        time.add(timeChart("injector-stalls", m.get("chart.stalls"), "ms", List.of(
                timeSeries("p99", Palette.P99, points, p -> microsToMillis(p.p99Ms())),
                timeSeries(m.get("chart.stalls.max"), Palette.STALL_MAX, points, p -> microsToMillis(p.maxMs())))));
    }

    /** A chart over the run's time, its axis titled and shown in the page's zone. */
    private ChartSpec timeChart(String id, String title, String unit, List<ChartSpec.Series> series) {
        return new ChartSpec(id, title, "time", m.get("chart.time.axis", clock.name()), clock.id(), null, null, unit,
                null, series);
    }

    private static Double microsToMillis(Long micros) {
        return micros == null ? null : micros / 1000.0;
    }

    /** The intervals of a suite's HdrHistogram log; empty (and a problem noted) when it is missing or unreadable. */
    private List<LatencyTimeline.Point> readTimeline(Path hlog) {
        if (!Files.isRegularFile(hlog)) {
            return List.of();
        }
        String name = hlog.getFileName().toString();
        List<LatencyTimeline.Point> points;
        try {
            points = LatencyTimeline.read(hlog, Downsampling.MAX_POINTS);
        } catch (RuntimeException e) {
            log.warn("cannot read {}: {}", hlog, e.toString());
            problems.add(Sentence.of("chart.unreadable", name, e.getMessage()));
            return List.of();
        }
        if (points.isEmpty()) {
            problems.add(Sentence.of("chart.empty", name));
        }
        return points;
    }

    private static ChartSpec.Series timeSeries(String label, String color, List<LatencyTimeline.Point> points,
                                               Function<LatencyTimeline.Point, Number> value) {
        List<ChartSpec.XY> data = new ArrayList<>(points.size());
        for (LatencyTimeline.Point p : points) {
            Number y = value.apply(p);
            data.add(new ChartSpec.XY(p.startMillis(), y == null ? null : y.doubleValue()));
        }
        return new ChartSpec.Series(label, "y", color, false, data);
    }

    private void addServer(Path jsonl) {
        if (!Files.isRegularFile(jsonl)) {
            return;
        }
        Map<String, List<ServerTimeline.Point>> series;
        try {
            series = ServerTimeline.read(jsonl, Downsampling.MAX_POINTS);
        } catch (RuntimeException e) {
            log.warn("cannot read {}: {}", jsonl, e.toString());
            problems.add(Sentence.of("chart.unreadable", RunFiles.SERVER_METRICS, e.getMessage()));
            return;
        }
        // the series keep the names server-metrics.jsonl gives them: they are the metrics' identifiers
        serverChart("server-cpu", m.get("chart.serverCpu"), "%", series, name -> name.equals("processCpu"),
                v -> v * 100);
        serverChart("server-heap", m.get("chart.serverHeap"), "MB", series, name -> name.equals("heapUsedBytes"),
                v -> v / (1024 * 1024));
        serverChart("server-pools", m.get("chart.serverPools"), m.get("chart.serverPools.unit"), series,
                name -> name.startsWith("poolActive.") || name.startsWith("poolPending."), v -> v);
        serverChart("server-rates", m.get("chart.serverRates"), m.get("chart.perSecond"), series,
                name -> name.equals("requestRate") || name.equals("serverErrorRate"), v -> v);
        serverChart("server-db", m.get("chart.serverDb"), m.get("chart.serverDb.unit"), series,
                name -> name.equals("dbConnections") || name.equals("dbActive"), v -> v);
    }

    private void serverChart(String id, String title, String unit, Map<String, List<ServerTimeline.Point>> all,
                             java.util.function.Predicate<String> include, ToDoubleFunction<Double> scale) {
        List<ChartSpec.Series> lines = new ArrayList<>();
        for (Map.Entry<String, List<ServerTimeline.Point>> entry : all.entrySet()) {
            if (include.test(entry.getKey())) {
                List<ChartSpec.XY> data = entry.getValue().stream()
                        .map(p -> new ChartSpec.XY(p.x(), scale.applyAsDouble(p.y()))).toList();
                lines.add(new ChartSpec.Series(entry.getKey(), "y", Palette.nth(lines.size()), false, data));
            }
        }
        if (!lines.isEmpty()) {
            server.add(timeChart(id, title, unit, lines));
        }
    }

    /** Client and server charts get one x range, so a latency spike and a CPU spike line up. */
    private void shareTimeRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSpec chart : concat(time, server)) {
            for (ChartSpec.Series series : chart.series()) {
                for (ChartSpec.XY point : series.data()) {
                    min = Math.min(min, point.x());
                    max = Math.max(max, point.x());
                }
            }
        }
        if (min > max) {
            return;
        }
        long from = (long) min;
        long to = (long) max;
        time.replaceAll(chart -> chart.withRange(from, to));
        server.replaceAll(chart -> chart.withRange(from, to));
    }

    private static List<ChartSpec> concat(List<ChartSpec> a, List<ChartSpec> b) {
        List<ChartSpec> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
