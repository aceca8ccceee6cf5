package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code results/index.html}: every run folder as a row (an unreadable one says why), per-profile trends of p95,
 * throughput and — for stress runs — the breaking point, the test plans written alone and the
 * results-and-countermeasures documents, in the language and zone of the report settings.
 */
final class IndexPage {
    /** A trend chart: its id, the bundle's key of its title, its unit and the figure of a run it follows. */
    private record Trend(String id, String titleKey, String unit, Function<RunRecord, Double> value) {
    }

    private static final List<Trend> TRENDS = List.of(
            new Trend("trend-p95", "index.trend.p95", "ms", RunRecord::globalP95Ms),
            new Trend("trend-rps", "index.trend.rps", "rps", RunRecord::globalRps),
            new Trend("trend-breaking-point", "index.trend.breakingPoint", "rps", RunRecord::breakingPointRps));

    private IndexPage() {
    }

    static String html(List<RunRecord> runs, List<String> plans, String resultsDirName,
                       List<FindingsLink> findings, List<String> comparisons, ReportSettings settings) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("plans", plans);
        List<Map<String, Object>> rows = runs.stream().map(IndexPage::row).toList();
        TreeSet<String> profiles = new TreeSet<>();
        runs.forEach(run -> {
            if (run.profile() != null) {
                profiles.add(run.profile());
            }
        });
        List<ChartSpec> trends = trends(runs, profiles, Messages.of(Messages.RUN_PAGES, settings),
                new PageClock(settings.zone()));
        PageAssets assets = PageAssets.get();
        model.put("runs", rows);
        model.put("resultsDir", resultsDirName);
        model.put("profiles", profiles);
        model.put("trendCharts", trends);
        model.put("findings", findings);
        model.put("comparisons", comparisons);
        model.put("chartData", ScriptJson.write(trends));
        model.put("chartJs", assets.chartJs);
        model.put("chartJsVersion", assets.chartJsVersion);
        model.put("script", assets.script);
        model.put("styles", assets.styles);
        return Templates.html("index.html.peb", model, settings);
    }

    /** A results-and-countermeasures document beside the runs: its page, and the simulation and host it is of. */
    record FindingsLink(String href, String simulation, String host) {
    }

    /**
     * The results-and-countermeasures documents in {@code findings/<simulation>@<host>/findings.html}, by folder name;
     * none when there is no such folder.
     */
    static List<FindingsLink> findings(Path resultsDir) {
        return documentFolders(resultsDir, RunFiles.FINDINGS, RunFiles.FINDINGS_PAGE).stream()
                .filter(name -> name.lastIndexOf('@') > 0)
                .map(name -> new FindingsLink(RunFiles.FINDINGS + "/" + name + "/" + RunFiles.FINDINGS_PAGE,
                        name.substring(0, name.lastIndexOf('@')), name.substring(name.lastIndexOf('@') + 1)))
                .toList();
    }

    /** The mitigation comparisons in {@code compare/<time>/compare.html}, by folder name (their time), newest first. */
    static List<String> comparisons(Path resultsDir) {
        return documentFolders(resultsDir, RunFiles.COMPARISONS, RunFiles.COMPARISON_PAGE).stream()
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }

    /**
     * The profiles whose test plan was written alone ({@code -Dplan.only=true}) into {@code plans/<profile>/plan.html}
     * beside the run folders, by name; none when there is no such folder.
     */
    static List<String> plans(Path resultsDir) {
        return documentFolders(resultsDir, RunFiles.PLANS, RunFiles.PLAN_PAGE);
    }

    /** The folders of {@code resultsDir/<kind>/} that hold {@code page}, by name; none when there is no such folder. */
    private static List<String> documentFolders(Path resultsDir, String kind, String page) {
        Path documents = resultsDir.resolve(kind);
        if (!Files.isDirectory(documents)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(documents)) {
            return folders.filter(dir -> Files.isRegularFile(dir.resolve(page)))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static Map<String, Object> row(RunRecord run) {
        VerdictBanner verdict = VerdictBanner.of(run);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("runId", run.runId());
        row.put("startedAt", run.startedAt());
        row.put("profile", run.profile());
        row.put("target", run.target());
        row.put("health", run.health().name().toLowerCase(Locale.ROOT));
        row.put("verdictKind", verdict.kind());
        row.put("verdictLabel", verdict.label());
        row.put("globalP95Ms", run.globalP95Ms());
        row.put("globalRps", run.globalRps());
        row.put("breakingPointRps", run.breakingPointRps());
        List<Sentence> notes = new ArrayList<>();
        if (run.problem() != null) {
            notes.add(Sentence.of("index.problem", run.problem()));
        }
        run.unreadableFigures().forEach(path -> notes.add(Sentence.of("index.notANumber", path)));
        row.put("notes", notes);
        row.put("hasPage", Files.isRegularFile(run.dir().resolve(RunFiles.REPORT_PAGE)));
        // a game day's single points of failure and its deploy analysis
        row.put("spofPage", Files.isRegularFile(run.dir().resolve(RunFiles.SPOF_PAGE)));
        return row;
    }

    private static List<ChartSpec> trends(List<RunRecord> runs, TreeSet<String> profiles, Messages m,
                                          PageClock clock) {
        List<ChartSpec> charts = new ArrayList<>();
        for (Trend trend : TRENDS) {
            List<ChartSpec.Series> series = series(runs, profiles, trend.value());
            if (!series.isEmpty()) {
                charts.add(new ChartSpec(trend.id(), m.get(trend.titleKey()), "date",
                        m.get("chart.date.axis", clock.name()), clock.id(), null, null, trend.unit(), null, series));
            }
        }
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

    /** One line per profile with at least one value, oldest run first; none at all when no run has the value. */
    private static List<ChartSpec.Series> series(List<RunRecord> runs, TreeSet<String> profiles,
                                                 Function<RunRecord, Double> value) {
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
        return series;
    }
}
