package dev.salerush.sim.report.findings;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.report.ChartSpec;
import dev.salerush.sim.report.PageAssets;
import dev.salerush.sim.report.ScriptJson;
import dev.salerush.sim.report.Templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.salerush.sim.report.findings.Words.code;

/**
 * The results-and-countermeasures document (결과와 대응 방안) of one simulation against one host, as a page
 * ({@code findings.html}) and in Markdown ({@code findings.md}), in the language and zone of the report settings:
 * the verdicts of the latest smoke, load and stress runs, the breaking point and knee, throughput and latency against
 * offered load, the bottleneck's evidence with the countermeasures it calls for, and what was not measured. Every
 * figure is the runs' summary.json's.
 */
final class FindingsPage {
    static final String HTML_TEMPLATE = "findings/findings.html.peb";
    static final String MARKDOWN_TEMPLATE = "findings/findings.md.peb";

    private FindingsPage() {
    }

    static String html(FindingsRuns runs, ReportSettings settings) {
        Words w = new Words(settings);
        Map<String, Object> model = model(runs, w);
        PageAssets assets = PageAssets.get();
        List<ChartSpec> charts = new ArrayList<>();
        if (model.get("curve") instanceof ChartSpec curve) {
            charts.add(curve);
        }
        model.put("chartData", ScriptJson.write(charts));
        model.put("chartJs", assets.chartJs);
        model.put("footer", w.get("footer.charts", assets.chartJsVersion));
        model.put("script", assets.script);
        model.put("styles", assets.styles);
        return Templates.html(HTML_TEMPLATE, model, settings);
    }

    static String markdown(FindingsRuns runs, ReportSettings settings) {
        return Templates.markdown(MARKDOWN_TEMPLATE, model(runs, new Words(settings)), settings);
    }

    /** What both templates show. */
    static Map<String, Object> model(FindingsRuns runs, Words w) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", w.messages().all());
        FindingsKey key = runs.key();
        model.put("keyName", key.folder());
        model.put("subject", w.get("doc.subject", code(key.simulation()), FindingsKey.EMBEDDED.equals(key.host())
                ? w.get("doc.embedded", code(key.host())) : code(key.host())));
        model.put("zoneLine", w.get("doc.zone", w.zone()));
        List<VerdictRow> verdicts = new ArrayList<>();
        for (RunKind kind : RunKind.values()) {
            verdicts.add(VerdictRow.of(kind, runs.run(kind).orElse(null), w));
        }
        model.put("verdicts", verdicts);
        banner(model, verdicts, w);
        Optional<Staircase> staircase = runs.run(RunKind.STRESS).flatMap(run -> Staircase.of(run.summary()));
        staircase.ifPresent(stairs -> stress(model, stairs, runs, w));
        model.put("notMeasured", NotMeasured.of(runs, staircase.orElse(null), w));
        model.putIfAbsent("countermeasures", List.of());
        return model;
    }

    private static void stress(Map<String, Object> model, Staircase staircase, FindingsRuns runs, Words w) {
        model.put("stressRun", runs.run(RunKind.STRESS).map(run -> w.get("limits.run", code(run.runId())))
                .orElse(null));
        model.put("breakingPoint", Limit.breakingPoint(staircase, w));
        model.put("knee", Limit.knee(staircase, w));
        model.put("curve", LoadCurve.of(staircase, w));
        model.put("steps", StepRow.of(staircase, w));
        Bottlenecks bottlenecks = Bottlenecks.of(staircase, w);
        model.put("evidenceIntro", evidenceIntro(staircase, bottlenecks, w));
        model.put("evidence", bottlenecks.findings());
        model.put("countermeasures", bottlenecks.countermeasures());
    }

    /** Which rates the evidence compares: the first that failed and the last that held, or the highest of all. */
    private static String evidenceIntro(Staircase staircase, Bottlenecks bottlenecks, Words w) {
        if (staircase.firstFailed().isEmpty()) {
            return w.get("evidence.atHighest", w.step(bottlenecks.at()));
        }
        return bottlenecks.below() == null ? w.get("evidence.at", w.step(bottlenecks.at()))
                : w.get("evidence.atAndBelow", w.step(bottlenecks.at()), w.step(bottlenecks.below()));
    }

    /** Fail when a run failed; partial when a kind was not run or did not finish; pass when all three passed. */
    private static void banner(Map<String, Object> model, List<VerdictRow> verdicts, Words w) {
        String kind = verdicts.stream().anyMatch(row -> row.verdictKind().equals("fail")) ? "fail"
                : verdicts.stream().allMatch(row -> row.verdictKind().equals("pass")) ? "pass" : "partial";
        model.put("bannerKind", kind);
        model.put("bannerLabel", w.get("banner." + kind));
    }
}
