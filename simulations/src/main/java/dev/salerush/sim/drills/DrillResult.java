package dev.salerush.sim.drills;

import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.config.LocalizedText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one drill measured, from the fault to the end: the times of each stage of the response, the impact, the
 * alerts, the pass criteria and the timeline. summary.json's {@code drills[]} and the incident report (장애보고서) are
 * both written from it. A time is null when that stage never happened (e.g. nothing detected the fault).
 *
 * @param name            the catalogue name, e.g. {@code bad-deploy}
 * @param description     one sentence from the catalogue
 * @param verdict         pass, fail, aborted (the abort guard ended the fault, or the steady state never held so no
 *                        fault was injected) or inconclusive (the fault ended by itself before the first action)
 * @param verdictReason   why, in one sentence (the first failed criterion, the abort reason, or how the fault ended
 *                        by itself); null on a pass
 * @param fault           the injected trigger as configured, e.g. {@code rolling-deploy v2:broken-orders}
 * @param point           where the fault happened (장애 발생 지점), e.g. {@code shop instances (demo-shop v2)}
 * @param firstAction     the runbook's first action as configured, e.g. {@code rollback}; null when the drill has none
 * @param rollback        whether the first action was a rollback (not a fix forward)
 * @param detectedBy      the expected alert that fired first, or {@code pager-watchdog}; null when undetected
 * @param impact          measured between injectedAt and recoveredAt (or endedAt when not recovered)
 * @param integrity       the run's order integrity as the drill judges it, with one line of lost / duplicated /
 *                        oversold figures
 * @param severity        the level the measured impact reached, and the criterion that set it
 * @param detection       the rule parameters detection depends on, printed beside every detection time
 * @param timeline        every event of the drill window in time order (alerts, notices, operations, state changes)
 * @param series          one sample a second around the drill (from 30 s before the fault to the end)
 * @param selfHealed      the fault ended before any first action (it ran out, or the service came back by itself)
 * @see #builder(String) to build one by name
 */
public record DrillResult(
        String name, LocalizedText description, DrillVerdict verdict, String verdictReason,
        String fault, LocalizedText point, String firstAction, boolean rollback,
        Instant injectedAt, Instant detectedAt, String detectedBy, Instant notifiedAt,
        Instant firstActionAt, Instant mitigatedAt, Instant recoveredAt, Instant endedAt,
        Impact impact, DrillIntegrity integrity,
        Alerts alerts, List<Criterion> criteria, Severity severity, Detection detection,
        List<TimelineEntry> timeline, List<Second> series, boolean selfHealed) {

    public Double ttdSeconds() {
        return between(injectedAt, detectedAt);
    }

    public Double ttnSeconds() {
        return between(injectedAt, notifiedAt);
    }

    public Double ttfaSeconds() {
        return between(injectedAt, firstActionAt);
    }

    public Double ttmSeconds() {
        return between(injectedAt, mitigatedAt);
    }

    public Double ttrSeconds() {
        return between(injectedAt, recoveredAt);
    }

    public boolean passed() {
        return verdict != null && verdict.passed();
    }

    /** A result of the drill {@code name} to be built by name; what is not set stays null (false, for rollback). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding every component of this result: a copy with a few components changed. */
    public Builder toBuilder() {
        return toBuilder(name);
    }

    /** A builder holding every component of this result but the name: the same figures for the drill {@code drill}. */
    public Builder toBuilder(String drill) {
        return builder(drill).description(description).verdict(verdict, verdictReason).fault(fault).point(point)
                .firstAction(firstAction).rollback(rollback).injectedAt(injectedAt).detected(detectedAt, detectedBy)
                .notifiedAt(notifiedAt).firstActionAt(firstActionAt).mitigatedAt(mitigatedAt).recoveredAt(recoveredAt)
                .endedAt(endedAt).impact(impact).integrity(integrity).alerts(alerts).criteria(criteria)
                .severity(severity).detection(detection).timeline(timeline).series(series).selfHealed(selfHealed);
    }

    /** Seconds from {@code from} to {@code to} to the millisecond, or null when either is unknown. */
    static Double between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }

    /**
     * Customer impact during the fault.
     *
     * @param failedRequests KO requests between the fault and recovery
     * @param requests       all requests answered in that window
     * @param failedOrders   order attempts answered with an error (not OUT_OF_STOCK) in that window
     * @param unknownOrders  order attempts without an answer (timeouts, cut connections) in that window
     * @param affectedUsers  virtual users who saw at least one failed request in that window
     * @param p95Ms          p95 response time of that window (exact, HdrHistogram)
     * @param impactSeconds  seconds in that window whose error ratio or p95 was outside the tolerance
     */
    public record Impact(long failedRequests, long requests, long failedOrders, long unknownOrders,
                         long affectedUsers, Double p95Ms, long impactSeconds) {
        public double koPercent() {
            return requests == 0 ? 0 : 100.0 * failedRequests / requests;
        }
    }

    /**
     * Alerts seen between the fault and the end of the drill. Recall = fired expected / expected; an unexpected
     * alert (neither expected nor allowed as a consequence) costs precision.
     */
    public record Alerts(List<String> expected, List<String> allowed, List<FiredAlert> fired, List<String> missed,
                         List<String> unexpected) {
        public Double recall() {
            return expected.isEmpty() ? null : (expected.size() - missed.size()) / (double) expected.size();
        }
    }

    /** One alert that fired: when Prometheus first reported it firing, and when it resolved (null if still firing). */
    public record FiredAlert(String name, String channel, String severity, Instant firedAt, Instant resolvedAt) {
    }

    /**
     * One pass criterion: its name (fixed, e.g. {@code detected-within}), what was required, what was measured.
     *
     * @param withinSeconds the bound of a time criterion (detected, notified, recovered within), so a report can set
     *                      the measured time against it; null for a criterion that is not a time bound
     */
    public record Criterion(String name, String required, String actual, boolean passed, Double withinSeconds) {
        /** A criterion that is not a time bound. */
        public Criterion(String name, String required, String actual, boolean passed) {
            this(name, required, actual, passed, null);
        }
    }

    /**
     * The severity level (등급) the impact reached, with the bounds of conf's level that set it (null: not part of it;
     * all null: the level of everything else).
     */
    public record Severity(String id, LocalizedText level, Double koPercent, Long failedOrders, Long impactSeconds) {

        /** The level reached by {@code reached} (null bounds: the last level, reached by anything). */
        public static Severity of(DrillSettings.SeverityLevel reached) {
            return new Severity(reached.id(), reached.level(), reached.koPercent(), reached.failedOrders(),
                    reached.impactSeconds());
        }

        public boolean hasBounds() {
            return koPercent != null || failedOrders != null || impactSeconds != null;
        }
    }

    /**
     * What detection times depend on.
     *
     * @param forByAlert     each expected alert's {@code for:} duration in seconds
     * @param scrapeIntervalSeconds (and the evaluation interval, {@code group_wait}) null when the team's Prometheus
     *                       or Alertmanager could not be asked
     * @param environment    {@code embedded} (the demo world's alerting) or {@code external} (a team's staging)
     * @param responder      {@code auto} (the on-call stand-in) or {@code human} (a person on call)
     * @param noticeMeasured false when no notice could reach the suite (no route to the receiver): no time to notice
     */
    public record Detection(Double scrapeIntervalSeconds, Double evaluationIntervalSeconds, Double groupWaitSeconds,
                            double responseDelaySeconds, java.util.Map<String, Double> forByAlert, String environment,
                            String responder, boolean noticeMeasured) {
        public Detection(double scrapeIntervalSeconds, double evaluationIntervalSeconds, double groupWaitSeconds,
                         double responseDelaySeconds, java.util.Map<String, Double> forByAlert) {
            this(scrapeIntervalSeconds, evaluationIntervalSeconds, groupWaitSeconds, responseDelaySeconds, forByAlert,
                    "embedded", "auto", true);
        }
    }

    /** One line of the timeline: when, what kind (e.g. {@code alert.firing}, {@code notice.posted}), from where. */
    public record TimelineEntry(Instant at, String kind, String source, String detail) {
    }

    /** One second of client figures: requests, KO %, p95 (null when nothing was answered). */
    public record Second(Instant at, long requests, double koPercent, Double p95Ms) {
    }

    /** Builds a {@link DrillResult} by name: a new component is one more setter, and no caller counts positions. */
    public static final class Builder {
        private final String name;
        private LocalizedText description;
        private DrillVerdict verdict;
        private String verdictReason;
        private String fault;
        private LocalizedText point;
        private String firstAction;
        private boolean rollback;
        private Instant injectedAt;
        private Instant detectedAt;
        private String detectedBy;
        private Instant notifiedAt;
        private Instant firstActionAt;
        private Instant mitigatedAt;
        private Instant recoveredAt;
        private Instant endedAt;
        private Impact impact;
        private DrillIntegrity integrity;
        private Alerts alerts;
        private List<Criterion> criteria;
        private Severity severity;
        private Detection detection;
        private List<TimelineEntry> timeline;
        private List<Second> series;
        private boolean selfHealed;

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(LocalizedText value) { description = value; return this; }
        public Builder description(String value) { return description(LocalizedText.of(value)); }
        public Builder verdict(DrillVerdict value, String reason) { verdict = value; verdictReason = reason; return this; }
        public Builder fault(String value) { fault = value; return this; }
        public Builder point(LocalizedText value) { point = value; return this; }
        public Builder point(String value) { return point(LocalizedText.of(value)); }
        public Builder firstAction(String value) { firstAction = value; return this; }
        public Builder rollback(boolean value) { rollback = value; return this; }
        public Builder injectedAt(Instant value) { injectedAt = value; return this; }
        public Builder detected(Instant at, String by) { detectedAt = at; detectedBy = by; return this; }
        public Builder notifiedAt(Instant value) { notifiedAt = value; return this; }
        public Builder firstActionAt(Instant value) { firstActionAt = value; return this; }
        public Builder mitigatedAt(Instant value) { mitigatedAt = value; return this; }
        public Builder recoveredAt(Instant value) { recoveredAt = value; return this; }
        public Builder endedAt(Instant value) { endedAt = value; return this; }
        public Builder impact(Impact value) { impact = value; return this; }
        public Builder integrity(DrillIntegrity value) { integrity = value; return this; }
        public Builder alerts(Alerts value) { alerts = value; return this; }
        public Builder criteria(List<Criterion> value) { criteria = value; return this; }
        public Builder severity(Severity value) { severity = value; return this; }
        public Builder detection(Detection value) { detection = value; return this; }
        public Builder timeline(List<TimelineEntry> value) { timeline = value; return this; }
        public Builder series(List<Second> value) { series = value; return this; }
        public Builder selfHealed(boolean value) { selfHealed = value; return this; }

        public DrillResult build() {
            return new DrillResult(name, description, verdict, verdictReason, fault, point, firstAction, rollback,
                    injectedAt, detectedAt, detectedBy, notifiedAt, firstActionAt, mitigatedAt, recoveredAt, endedAt,
                    impact, integrity, alerts, criteria, severity, detection, timeline, series, selfHealed);
        }
    }
}
