package dev.salerush.sim.report.incident;

import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.FiredAlert;
import dev.salerush.sim.drills.DrillResult.TimelineEntry;
import dev.salerush.sim.report.Messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static dev.salerush.sim.report.incident.Texts.code;

/**
 * 시간별 대응: who did what, in time order — the drill (the fault), the alerting (each alert firing and resolving),
 * the notice, the responder (the stand-in's first action, or what the person on call recorded) and the system (the
 * service level mitigated and recovered). Built from the measured stage times and the on-call records, not from the
 * machine's event log, which the report keeps as an appendix.
 */
final class ResponseTimeline {
    /** The on-call records of the event log: what the person on call posted (DrillReceiver). */
    private static final String ON_CALL_PREFIX = "oncall.";

    record Row(Instant at, String time, String actor, String what) {
    }

    private ResponseTimeline() {
    }

    static List<Row> rows(DrillResult drill, Messages m, Texts t) {
        List<Row> rows = new ArrayList<>();
        Builder b = new Builder(rows, m, t);
        b.add(drill.injectedAt(), "drill", m.get("response.injected", code(drill.fault())));
        for (FiredAlert alert : IncidentModel.orEmpty(drill.alerts() == null ? null : drill.alerts().fired())) {
            if (alert == null) {
                continue;
            }
            b.add(alert.firedAt(), "alerting", m.get("response.alertFiring", code(alert.name())));
            b.add(alert.resolvedAt(), "alerting", m.get("response.alertResolved", code(alert.name())));
        }
        if (IncidentModel.WATCHDOG.equals(drill.detectedBy())) {
            b.add(drill.detectedAt(), "alerting", m.get("response.watchdog"));
        }
        b.add(drill.notifiedAt(), "notice", m.get("response.notified"));
        boolean human = drill.detection() != null && "human".equals(drill.detection().responder());
        for (TimelineEntry entry : IncidentModel.orEmpty(drill.timeline())) {
            if (entry != null && entry.kind() != null && entry.kind().startsWith(ON_CALL_PREFIX)) {
                String kind = entry.kind().substring(ON_CALL_PREFIX.length());
                b.add(entry.at(), "onCall", m.get("response.onCall." + ("ack".equals(kind) ? "ack" : "action"),
                        Texts.text(entry.detail())));
            }
        }
        if (!human && drill.firstAction() != null) {
            b.add(drill.firstActionAt(), "responder", m.get("response.firstAction", code(drill.firstAction())));
        }
        b.add(drill.mitigatedAt(), "system", m.get("response.mitigated"));
        b.add(drill.recoveredAt(), "system", m.get("response.recovered"));
        b.add(drill.endedAt(), "drill", m.get("response.ended"));
        rows.sort(Comparator.comparing(Row::at));
        return rows;
    }

    /** Adds a row for a stage that happened; a stage that did not (null time) has none. */
    private record Builder(List<Row> rows, Messages m, Texts t) {
        void add(Instant at, String actor, String what) {
            if (at != null) {
                rows.add(new Row(at, t.time(at), m.get("actor." + actor), Objects.requireNonNull(what)));
            }
        }
    }
}
