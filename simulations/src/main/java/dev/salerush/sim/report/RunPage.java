package dev.salerush.sim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.results.RunFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's page ({@code report.html}) and Markdown summary ({@code summary.md}). The model handed to the templates
 * holds plain maps and lists, already checked for shape: a section whose JSON is missing or of the wrong type is
 * absent, so templates never loop over a string or print a missing figure as 0.
 */
final class RunPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunPage() {
    }

    static String html(RunRecord run) {
        RunCharts charts = RunCharts.of(run.dir(), run.summary());
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
        return Templates.html("run.html.peb", model);
    }

    static String markdown(RunRecord run, String reportPath) {
        Map<String, Object> model = model(run);
        model.put("reportPath", reportPath);
        return Templates.markdown("summary.md.peb", model);
    }

    /** What both templates show. */
    static Map<String, Object> model(RunRecord run) {
        JsonNode summary = run.summary();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("run", run);
        model.put("verdict", VerdictBanner.of(run));
        model.put("summary", plain(summary));
        model.put("durationSeconds", durationSeconds(summary));
        model.put("plan", object(summary, "plan"));
        model.put("slos", objects(summary, "slo"));
        model.put("requests", requests(summary));
        model.put("global", object(summary, "global"));
        model.put("steps", objects(summary, "steps"));
        model.put("breakingPoint", object(summary, "breakingPoint"));
        model.put("knee", object(summary, "knee"));
        model.put("injector", object(summary, "injector"));
        model.put("server", object(summary, "server"));
        model.put("dataset", dataset(summary));
        model.put("regression", section(summary, "regression"));
        model.put("integrity", section(summary, "integrity"));
        model.put("gatlingReport", Files.isRegularFile(run.dir().resolve(RunFiles.GATLING_REPORT)));
        return model;
    }

    private static Long durationSeconds(JsonNode summary) {
        try {
            String started = JsonFields.text(summary, "startedAt");
            String ended = JsonFields.text(summary, "endedAt");
            return started == null || ended == null ? null
                    : Duration.between(Instant.parse(started), Instant.parse(ended)).toSeconds();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Per-request rows: name plus that request's figures. */
    private static List<Map<String, Object>> requests(JsonNode summary) {
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonFields.fields(summary, "requests").forEach((name, stats) -> {
            if (stats.isObject()) {
                Map<String, Object> row = new LinkedHashMap<>(plainMap(stats));
                row.put("name", name);
                rows.add(row);
            }
        });
        return rows;
    }

    private static Map<String, Object> dataset(JsonNode summary) {
        JsonNode dataset = JsonFields.at(summary, "environment.dataset");
        if (dataset == null || !dataset.isObject()) {
            return null;
        }
        Map<String, Object> model = plainMap(dataset);
        model.put("planCheck", object(dataset, "planCheck"));
        model.put("planQueries", objects(dataset, "planCheck.queries"));
        return model;
    }

    /** A regression or integrity section, with its checks as a list of objects. */
    private static Map<String, Object> section(JsonNode summary, String name) {
        Map<String, Object> section = object(summary, name);
        if (section != null) {
            List<Map<String, Object>> checks = objects(summary, name + ".checks");
            // offendingIds is shown as a list; a hand-edited scalar still shows, as a one-element list
            checks.forEach(check -> check.computeIfPresent("offendingIds",
                    (key, ids) -> ids instanceof List<?> ? ids : List.of(ids)));
            section.put("checks", checks);
        }
        return section;
    }

    static Map<String, Object> object(JsonNode node, String path) {
        JsonNode value = JsonFields.at(node, path);
        return value != null && value.isObject() ? plainMap(value) : null;
    }

    static List<Map<String, Object>> objects(JsonNode node, String path) {
        return JsonFields.objects(node, path).stream().map(RunPage::plainMap).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plainMap(JsonNode node) {
        return new LinkedHashMap<>(JSON.convertValue(node, Map.class));
    }

    private static Object plain(JsonNode node) {
        return node == null ? null : JSON.convertValue(node, Object.class);
    }
}
