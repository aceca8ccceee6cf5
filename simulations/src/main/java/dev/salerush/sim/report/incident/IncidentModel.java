package dev.salerush.sim.report.incident;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillIntegrity;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Criterion;
import dev.salerush.sim.drills.DrillResult.FiredAlert;
import dev.salerush.sim.drills.DrillResult.Impact;
import dev.salerush.sim.drills.DrillVerdict;
import dev.salerush.sim.report.Messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.salerush.sim.report.incident.Texts.NONE;
import static dev.salerush.sim.report.incident.Texts.code;
import static dev.salerush.sim.report.incident.Texts.count;
import static dev.salerush.sim.report.incident.Texts.percent;
import static dev.salerush.sim.report.incident.Texts.text;

/**
 * What both incident templates show, as finished text in the report's language: every figure is formatted here and
 * every gap is "—", so the templates only lay it out; identifiers are between backticks (code font on both page
 * kinds). Wording is blameless: the system and the process act, no person.
 */
final class IncidentModel {
    /** {@code detectedBy} when the pager watchdog, not an alert, caught the fault (the alerting itself was down). */
    static final String WATCHDOG = "pager-watchdog";

    record TimeRow(String stage, String metric, String at, String sinceInjection) {
    }

    record Line(String label, String value) {
    }

    record MachineRow(String at, String kind, String source, String detail) {
    }

    record FiredRow(String name, String channel, String firedAt, String resolvedAt) {
    }

    private final DrillResult drill;
    private final Messages m;
    private final Texts t;
    private final ReportSettings settings;

    private IncidentModel(DrillResult drill, ReportSettings settings) {
        this.drill = drill;
        this.settings = settings;
        this.m = Messages.of(Messages.INCIDENT, settings);
        this.t = new Texts(settings);
    }

    static Map<String, Object> of(DrillResult drill, String runId, ReportSettings settings) {
        return new IncidentModel(drill, settings).model(runId);
    }

    private Map<String, Object> model(String runId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("m", m.all());
        model.put("lang", m.locale().key());
        model.put("runId", text(runId));
        model.put("runLine", m.get("meta.run", code(runId)));
        model.put("zoneLine", m.get("meta.zone", t.zoneName()));
        model.put("drill", text(drill.name()));
        model.put("description", drill.description() == null ? NONE : text(drill.description().in(locale())));
        model.put("title", title());
        model.put("range", range());
        model.put("authors", authors());
        model.put("verdictKind", verdictKind(drill.verdict()));
        model.put("verdictLabel", m.label("verdict.", drill.verdict() == null ? null : drill.verdict().json()));
        model.put("verdictReason", verdictReason(drill, m));
        model.put("severity", severity());
        model.put("summary", summary());
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
        model.put("response", ResponseTimeline.rows(drill, m, t));
        model.put("machineLog", machineLog());
        model.put("cause", cause());
        model.put("notice", CustomerNotice.lines(drill, m, t));
        model.put("countermeasures", Countermeasures.rows(drill, criteria(), m, t));
        ReviewPoints review = ReviewPoints.of(drill, t);
        model.put("wentWell", lines(review.wentWell()));
        model.put("wentBadly", lines(review.wentBadly()));
        return model;
    }

    private ReportLocale locale() {
        return settings.locale();
    }

    /** The impact first, then the time range and the drill: "주문 실패 12건 …: 2026-12-01 16:02:10 ~ 16:03:05 (… 훈련)". */
    String title() {
        return m.get("title", headline(drill.impact(), m), drill.injectedAt() == null ? m.get("range.notInjected")
                : range(), code(drill.name()));
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
        return t.range(drill.injectedAt(), end());
    }

    private Instant end() {
        return drill.recoveredAt() != null ? drill.recoveredAt() : drill.endedAt();
    }

    private String authors() {
        // names are proper nouns: code font, so a Korean name reads as a name on an English page too
        return settings.authors().isEmpty() ? m.get("authors.none")
                : String.join(", ", settings.authors().stream().map(Texts::code).toList());
    }

    /** The style of a verdict (the run page's banner classes): pass, fail, or partial for aborted and unknown. */
    static String verdictKind(DrillVerdict verdict) {
        return verdict == DrillVerdict.PASS || verdict == DrillVerdict.FAIL ? verdict.json() : "partial";
    }

    /** Why, in the report's language: the failed criteria by name; an abort or a self-healed fault as recorded. */
    static String verdictReason(DrillResult drill, Messages m) {
        if (drill.verdict() == DrillVerdict.PASS) {
            return m.get("verdict.noReason");
        }
        List<String> failed = orEmpty(drill.criteria()).stream().filter(c -> c != null && !c.passed())
                .map(c -> criterionLabel(c.name(), m)).toList();
        if (drill.verdict() == DrillVerdict.FAIL && !failed.isEmpty()) {
            return m.get("verdict.failedCriteria", String.join(", ", failed));
        }
        return drill.verdictReason() == null ? NONE : m.get("verdict.recorded", code(drill.verdictReason()));
    }

    static String criterionLabel(String name, Messages m) {
        String label = m.find("criterion.", name);
        return label != null ? label : code(name);
    }

    private String severity() {
        DrillResult.Severity s = drill.severity();
        if (s == null || s.level() == null) {
            return m.get("severity.none");
        }
        return m.get("severity.line", s.level().in(locale()), severityCriterion(s));
    }

    /** The bounds of the level reached, e.g. "요청 실패율 20 % 이상, 영향 60초 이상"; the last level: everything else. */
    private String severityCriterion(DrillResult.Severity s) {
        if (!s.hasBounds()) {
            return m.get("severity.otherwise");
        }
        List<String> bounds = new ArrayList<>();
        if (s.koPercent() != null) {
            bounds.add(m.get("severity.koPercent", Texts.number(s.koPercent(), 1).replaceAll("\\.0$", "")));
        }
        if (s.failedOrders() != null) {
            bounds.add(m.get("severity.failedOrders", count(s.failedOrders())));
        }
        if (s.impactSeconds() != null) {
            bounds.add(m.get("severity.impactSeconds", t.wholeSeconds(s.impactSeconds())));
        }
        return String.join(m.get("severity.and"), bounds);
    }

    /**
     * The report's fields at a glance (장애보고서 개요): total duration, how it was detected, where, the cause the
     * drill injected, how the service was recovered.
     */
    private List<Line> summary() {
        return List.of(
                new Line(m.get("summary.duration"), totalDuration()),
                new Line(m.get("summary.detection"), detectionMethod()),
                new Line(m.get("cause.point"), drill.point() == null ? NONE : text(drill.point().in(locale()))),
                trigger(),
                new Line(m.get("cause.recovery"), recovery()));
    }

    /** From the fault to recovery; a fault never recovered counts to the drill's end and says so. */
    private String totalDuration() {
        if (drill.injectedAt() == null) {
            return NONE;
        }
        if (drill.recoveredAt() != null) {
            return t.seconds(Texts.secondsBetween(drill.injectedAt(), drill.recoveredAt()));
        }
        return m.get("summary.durationNotRecovered", t.seconds(Texts.secondsBetween(drill.injectedAt(),
                drill.endedAt())));
    }

    private String detectionMethod() {
        if (drill.detectedBy() == null) {
            return m.get("summary.notDetected");
        }
        if (WATCHDOG.equals(drill.detectedBy())) {
            return m.get("summary.detectedByWatchdog");
        }
        return m.get("summary.detectedBy", code(drill.detectedBy()), channelLabel(channel()));
    }

    private String recovery() {
        String action = drill.firstAction();
        if (action == null) {
            return m.get("recovery.none");
        }
        String done = m.get(drill.rollback() ? "recovery.rollback" : "recovery.fixForward", code(action));
        return drill.firstActionAt() == null ? done + " " + m.get("recovery.notTaken") : done;
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
        return new TimeRow(m.get("stage." + stage), metric.isEmpty() ? NONE : metric, t.time(at),
                t.seconds(Texts.secondsBetween(drill.injectedAt(), at)));
    }

    /** "`HighErrorRate` (시스템 지표), 2026-… , 발생 후 40초" or "탐지되지 않음". */
    private String detection() {
        if (drill.injectedAt() == null) {
            return m.get("detection.notInjected");
        }
        if (drill.detectedAt() == null || drill.detectedBy() == null) {
            return m.get("detection.none");
        }
        String by = WATCHDOG.equals(drill.detectedBy()) ? m.get("detection.watchdog") : code(drill.detectedBy());
        return m.get("detection.line", by, channelLabel(channel()), t.time(drill.detectedAt()),
                t.seconds(drill.ttdSeconds()));
    }

    private String channel() {
        if (WATCHDOG.equals(drill.detectedBy())) {
            return "meta";
        }
        return alerts().fired().stream().filter(Objects::nonNull)
                .filter(a -> drill.detectedBy().equals(a.name())).map(FiredAlert::channel).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    String channelLabel(String channel) {
        return channel == null ? m.get("channel.unknown") : m.label("channel.", channel);
    }

    private String detectionParameters() {
        DrillResult.Detection d = drill.detection();
        if (d == null) {
            return m.get("detection.noParameters");
        }
        Double forSeconds = d.forByAlert() == null || drill.detectedBy() == null ? null
                : d.forByAlert().get(drill.detectedBy());
        return m.get("detection.parameters", t.seconds(d.scrapeIntervalSeconds()),
                t.seconds(d.evaluationIntervalSeconds()), t.seconds(forSeconds), t.seconds(d.groupWaitSeconds()),
                t.seconds(d.responseDelaySeconds()));
    }

    /** Where the drill ran and who responded; that no notice time was measured, when none could be. */
    private String environment() {
        DrillResult.Detection d = drill.detection();
        if (d == null || d.environment() == null) {
            return NONE;
        }
        String text = m.get("detection.environment." + d.environment()) + " · " + ("human".equals(d.responder())
                ? m.get("detection.responder.human")
                : m.get("detection.responder.auto", t.seconds(d.responseDelaySeconds())));
        return d.noticeMeasured() ? text : text + " · " + m.get("detection.noticeNotMeasured");
    }

    private List<FiredRow> fired() {
        return alerts().fired().stream().filter(Objects::nonNull).map(a -> new FiredRow(code(a.name()),
                channelLabel(a.channel()), t.time(a.firedAt()), t.time(a.resolvedAt()))).toList();
    }

    private DrillResult.Alerts alerts() {
        DrillResult.Alerts a = drill.alerts();
        return new DrillResult.Alerts(orEmpty(a == null ? null : a.expected()), orEmpty(a == null ? null : a.allowed()),
                orEmpty(a == null ? null : a.fired()), orEmpty(a == null ? null : a.missed()),
                orEmpty(a == null ? null : a.unexpected()));
    }

    private String names(List<String> names) {
        List<String> present = names.stream().filter(Objects::nonNull).map(Texts::code).toList();
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
                new Line(m.get("impact.failedOrders"), m.get("impact.orders", count(i.failedOrders()))),
                new Line(m.get("impact.unknownOrders"), m.get("impact.orders", count(i.unknownOrders()))),
                new Line(m.get("impact.users"), m.get("impact.people", count(i.affectedUsers()))),
                new Line(m.get("impact.p95"), Texts.millis(i.p95Ms())),
                new Line(m.get("impact.seconds"), t.wholeSeconds(i.impactSeconds())),
                new Line(m.get("impact.window"), range()));
    }

    private String integrity() {
        DrillIntegrity integrity = drill.integrity();
        String verdict = m.label("integrity.", integrity == null ? null : integrity.status().json());
        if (integrity != null && integrity.broken() && !integrity.failures().isEmpty()) {
            // the verdict comes with what failed, from the same typed result: never a "no issue" beside a failure
            verdict += " — " + m.get("integrity.failedChecks", String.join(", ",
                    integrity.failures().stream().map(Texts::code).toList()));
        }
        return integrity == null || integrity.detail() == null ? verdict
                : verdict + " — " + m.get("integrity.recorded", code(integrity.detail()));
    }

    /** 장애 원인 (what the drill injected, a confirmed fact) and 근본 원인 (the team's to write). */
    private List<Line> cause() {
        return List.of(
                trigger(),
                new Line(m.get("cause.root"), m.get("cause.rootToWrite")));
    }

    /** 장애 원인: the fault the drill injected, or meant to inject when it ended before. */
    private Line trigger() {
        String key = drill.injectedAt() == null ? "cause.notInjected" : "cause.injected";
        return new Line(m.get("cause.trigger"), m.get(key, code(drill.fault())));
    }

    /** The machine's own event log, in code font: the appendix, apart from who did what. */
    private List<MachineRow> machineLog() {
        return orEmpty(drill.timeline()).stream().filter(Objects::nonNull)
                .map(e -> new MachineRow(t.time(e.at()), code(e.kind()), code(e.source()), code(e.detail()))).toList();
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
