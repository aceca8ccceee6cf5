package dev.salerush.sim.report.incident;

import dev.salerush.sim.report.Messages;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillIntegrity;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Criterion;
import dev.salerush.sim.drills.DrillResult.FiredAlert;
import dev.salerush.sim.drills.DrillResult.Impact;
import dev.salerush.sim.drills.DrillVerdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.salerush.sim.report.incident.Texts.NONE;
import static dev.salerush.sim.report.incident.Texts.count;
import static dev.salerush.sim.report.incident.Texts.kst;
import static dev.salerush.sim.report.incident.Texts.percent;
import static dev.salerush.sim.report.incident.Texts.secondsText;
import static dev.salerush.sim.report.incident.Texts.text;

/**
 * What both incident templates show, as finished text in the report's language: every figure is formatted here and
 * every gap is "—", so the templates only lay it out. Wording is blameless: the system and the process act, no person.
 */
final class IncidentModel {
    /** {@code detectedBy} when the pager watchdog, not an alert, caught the fault (the alerting itself was down). */
    static final String WATCHDOG = "pager-watchdog";

    record TimeRow(String stage, String metric, String kst, String utc, String sinceInjection) {
    }

    record Line(String label, String value) {
    }

    record TimelineRow(String kst, String kind, String source, String detail) {
    }

    record FiredRow(String name, String channel, String firedAt, String resolvedAt) {
    }

    private final DrillResult drill;
    private final Messages m;

    private IncidentModel(DrillResult drill, Messages m) {
        this.drill = drill;
        this.m = m;
    }

    static Map<String, Object> of(DrillResult drill, String runId, ReportSettings settings) {
        return new IncidentModel(drill, Messages.of(Messages.INCIDENT, settings)).model(runId);
    }

    private Map<String, Object> model(String runId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", m.all());
        model.put("lang", m.locale().key());
        model.put("runId", text(runId));
        model.put("runLine", m.get("meta.run", text(runId)));
        model.put("drill", text(drill.name()));
        model.put("description", text(drill.description()));
        model.put("title", title());
        model.put("range", range());
        model.put("verdictKind", verdictKind(drill.verdict()));
        model.put("verdictLabel", m.label("verdict.", drill.verdict() == null ? null : drill.verdict().json()));
        model.put("verdictReason", drill.verdictReason() == null && drill.passed() ? m.get("verdict.noReason")
                : text(drill.verdictReason()));
        model.put("severity", severity());
        model.put("times", times());
        model.put("detection", detection());
        model.put("detectionParameters", detectionParameters());
        model.put("environment", environment());
        model.put("fired", fired());
        model.put("missed", names(alerts().missed()));
        model.put("unexpected", names(alerts().unexpected()));
        model.put("recall", alerts().recall() == null ? NONE : percent(100 * alerts().recall()));
        model.put("impact", impact());
        model.put("integrity", integrity());
        model.put("cause", cause());
        model.put("timeline", timeline());
        model.put("notice", CustomerNotice.lines(drill, m));
        model.put("countermeasures", Countermeasures.lines(drill, criteria(), m));
        ReviewPoints review = ReviewPoints.of(drill);
        model.put("wentWell", lines(review.wentWell()));
        model.put("wentBadly", lines(review.wentBadly()));
        return model;
    }

    /** The impact first, then the time range and the drill: "주문 실패 12건 …: 2026-12-01 16:02:10 ~ 16:03:05 KST (… 훈련)". */
    String title() {
        return m.get("title", headline(drill.impact(), m), drill.injectedAt() == null ? m.get("range.notInjected")
                : range(), text(drill.name()));
    }

    static String headline(Impact impact, Messages m) {
        if (impact == null) {
            return m.get("headline.none");
        }
        if (impact.failedOrders() > 0) {
            return m.get("headline.failedOrders", count(impact.failedOrders()), percent(impact.koPercent()));
        }
        if (impact.failedRequests() > 0) {
            return m.get("headline.errorRatio", percent(impact.koPercent()));
        }
        if (impact.p95Ms() != null && impact.impactSeconds() > 0) {
            return m.get("headline.p95", Texts.millis(impact.p95Ms()));
        }
        return m.get("headline.none");
    }

    private String range() {
        return Texts.range(drill.injectedAt(), end());
    }

    private Instant end() {
        return drill.recoveredAt() != null ? drill.recoveredAt() : drill.endedAt();
    }

    /** The style of a verdict (the run page's banner classes): pass, fail, or partial for aborted and unknown. */
    static String verdictKind(DrillVerdict verdict) {
        return verdict == DrillVerdict.PASS || verdict == DrillVerdict.FAIL ? verdict.json() : "partial";
    }

    private String severity() {
        if (drill.severity() == null || drill.severity().level() == null) {
            return m.get("severity.none");
        }
        return m.get("severity.line", drill.severity().level(), text(drill.severity().criterion()));
    }

    private List<TimeRow> times() {
        List<TimeRow> rows = new ArrayList<>();
        rows.add(time("injected", "", drill.injectedAt()));
        rows.add(time("detected", "TTD", drill.detectedAt()));
        rows.add(time("notified", "TTN", drill.notifiedAt()));
        rows.add(time("firstAction", "TTFA", drill.firstActionAt()));
        rows.add(time("mitigated", "TTM", drill.mitigatedAt()));
        rows.add(time("recovered", "TTR", drill.recoveredAt()));
        rows.add(time("ended", "", drill.endedAt()));
        return rows;
    }

    private TimeRow time(String stage, String metric, Instant at) {
        return new TimeRow(m.get("stage." + stage), metric.isEmpty() ? NONE : metric, kst(at), Texts.utc(at),
                secondsText(Texts.seconds(drill.injectedAt(), at)));
    }

    /** "탐지: HighErrorRate (시스템 지표) 2026-… KST, 발생 후 40 s" or "탐지되지 않음". */
    private String detection() {
        if (drill.injectedAt() == null) {
            return m.get("detection.notInjected");
        }
        if (drill.detectedAt() == null || drill.detectedBy() == null) {
            return m.get("detection.none");
        }
        return m.get("detection.line", drill.detectedBy(), channelLabel(channel()), kst(drill.detectedAt()),
                secondsText(drill.ttdSeconds()));
    }

    private String channel() {
        if (WATCHDOG.equals(drill.detectedBy())) {
            return "meta";
        }
        return alerts().fired().stream().filter(Objects::nonNull)
                .filter(a -> drill.detectedBy().equals(a.name())).map(FiredAlert::channel).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private String channelLabel(String channel) {
        return channel == null ? m.get("channel.unknown") : m.label("channel.", channel);
    }

    private String detectionParameters() {
        DrillResult.Detection d = drill.detection();
        if (d == null) {
            return m.get("detection.noParameters");
        }
        Double forSeconds = d.forByAlert() == null || drill.detectedBy() == null ? null
                : d.forByAlert().get(drill.detectedBy());
        return m.get("detection.parameters", secondsText(d.scrapeIntervalSeconds()),
                secondsText(d.evaluationIntervalSeconds()), secondsText(forSeconds), secondsText(d.groupWaitSeconds()),
                secondsText(d.responseDelaySeconds()));
    }

    /** Where the drill ran and who responded; that no notice time was measured, when none could be. */
    private String environment() {
        DrillResult.Detection d = drill.detection();
        if (d == null || d.environment() == null) {
            return NONE;
        }
        String text = m.get("detection.environment." + d.environment()) + " · " + ("human".equals(d.responder())
                ? m.get("detection.responder.human")
                : m.get("detection.responder.auto", secondsText(d.responseDelaySeconds())));
        return d.noticeMeasured() ? text : text + " · " + m.get("detection.noticeNotMeasured");
    }

    private List<FiredRow> fired() {
        return alerts().fired().stream().filter(Objects::nonNull).map(a -> new FiredRow(text(a.name()),
                channelLabel(a.channel()), kst(a.firedAt()), kst(a.resolvedAt()))).toList();
    }

    private DrillResult.Alerts alerts() {
        DrillResult.Alerts a = drill.alerts();
        return new DrillResult.Alerts(orEmpty(a == null ? null : a.expected()), orEmpty(a == null ? null : a.allowed()),
                orEmpty(a == null ? null : a.fired()), orEmpty(a == null ? null : a.missed()),
                orEmpty(a == null ? null : a.unexpected()));
    }

    private String names(List<String> names) {
        List<String> present = names.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? m.get("none") : String.join(", ", present);
    }

    private List<Line> impact() {
        Impact i = drill.impact();
        if (i == null) {
            return List.of(new Line(m.get("impact.window"), m.get("impact.notMeasured")));
        }
        return List.of(
                new Line(m.get("impact.requests"), m.get("impact.requestsValue", count(i.failedRequests()),
                        count(i.requests()), percent(i.koPercent()))),
                new Line(m.get("impact.failedOrders"), count(i.failedOrders())),
                new Line(m.get("impact.unknownOrders"), count(i.unknownOrders())),
                new Line(m.get("impact.users"), count(i.affectedUsers())),
                new Line(m.get("impact.p95"), Texts.millis(i.p95Ms())),
                new Line(m.get("impact.seconds"), count(i.impactSeconds()) + " s"),
                new Line(m.get("impact.window"), range()));
    }

    private String integrity() {
        DrillIntegrity integrity = drill.integrity();
        String verdict = m.label("integrity.", integrity == null ? null : integrity.status().json());
        if (integrity != null && integrity.broken() && !integrity.failures().isEmpty()) {
            // the verdict comes with what failed, from the same typed result: never a "no issue" beside a failure
            verdict += " — " + m.get("integrity.failedChecks", String.join(", ", integrity.failures()));
        }
        return integrity == null || integrity.detail() == null ? verdict : verdict + " — " + integrity.detail();
    }

    private List<Line> cause() {
        String recovery;
        if (drill.firstAction() == null) {
            recovery = m.get("recovery.none");
        } else {
            recovery = m.get(drill.rollback() ? "recovery.rollback" : "recovery.fixForward", drill.firstAction())
                    + (drill.firstActionAt() == null ? " " + m.get("recovery.notTaken") : "");
        }
        return List.of(new Line(m.get("cause.point"), text(drill.point())),
                new Line(m.get("cause.trigger"), m.get(drill.injectedAt() == null ? "cause.notInjected"
                        : "cause.injected", text(drill.fault()))),
                new Line(m.get("cause.recovery"), recovery));
    }

    private List<TimelineRow> timeline() {
        return orEmpty(drill.timeline()).stream().filter(Objects::nonNull)
                .map(e -> new TimelineRow(kst(e.at()), text(e.kind()), text(e.source()), text(e.detail()))).toList();
    }

    private List<Criterion> criteria() {
        return orEmpty(drill.criteria()).stream().filter(Objects::nonNull).toList();
    }

    private List<String> lines(List<ReviewPoints.Point> points) {
        List<String> lines = points.stream().map(point -> point.render(m)).toList();
        return lines.isEmpty() ? List.of(m.get("none")) : lines;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
