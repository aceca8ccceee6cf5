package dev.salerush.sim.report.incident;

import dev.salerush.sim.drills.DrillResult.Criterion;

import java.util.List;

import static dev.salerush.sim.report.incident.Texts.text;

/**
 * 재발 방지 대책: one concrete countermeasure per failed criterion, chosen by the criterion's fixed name
 * ({@code detected-within}, {@code notice-posted}, {@code recovered-within}, {@code integrity},
 * {@code no-unexpected-alerts}); a criterion the bundle has no line for gets a generic line naming it.
 */
final class Countermeasures {
    private static final String PREFIX = "countermeasure.for.";

    private Countermeasures() {
    }

    static List<String> lines(List<Criterion> criteria, Messages m) {
        List<String> lines = criteria.stream().filter(c -> !c.passed()).map(c -> line(c, m)).toList();
        return lines.isEmpty() ? List.of(m.get("countermeasure.noneFailed")) : lines;
    }

    private static String line(Criterion c, Messages m) {
        String measure = m.find(PREFIX, c.name());
        if (measure == null) {
            measure = m.get("countermeasure.generic", text(c.name()));
        }
        return m.get("countermeasure.line", text(c.name()), text(c.required()), text(c.actual()), measure);
    }
}
