package dev.salerush.sim.drills;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A drill result as summary.json's {@code drills[]} shows it (field names are a contract: docs/run-folder.md). */
public final class DrillJson {

    private DrillJson() {
    }

    public static List<Map<String, Object>> of(List<DrillResult> results) {
        return results.stream().map(DrillJson::of).toList();
    }

    static Map<String, Object> of(DrillResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("verdict", r.verdict().json());
        m.put("verdictReason", r.verdictReason());
        m.put("selfHealed", r.selfHealed());
        m.put("fault", r.fault());
        m.put("point", r.point() == null ? null : r.point().json());
        m.put("injectedAt", text(r.injectedAt()));
        m.put("detectedAt", text(r.detectedAt()));
        m.put("detectedBy", r.detectedBy());
        m.put("notifiedAt", text(r.notifiedAt()));
        m.put("firstActionAt", text(r.firstActionAt()));
        m.put("firstAction", r.firstAction());
        m.put("rollback", r.rollback());
        m.put("mitigatedAt", text(r.mitigatedAt()));
        m.put("recoveredAt", text(r.recoveredAt()));
        m.put("endedAt", text(r.endedAt()));
        m.put("ttdSeconds", r.ttdSeconds());
        m.put("ttnSeconds", r.ttnSeconds());
        m.put("ttfaSeconds", r.ttfaSeconds());
        m.put("ttmSeconds", r.ttmSeconds());
        m.put("ttrSeconds", r.ttrSeconds());
        DrillResult.Impact impact = r.impact();
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("failedRequests", impact.failedRequests());
        i.put("requests", impact.requests());
        i.put("koPercent", impact.koPercent());
        i.put("failedOrders", impact.failedOrders());
        i.put("unknownOrders", impact.unknownOrders());
        i.put("affectedUsers", impact.affectedUsers());
        i.put("p95Ms", impact.p95Ms());
        i.put("impactSeconds", impact.impactSeconds());
        m.put("impact", i);
        m.put("integrity", r.integrity().status().json());
        m.put("integrityDetail", r.integrity().detail());
        DrillResult.Severity severity = r.severity();
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("id", severity.id());
        level.put("level", severity.level().json());
        level.put("koPercent", severity.koPercent());
        level.put("failedOrders", severity.failedOrders());
        level.put("impactSeconds", severity.impactSeconds());
        m.put("severity", level);
        DrillResult.Alerts alerts = r.alerts();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("expected", alerts.expected());
        a.put("allowed", alerts.allowed());
        a.put("fired", alerts.fired().stream().map(f -> {
            Map<String, Object> fired = new LinkedHashMap<>();
            fired.put("name", f.name());
            fired.put("channel", f.channel());
            fired.put("severity", f.severity());
            fired.put("firedAt", text(f.firedAt()));
            fired.put("resolvedAt", text(f.resolvedAt()));
            return fired;
        }).toList());
        a.put("missed", alerts.missed());
        a.put("unexpected", alerts.unexpected());
        a.put("recall", alerts.recall());
        m.put("alerts", a);
        m.put("criteria", r.criteria().stream().map(c -> Map.of("name", c.name(), "required", c.required(),
                "actual", c.actual(), "passed", c.passed())).toList());
        DrillResult.Detection d = r.detection();
        Map<String, Object> detection = new LinkedHashMap<>();
        detection.put("scrapeIntervalSeconds", d.scrapeIntervalSeconds());
        detection.put("evaluationIntervalSeconds", d.evaluationIntervalSeconds());
        detection.put("groupWaitSeconds", d.groupWaitSeconds());
        detection.put("responseDelaySeconds", d.responseDelaySeconds());
        detection.put("forSeconds", d.forByAlert());
        detection.put("environment", d.environment());
        detection.put("responder", d.responder());
        detection.put("noticeMeasured", d.noticeMeasured());
        m.put("detection", detection);
        m.put("series", series(r));
        return m;
    }

    /**
     * The drill's seconds, compact: {@code t} seconds from the fault (negative before it), requests answered, the
     * failed share and the p95 of that second (null when nothing was answered). Empty when no fault was injected:
     * nothing to align them on.
     */
    static List<Map<String, Object>> series(DrillResult r) {
        if (r.injectedAt() == null || r.series() == null) {
            return List.of();
        }
        long t0 = r.injectedAt().toEpochMilli();
        return r.series().stream().filter(s -> s != null && s.at() != null).map(s -> {
            Map<String, Object> second = new LinkedHashMap<>();
            second.put("t", Math.round((s.at().toEpochMilli() - t0) / 100.0) / 10.0);
            second.put("requests", s.requests());
            second.put("koPercent", Math.round(s.koPercent() * 1000) / 1000.0);
            second.put("p95Ms", s.p95Ms());
            return second;
        }).toList();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
