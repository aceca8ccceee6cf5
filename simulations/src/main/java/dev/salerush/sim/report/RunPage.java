package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.results.Dataset;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunRecord;
import dev.salerush.sim.results.RunSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run's page ({@code report.html}) and Markdown summary ({@code summary.md}), in the language and zone of the
 * report settings. The templates get the typed summary's sections; a section the summary lacks (an older run, a
 * hand-edited or unreadable file) is null or empty, so templates never print a missing figure as 0.
 */
final class RunPage {
    /** The values of summary.json's {@code endedBy}. */
    private static final List<String> ENDINGS = List.of("breach", "injector", "bound");

    private RunPage() {
    }

    static String html(RunRecord run, ReportSettings settings) {
        RunCharts charts = RunCharts.of(run.dir(), run.summary(), Messages.of(Messages.RUN_PAGES, settings),
                new PageClock(settings.zone()));
        Map<String, Object> model = model(run);
        model.put("clientCharts", charts.clientCharts());
        model.put("serverCharts", charts.serverCharts());
        model.put("stepChart", charts.stepChart());
        model.put("chartProblems", charts.problems());
        model.put("chartData", ScriptJson.write(charts.all()));
        PageAssets assets = PageAssets.get();
        model.put("chartJs", assets.chartJs);
        model.put("chartJsVersion", assets.chartJsVersion);
        model.put("script", assets.script);
        model.put("styles", assets.styles);
        return Templates.html("run.html.peb", model, settings);
    }

    static String markdown(RunRecord run, String reportPath, ReportSettings settings) {
        Map<String, Object> model = model(run);
        model.put("reportPath", reportPath);
        return Templates.markdown("summary.md.peb", model, settings);
    }

    /** What both templates show. */
    static Map<String, Object> model(RunRecord run) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", run);
        model.put("verdict", VerdictBanner.of(run));
        model.put("gatlingReport", Files.isRegularFile(run.dir().resolve(RunFiles.GATLING_REPORT)));
        model.put("drillPages", drillPages(run.dir()));
        model.put("spofPage", Files.isRegularFile(run.dir().resolve(RunFiles.SPOF_PAGE)));
        RunSummary summary = run.summary();
        if (summary == null) {
            return model;
        }
        model.put("summary", summary);
        model.put("durationSeconds", durationSeconds(summary));
        model.put("plan", summary.plan());
        model.put("slos", orEmpty(summary.slo()));
        model.put("requests", summary.requests() == null ? Map.of() : summary.requests());
        model.put("global", summary.global());
        model.put("steps", orEmpty(summary.steps()));
        model.put("breakingPoint", summary.breakingPoint());
        model.put("knee", summary.knee());
        model.put("endedBy", endedBy(summary.endedBy()));
        model.put("injector", summary.injector());
        model.put("server", summary.server());
        model.put("dataset", Dataset.of(summary).orElse(null));
        model.put("regression", summary.regression());
        if (summary.regression() != null) {
            model.put("regressionLabel", VerdictBanner.label(summary.regression().verdict()));
            model.put("regressionWord", VerdictBanner.word(summary.regression().verdict()));
            model.put("baselinePage", baselinePage(run, summary.regression().baselineRunId()));
        }
        model.put("integrity", summary.integrity());
        if (summary.integrity() != null) {
            model.put("integrityLabel", VerdictBanner.label(summary.integrity().verdict()));
            model.put("integrityWord", VerdictBanner.word(summary.integrity().verdict()));
        }
        return model;
    }

    /**
     * Whether the baseline's run folder is next to this one, so its page can be linked: a pinned summary.json kept
     * elsewhere, or a baseline that {@code results.keep} deleted since, is named without a link.
     */
    private static boolean baselinePage(RunRecord run, String baselineRunId) {
        Path results = run.dir().getParent();
        return baselineRunId != null && results != null && !baselineRunId.contains("/")
                && Files.isRegularFile(results.resolve(baselineRunId).resolve(RunFiles.SUMMARY));
    }

    /** A drill's incident page in the run folder: the drill's name and the file. */
    record DrillPage(String drill, String href) {
    }

    /**
     * The incident pages the run's drills left in its folder ({@code incident-<drill>.html}), by name; found in the
     * folder rather than in summary.json, so a run page links them whoever wrote them.
     */
    static List<DrillPage> drillPages(Path runDir) {
        try (Stream<Path> files = Files.list(runDir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(RunFiles.INCIDENT_PREFIX) && name.endsWith(".html"))
                    .sorted()
                    .map(name -> new DrillPage(name.substring(RunFiles.INCIDENT_PREFIX.length(),
                            name.length() - ".html".length()), name))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** What ended a staircase, worded when the bundle knows the value ({@code breach}, {@code injector}, {@code bound}). */
    private static Sentence endedBy(String value) {
        if (value == null) {
            return null;
        }
        return ENDINGS.contains(value) ? Sentence.of("stress.endedBy." + value) : Sentence.of(PageText.RECORD, value);
    }

    private static Long durationSeconds(RunSummary summary) {
        try {
            return summary.startedAt() == null || summary.endedAt() == null ? null
                    : Duration.between(Instant.parse(summary.startedAt()), Instant.parse(summary.endedAt())).toSeconds();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
