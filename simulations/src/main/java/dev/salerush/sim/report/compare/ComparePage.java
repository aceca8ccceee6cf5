package dev.salerush.sim.report.compare;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.report.ChartSpec;
import dev.salerush.sim.report.Messages;
import dev.salerush.sim.report.PageAssets;
import dev.salerush.sim.report.ScriptJson;
import dev.salerush.sim.report.Templates;
import dev.salerush.sim.results.AtomicFiles;
import dev.salerush.sim.results.RunFiles;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mitigation comparison (적용 전후 비교): {@value #PAGE}, a self-contained page with the run page's look and
 * inlined assets, and {@value #MARKDOWN}, in the report's language and zone. Per pair: both runs' figures side by side
 * (each from its summary.json), the measured differences in words, and both runs' error rate per second aligned at the
 * fault.
 */
public final class ComparePage {
    public static final String PAGE = RunFiles.COMPARISON_PAGE;
    public static final String MARKDOWN = "compare.md";
    /** The page's own wording ({@code compare/messages_<locale>.properties}). */
    static final String BUNDLE = "compare/messages";

    private ComparePage() {
    }

    /** Writes both files into {@code folder} atomically and returns their paths. */
    public static List<Path> write(Path folder, List<PairRuns> pairs, Instant written, ReportSettings settings) {
        Path page = folder.resolve(PAGE);
        Path markdown = folder.resolve(MARKDOWN);
        AtomicFiles.writeString(page, html(folder, pairs, written, settings));
        AtomicFiles.writeString(markdown, markdown(folder, pairs, written, settings));
        return List.of(page, markdown);
    }

    static String html(Path folder, List<PairRuns> pairs, Instant written, ReportSettings settings) {
        Map<String, Object> model = CompareModel.of(folder, pairs, written, settings);
        @SuppressWarnings("unchecked")
        List<CompareModel.Pair> shown = (List<CompareModel.Pair>) model.get("pairs");
        List<ChartSpec> charts = shown.stream().map(CompareModel.Pair::chart).filter(Objects::nonNull).toList();
        PageAssets assets = PageAssets.get();
        model.put("chartData", ScriptJson.write(charts));
        model.put("chartJs", assets.chartJs);
        model.put("script", assets.script);
        model.put("styles", assets.styles);
        model.put("footer", Messages.of(BUNDLE, settings).get("footer", assets.chartJsVersion));
        return Templates.html("compare/compare.html.peb", model, settings);
    }

    static String markdown(Path folder, List<PairRuns> pairs, Instant written, ReportSettings settings) {
        return Templates.markdown("compare/compare.md.peb", CompareModel.of(folder, pairs, written, settings),
                settings);
    }
}
