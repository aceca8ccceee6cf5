package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunRecord;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code results/index.html}: every run folder as a row (an unreadable one says why), and per-profile trends of p95,
 * throughput and — for stress runs — the breaking point.
 */
final class IndexPage {
    private IndexPage() {
    }

    static String html(List<RunRecord> runs, String resultsDirName, ReportSettings settings) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> rows = runs.stream().map(IndexPage::row).toList();
        TreeSet<String> profiles = new TreeSet<>();
        runs.forEach(run -> {
            if (run.profile() != null) {
                profiles.add(run.profile());
            }
        });
        List<ChartSpec> trends = trends(runs, profiles);
        PageAssets assets = PageAssets.get();
        model.put("runs", rows);
        model.put("resultsDir", resultsDirName);
        model.put("profiles", profiles);
        model.put("trendCharts", trends);
        model.put("chartData", ScriptJson.write(trends));
        model.put("chartJs", assets.chartJs);
        model.put("chartJsVersion", assets.chartJsVersion);
        model.put("script", assets.script);
        model.put("styles", assets.styles);
        return Templates.html("index.html.peb", model, settings.templates());
    }

    private static Map<String, Object> row(RunRecord run) {
        VerdictBanner verdict = VerdictBanner.of(run);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("runId", run.runId());
        row.put("startedAt", run.startedAt());
        row.put("profile", run.profile());
        row.put("target", run.target());
        row.put("health", run.health().name().toLowerCase(java.util.Locale.ROOT));
        row.put("verdictKind", verdict.kind());
        row.put("verdictLabel", verdict.label());
        row.put("globalP95Ms", run.globalP95Ms());
        row.put("globalRps", run.globalRps());
        row.put("breakingPointRps", run.breakingPointRps());
        List<String> notes = new ArrayList<>();
        if (run.problem() != null) {
            notes.add(run.problem());
        }
        notes.addAll(run.warnings());
        row.put("note", String.join("; ", notes));
        row.put("hasPage", Files.isRegularFile(run.dir().resolve(RunFiles.REPORT_PAGE)));
        return row;
    }

    private static List<ChartSpec> trends(List<RunRecord> runs, TreeSet<String> profiles) {
        List<ChartSpec> charts = new ArrayList<>();
        addTrend(charts, "trend-p95", "p95 over all requests (ms), per profile", "ms", runs, profiles,
                RunRecord::globalP95Ms);
        addTrend(charts, "trend-rps", "Throughput (rps), per profile", "rps", runs, profiles, RunRecord::globalRps);
        addTrend(charts, "trend-breaking-point", "Stress breaking point (rps)", "rps", runs, profiles,
                RunRecord::breakingPointRps);
        return sharedRange(charts, runs);
    }

    /** All trends span the same days, padded so a lone run sits inside its chart rather than on an edge. */
    private static List<ChartSpec> sharedRange(List<ChartSpec> charts, List<RunRecord> runs) {
        long[] times = runs.stream().filter(run -> run.startedAt() != null)
                .mapToLong(run -> run.startedAt().toEpochMilli()).sorted().toArray();
        if (times.length == 0) {
            return charts;
        }
        long first = times[0];
        long last = times[times.length - 1];
        long padding = Math.max((last - first) / 20, 3_600_000L);
        return charts.stream().map(chart -> chart.withRange(first - padding, last + padding)).toList();
    }

    /** One line per profile with at least one value, oldest run first; no chart at all when no run has the value. */
    private static void addTrend(List<ChartSpec> charts, String id, String title, String unit, List<RunRecord> runs,
                                 TreeSet<String> profiles, Function<RunRecord, Double> value) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (String profile : profiles) {
            List<ChartSpec.XY> points = new ArrayList<>();
            for (int i = runs.size() - 1; i >= 0; i--) {
                RunRecord run = runs.get(i);
                Double y = value.apply(run);
                if (profile.equals(run.profile()) && y != null && run.startedAt() != null) {
                    points.add(new ChartSpec.XY(run.startedAt().toEpochMilli(), y));
                }
            }
            if (!points.isEmpty()) {
                series.add(new ChartSpec.Series(profile, "y", Palette.nth(List.copyOf(profiles).indexOf(profile)),
                        false, points));
            }
        }
        if (!series.isEmpty()) {
            charts.add(new ChartSpec(id, title, "date", null, null, unit, null, series));
        }
    }
}
