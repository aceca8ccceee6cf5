package dev.salerush.sim.report.incident;

import dev.salerush.sim.report.Messages;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Impact;

import java.util.ArrayList;
import java.util.List;

import static dev.salerush.sim.report.incident.Texts.text;

/**
 * The draft of the notice customers would read (고객 공지 초안): what stopped and when, in plain words from the fault's
 * point and the impact, what is being done, and where to ask. A drill's draft is marked as not to be posted.
 */
final class CustomerNotice {
    private CustomerNotice() {
    }

    static List<String> lines(DrillResult drill, Messages m) {
        List<String> lines = new ArrayList<>();
        lines.add(m.get("notice.heading"));
        if (drill.injectedAt() == null) {
            lines.add(m.get("notice.notNeeded"));
            return lines;
        }
        String range = Texts.range(drill.injectedAt(), drill.recoveredAt() != null ? drill.recoveredAt()
                : drill.endedAt());
        lines.add(m.get("notice.what", range, text(drill.point()), whatCustomersSaw(drill.impact(), m)));
        if (drill.recoveredAt() != null) {
            lines.add(drill.firstAction() == null ? m.get("notice.recovered", Texts.kst(drill.recoveredAt()))
                    : m.get("notice.recoveredAfter", drill.firstAction(), Texts.kst(drill.recoveredAt())));
        } else {
            lines.add(drill.firstAction() == null ? m.get("notice.investigating")
                    : m.get("notice.acting", drill.firstAction()));
        }
        lines.add(m.get("notice.contact"));
        return lines;
    }

    private static String whatCustomersSaw(Impact impact, Messages m) {
        if (impact == null) {
            return m.get("notice.impact.unknown");
        }
        if (impact.failedOrders() > 0 || impact.unknownOrders() > 0) {
            return m.get("notice.impact.orders");
        }
        if (impact.failedRequests() > 0) {
            return m.get("notice.impact.errors");
        }
        if (impact.impactSeconds() > 0) {
            return m.get("notice.impact.slow");
        }
        return m.get("notice.impact.none");
    }
}
