package dev.salerush.sim.report.incident;

import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Impact;
import dev.salerush.sim.report.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The draft of the notice customers would read (고객 공지 초안), in customer words only: what some customers could not
 * do and when, that it is back (or being worked on), an apology and a promise to prevent it — never an instance, a
 * version, an alert or a metric. What customers saw comes from the drill type where the bundle words it
 * ({@code notice.saw.<drill>}, e.g. empty product lists) when the impact was measured, else from the impact alone. A drill's draft is marked as
 * not to be posted.
 */
final class CustomerNotice {
    private CustomerNotice() {
    }

    static List<String> lines(DrillResult drill, Messages m, Texts t) {
        List<String> lines = new ArrayList<>();
        lines.add(m.get("notice.heading"));
        if (drill.injectedAt() == null) {
            lines.add(m.get("notice.notNeeded"));
            return lines;
        }
        String range = t.range(drill.injectedAt(), drill.recoveredAt() != null ? drill.recoveredAt()
                : drill.endedAt());
        lines.add(m.get("notice.what", range, whatCustomersSaw(drill, m)));
        lines.add(drill.recoveredAt() != null ? m.get("notice.recovered", t.time(drill.recoveredAt()))
                : m.get("notice.working"));
        lines.add(m.get("notice.apology"));
        if (ordersAffected(drill.impact())) {
            lines.add(m.get("notice.contact"));
        }
        return lines;
    }

    private static boolean ordersAffected(Impact impact) {
        return impact != null && (impact.failedOrders() > 0 || impact.unknownOrders() > 0);
    }

    private static String whatCustomersSaw(DrillResult drill, Messages m) {
        Impact impact = drill.impact();
        if (impact == null) {
            return m.get("notice.saw.unknown");
        }
        boolean affected = ordersAffected(impact) || impact.failedRequests() > 0 || impact.impactSeconds() > 0;
        String own = m.find("notice.saw.", drill.name());
        if (affected && own != null) {
            return own;
        }
        if (ordersAffected(impact)) {
            return m.get("notice.saw.orders");
        }
        if (impact.failedRequests() > 0) {
            return m.get("notice.saw.errors");
        }
        if (impact.impactSeconds() > 0) {
            return m.get("notice.saw.slow");
        }
        return m.get("notice.saw.none");
    }
}
