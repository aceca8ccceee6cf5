package dev.salerush.sim.report.incident;

import dev.salerush.sim.report.Messages;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Criterion;
import dev.salerush.sim.drills.DrillResult.Impact;

import java.util.ArrayList;
import java.util.List;

import static dev.salerush.sim.report.incident.Texts.count;
import static dev.salerush.sim.report.incident.Texts.secondsText;
import static dev.salerush.sim.report.incident.Texts.text;

/**
 * 재발 방지 대책, from what the incident cost as much as from the criteria it failed: one countermeasure per failed
 * criterion (chosen by its fixed name; a generic line naming one the bundle does not know), then one per impact —
 * failed orders (the drill type's own measures where the bundle has them), orders without an answer, and a detection
 * slow against the impact. An incident that failed orders always gets a countermeasure, even when every criterion
 * passed.
 */
final class Countermeasures {
    private static final String PREFIX = "countermeasure.for.";
    /** Detection later than this share of the impact is slow, whatever the criterion allowed. */
    private static final double SLOW_DETECTION_SHARE = 0.25;

    private Countermeasures() {
    }

    static List<String> lines(DrillResult drill, List<Criterion> criteria, Messages m) {
        List<String> lines = new ArrayList<>(criteria.stream().filter(c -> !c.passed()).map(c -> line(c, m)).toList());
        lines.addAll(fromImpact(drill, m));
        return lines.isEmpty() ? List.of(m.get("countermeasure.noneFailed")) : lines;
    }

    private static String line(Criterion c, Messages m) {
        String measure = m.find(PREFIX, c.name());
        if (measure == null) {
            measure = m.get("countermeasure.generic", text(c.name()));
        }
        return m.get("countermeasure.line", text(c.name()), text(c.required()), text(c.actual()), measure);
    }

    private static List<String> fromImpact(DrillResult drill, Messages m) {
        Impact impact = drill.impact();
        List<String> lines = new ArrayList<>();
        if (impact == null || drill.injectedAt() == null) {
            return lines;
        }
        if (impact.failedOrders() > 0) {
            String own = m.find("countermeasure.orders.", drill.name());
            lines.add(m.get("countermeasure.failedOrders", count(impact.failedOrders()),
                    count(impact.impactSeconds()), own != null ? own : m.get("countermeasure.orders.generic")));
        }
        if (impact.unknownOrders() > 0) {
            lines.add(m.get("countermeasure.unknownOrders", count(impact.unknownOrders())));
        }
        Double ttd = drill.ttdSeconds();
        if (ttd != null && impact.impactSeconds() > 0 && ttd > SLOW_DETECTION_SHARE * impact.impactSeconds()) {
            lines.add(m.get("countermeasure.slowDetection", secondsText(ttd), count(impact.impactSeconds())));
        }
        return lines;
    }
}
