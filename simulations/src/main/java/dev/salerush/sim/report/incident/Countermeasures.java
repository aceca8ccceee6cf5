package dev.salerush.sim.report.incident;

import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Criterion;
import dev.salerush.sim.drills.DrillResult.Impact;
import dev.salerush.sim.report.Messages;

import java.util.ArrayList;
import java.util.List;

import static dev.salerush.sim.report.incident.Texts.count;

/**
 * 재발 방지 대책 as the report's table (대책, 근거, 담당, 기한, 상태): one suggestion per measured shortfall — each
 * failed criterion (chosen by its fixed name; a generic line for one the bundle does not know), failed orders (the
 * drill type's own measures where the bundle has them), orders without an answer, and a detection slow against the
 * impact — with the measurement it answers. Owner and due date are the team's to fill; the status is "proposed". An
 * incident that failed orders always gets a countermeasure, even when every criterion passed.
 */
final class Countermeasures {
    private static final String PREFIX = "countermeasure.for.";
    /** Detection later than this share of the impact is slow, whatever the criterion allowed. */
    private static final double SLOW_DETECTION_SHARE = 0.25;

    /** One row of the table. */
    record Row(String measure, String evidence, String owner, String due, String status) {
    }

    private Countermeasures() {
    }

    static List<Row> rows(DrillResult drill, List<Criterion> criteria, Messages m, Texts t) {
        List<Row> rows = new ArrayList<>();
        for (Criterion c : criteria) {
            if (!c.passed()) {
                String measure = m.find(PREFIX, c.name());
                rows.add(row(measure != null ? measure : m.get("countermeasure.generic"),
                        m.get("countermeasure.criterionFailed", criterionLabel(c, m), measured(drill, c, m, t)), m));
            }
        }
        rows.addAll(fromImpact(drill, m, t));
        return rows;
    }

    private static String criterionLabel(Criterion c, Messages m) {
        String label = m.find("criterion.", c.name());
        return label != null ? label : Texts.code(c.name());
    }

    /** A time criterion's measured stage time against its bound; any other, its record in code font. */
    private static String measured(DrillResult drill, Criterion c, Messages m, Texts t) {
        if (c.withinSeconds() == null) {
            return m.get("countermeasure.measuredRecord", Texts.code(c.actual()));
        }
        Double seconds = ReviewPoints.stageSeconds(drill, c.name());
        return seconds == null ? m.get("countermeasure.measuredNever", t.seconds(c.withinSeconds()))
                : m.get("countermeasure.measuredTime", t.seconds(seconds), t.seconds(c.withinSeconds()));
    }

    private static List<Row> fromImpact(DrillResult drill, Messages m, Texts t) {
        Impact impact = drill.impact();
        List<Row> rows = new ArrayList<>();
        if (impact == null || drill.injectedAt() == null) {
            return rows;
        }
        if (impact.failedOrders() > 0) {
            String own = m.find("countermeasure.orders.", drill.name());
            String measure = own != null ? own : m.get("countermeasure.orders.generic");
            rows.add(row(measure, m.get("countermeasure.failedOrders", count(impact.failedOrders()),
                    t.wholeSeconds(impact.impactSeconds())), m));
        }
        if (impact.unknownOrders() > 0) {
            rows.add(row(m.get("countermeasure.unknownOrders.measure"),
                    m.get("countermeasure.unknownOrders", count(impact.unknownOrders())), m));
        }
        Double ttd = drill.ttdSeconds();
        if (ttd != null && impact.impactSeconds() > 0 && ttd > SLOW_DETECTION_SHARE * impact.impactSeconds()) {
            rows.add(row(m.get("countermeasure.slowDetection.measure"), m.get("countermeasure.slowDetection",
                    t.seconds(ttd), t.wholeSeconds(impact.impactSeconds())), m));
        }
        return rows;
    }

    private static Row row(String measure, String evidence, Messages m) {
        return new Row(measure, evidence, m.get("countermeasure.toAssign"), m.get("countermeasure.toAssign"),
                m.get("countermeasure.proposed"));
    }
}
