package dev.salerush.sim.report.incident;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.report.Messages;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.report.ChartSpec;
import dev.salerush.sim.report.PageAssets;
import dev.salerush.sim.report.ScriptJson;
import dev.salerush.sim.report.Templates;

import java.util.List;
import java.util.Map;

/**
 * One drill's incident report (장애보고서), as Markdown ({@code incident-<drill>.md}) and as a self-contained page
 * ({@code incident-<drill>.html}, the run page's look and inlined assets), in Korean unless {@link ReportLocale#EN}.
 * In order: the drill banner, an impact-first title with the time range, the verdict, the severity and the criterion
 * that set it, the stage times in KST and UTC with TTD/TTN/TTFA/TTM/TTR, detection, impact, data integrity, point,
 * trigger and recovery, the timeline (with a chart of the seconds on the page), a customer notice draft, and the
 * countermeasures with what went well and what did not.
 */
public final class IncidentReport {
    private IncidentReport() {
    }

    public static String markdown(DrillResult drill, String runId, ReportSettings settings) {
        Map<String, Object> model = IncidentModel.of(drill, runId, settings);
        model.put("buckets", IncidentChart.buckets(drill, new Texts(settings)));
        return Templates.markdown("incident/incident.md.peb", model, settings);
    }

    public static String html(DrillResult drill, String runId, ReportSettings settings) {
        return html(drill, runId, settings, false);
    }

    /** The page, with a link to the run's spof.html when {@code spofLink} (a game day writes one). */
    static String html(DrillResult drill, String runId, ReportSettings settings, boolean spofLink) {
        Map<String, Object> model = IncidentModel.of(drill, runId, settings);
        model.put("spofLink", spofLink);
        ChartSpec chart = IncidentChart.of(drill, Messages.of(Messages.INCIDENT, settings), new Texts(settings));
        model.put("chart", chart);
        model.put("chartData", ScriptJson.write(chart == null ? List.of() : List.of(chart)));
        PageAssets assets = PageAssets.get();
        model.put("chartJs", assets.chartJs);
        model.put("chartJsVersion", assets.chartJsVersion);
        model.put("script", assets.script);
        model.put("styles", assets.styles);
        model.put("footer", Messages.of(Messages.INCIDENT, settings).get("footer.generated", Texts.code(runId),
                assets.chartJsVersion));
        return Templates.html("incident/incident.html.peb", model, settings);
    }
}
