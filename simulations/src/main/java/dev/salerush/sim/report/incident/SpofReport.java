package dev.salerush.sim.report.incident;

import dev.salerush.sim.report.Messages;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillVerdict;
import dev.salerush.sim.report.PageAssets;
import dev.salerush.sim.report.Templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A game day's single points of failure: per component, the drill that failed it, the impact measured then, the
 * mitigation that should have held (redundancy, breaker, failover, rollback, watchdog) and whether it held (the
 * drill's verdict). The load balancer is a single HAProxy no drill can fail over, so it is always listed as having
 * none. A drill outside the catalogue's components gets a row of its own. Below the table, the deploy and dependency
 * analysis ({@link DeployAnalysis}) from the same drills.
 */
public final class SpofReport {

    /** A component, the drill that fails it (null: none can), and the key of its mitigation in the bundle. */
    private record Component(String key, String drill, String mitigation) {
    }

    private static final List<Component> COMPONENTS = List.of(
            new Component("shop", "instance-crash", "redundancy"),
            new Component("loadBalancer", null, null),
            new Component("database", "db-failover", "failover"),
            new Component("payment", "payment-outage", "breaker"),
            new Component("alerting", "alerting-down", "watchdog"),
            new Component("deploy", "bad-deploy", "rollback"));

    record Row(String component, String drill, String koPercent, String failedOrders, String ttr, String mitigation,
               String held, String heldKind) {
    }

    private SpofReport() {
    }

    public static String markdown(List<DrillResult> drills, String runId, ReportSettings settings) {
        return Templates.markdown("incident/spof.md.peb", model(drills, runId, settings), settings);
    }

    public static String html(List<DrillResult> drills, String runId, ReportSettings settings) {
        Map<String, Object> model = model(drills, runId, settings);
        model.put("styles", PageAssets.get().styles);
        return Templates.html("incident/spof.html.peb", model, settings);
    }

    private static Map<String, Object> model(List<DrillResult> drills, String runId, ReportSettings settings) {
        Messages m = Messages.of(Messages.INCIDENT, settings);
        Texts t = new Texts(settings);
        List<DrillResult> present = drills.stream().filter(Objects::nonNull).toList();
        List<Row> rows = new ArrayList<>();
        List<String> without = new ArrayList<>();
        List<String> notHeld = new ArrayList<>();
        for (Component c : COMPONENTS) {
            String name = m.get("spof.component." + c.key());
            if (c.drill() == null) {
                rows.add(new Row(name, Texts.NONE, Texts.NONE, Texts.NONE, Texts.NONE, m.get("spof.mitigation.none"),
                        Texts.NONE, IncidentModel.verdictKind(DrillVerdict.FAIL)));
                without.add(name);
                continue;
            }
            DrillResult drill = present.stream().filter(d -> c.drill().equals(d.name())).findFirst().orElse(null);
            rows.add(row(name, Texts.code(c.drill()), m.get("spof.mitigation." + c.mitigation()), drill, m, t));
            if (drill != null && drill.verdict() == DrillVerdict.FAIL) {
                notHeld.add(name);
            }
        }
        present.stream().filter(d -> COMPONENTS.stream().noneMatch(c -> Objects.equals(c.drill(), d.name())))
                .forEach(d -> rows.add(row(d.point() == null ? Texts.NONE : Texts.text(d.point().in(settings.locale())),
                        Texts.code(d.name()), Texts.NONE, d, m, t)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", m.all());
        model.put("lang", settings.locale().key());
        model.put("runId", Texts.text(runId));
        model.put("runLine", m.get("meta.run", Texts.code(runId)));
        model.put("rows", rows);
        model.put("without", m.get("spof.without", String.join(", ", without)));
        model.put("notHeld", notHeld.isEmpty() ? null : m.get("spof.notHeld", String.join(", ", notHeld)));
        model.put("analysis", DeployAnalysis.of(present, m, t));
        return model;
    }

    private static Row row(String component, String drillName, String mitigation, DrillResult drill, Messages m,
                           Texts t) {
        if (drill == null || drill.injectedAt() == null) {
            String notMeasured = m.get("spof.notMeasured");
            return drill == null ? new Row(component, drillName, notMeasured, notMeasured, notMeasured, mitigation,
                    m.get("spof.held.notMeasured"), "muted")
                    : new Row(component, drillName, notMeasured, notMeasured, notMeasured, mitigation,
                    m.get("spof.held.partial") + heldReason(drill, m), "partial");
        }
        DrillResult.Impact impact = drill.impact();
        String held = IncidentModel.verdictKind(drill.verdict());
        String label = drill.verdict() == DrillVerdict.INCONCLUSIVE ? drill.verdict().json() : held;
        return new Row(component, drillName, impact == null ? Texts.NONE : Texts.percent(impact.koPercent()),
                impact == null ? Texts.NONE : Texts.count(impact.failedOrders()),
                drill.ttrSeconds() == null ? m.get("spof.notRecovered") : t.seconds(drill.ttrSeconds()),
                mitigation, m.get("spof.held." + label) + heldReason(drill, m), held);
    }

    private static String heldReason(DrillResult drill, Messages m) {
        return drill.passed() ? "" : " — " + IncidentModel.verdictReason(drill, m);
    }
}
