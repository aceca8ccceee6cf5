package dev.salerush.sim.drills;

import dev.salerush.env.events.Event;
import dev.salerush.sim.config.DrillSettings.DrillSpec;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.drills.watch.AlertingView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a drill observed into its result: the alerts sorted into expected, allowed and unexpected, the pass
 * criteria (each a fixed name), the severity level its impact reached, and the verdict.
 */
public final class DrillJudge {
    /** The always-firing heartbeat alert: never part of a drill's alerts. */
    public static final String WATCHDOG = "Watchdog";
    /** How far before the fault the timeline and the chart begin. */
    static final Duration BEFORE_FAULT = Duration.ofSeconds(30);

    private DrillJudge() {
    }

    /** What a drill observed, read off its track when it ended. */
    record Observed(DrillSpec spec, Instant injectedAt, Instant detectedAt, String detectedBy, Instant notifiedAt,
                    Instant firstActionAt, Instant recoveredAt, Instant endedAt, String abortReason, String stepFailure,
                    DrillResult.Impact impact, List<AlertingView.AlertChange> alertHistory, Instant pagerSilentAt,
                    List<DrillResult.Second> series, List<Event> events, Map<String, Double> ruleFor,
                    String selfHealed, String undoFailure, Instant ackedAt, AlertingView.Timing timing,
                    String recordedAction) {
    }

    /** The criteria about the response: moot when the fault ended before the responder acted. */
    private static final List<String> RESPONSE_CRITERIA = List.of("first-action-taken", "recovered-within");

    static DrillResult judge(Observed o, DrillSettings settings, DrillIntegrity integrity) {
        DrillSpec spec = o.spec();
        DrillResult.Alerts alerts = alerts(o);
        List<DrillResult.Criterion> criteria = criteria(o, settings, alerts, integrity);
        String failed = criteria.stream().filter(c -> !c.passed())
                .filter(c -> o.selfHealed() == null || !RESPONSE_CRITERIA.contains(c.name()))
                .map(c -> c.name() + " (" + c.actual() + ")").findFirst().orElse(null);
        DrillResult.Builder result = described(spec)
                .fault(String.join("; ", spec.fault().stream().map(Object::toString).toList()))
                .firstAction(firstAction(spec, o.recordedAction()))
                .injectedAt(o.injectedAt()).detected(o.detectedAt(), o.detectedBy()).notifiedAt(o.notifiedAt())
                .firstActionAt(o.firstActionAt()).mitigatedAt(mitigatedAt(o, settings)).recoveredAt(o.recoveredAt())
                .endedAt(o.endedAt()).impact(o.impact()).integrity(integrity).alerts(alerts).criteria(criteria)
                .severity(severity(o.impact(), settings.severity()))
                .detection(detection(spec, settings, o.ruleFor(), o.timing()))
                .timeline(timeline(o)).series(o.series()).selfHealed(o.selfHealed() != null);
        // a failure outside the response still fails a self-healed drill; otherwise it proved nothing: inconclusive
        if (o.abortReason() != null) {
            result.verdict(DrillVerdict.ABORTED, o.abortReason());
        } else if (failed != null) {
            result.verdict(DrillVerdict.FAIL, failed);
        } else if (o.selfHealed() != null) {
            result.verdict(DrillVerdict.INCONCLUSIVE, o.selfHealed() + "; the response could not be judged");
        } else {
            result.verdict(DrillVerdict.PASS, null);
        }
        return result.build();
    }

    /** What was done first: the runbook's steps, or what the person on call recorded (null: nothing yet). */
    private static String firstAction(DrillSpec spec, String recordedAction) {
        if (spec.human()) {
            return recordedAction == null ? null : "on call: " + recordedAction;
        }
        return spec.firstAction().isEmpty() ? null : String.join("; ", spec.firstAction().stream()
                .map(Object::toString).toList());
    }

    /** A drill that never injected its fault: the steady state did not hold. */
    static DrillResult notInjected(DrillSpec spec, String reason, Instant at, DrillSettings settings) {
        DrillResult.Impact none = new DrillResult.Impact(0, 0, 0, 0, 0, null, 0);
        return described(spec).verdict(DrillVerdict.ABORTED, reason).endedAt(at).impact(none)
                .integrity(DrillIntegrity.notChecked(null))
                .alerts(new DrillResult.Alerts(spec.expectedAlerts(), spec.allowedAlerts(), List.of(),
                        spec.expectedAlerts(), List.of()))
                .criteria(List.of(new DrillResult.Criterion("steady-state", "SLIs within tolerance for "
                        + settings.steadyHold().toSeconds() + " s before the fault", reason, false)))
                .severity(severity(none, settings.severity()))
                .detection(detection(spec, settings, Map.of(), configuredTiming(settings)))
                .timeline(List.of()).series(List.of()).build();
    }

    /** What every result of the drill {@code spec} says of it, whatever happened. */
    private static DrillResult.Builder described(DrillSpec spec) {
        return DrillResult.builder(spec.name()).description(spec.description()).point(spec.point())
                .rollback(spec.rollback());
    }

    private static DrillResult.Alerts alerts(Observed o) {
        Map<String, DrillResult.FiredAlert> fired = new LinkedHashMap<>();
        for (AlertingView.AlertChange change : o.alertHistory()) {
            if (WATCHDOG.equals(change.name()) || change.at().isBefore(o.injectedAt())
                    || (o.endedAt() != null && change.at().isAfter(o.endedAt()))) {
                continue;
            }
            DrillResult.FiredAlert seen = fired.get(change.name());
            if (change.firing() && seen == null) {
                fired.put(change.name(), new DrillResult.FiredAlert(change.name(), change.channel(),
                        change.severity(), change.at(), null));
            } else if (!change.firing() && seen != null && seen.resolvedAt() == null) {
                fired.put(change.name(), new DrillResult.FiredAlert(seen.name(), seen.channel(), seen.severity(),
                        seen.firedAt(), change.at()));
            }
        }
        if (o.pagerSilentAt() != null) {
            // the suite's own watch of the alerting path: no rule, so no level of the team's severity scale
            fired.put(DrillSettings.PAGER_SILENT, new DrillResult.FiredAlert(DrillSettings.PAGER_SILENT, "meta",
                    null, o.pagerSilentAt(), null));
        }
        List<String> expected = o.spec().expectedAlerts();
        List<String> missed = expected.stream().filter(name -> !fired.containsKey(name)).toList();
        List<String> unexpected = fired.keySet().stream()
                .filter(name -> !expected.contains(name) && !o.spec().allowedAlerts().contains(name)).toList();
        return new DrillResult.Alerts(expected, o.spec().allowedAlerts(), List.copyOf(fired.values()), missed,
                unexpected);
    }

    private static List<DrillResult.Criterion> criteria(Observed o, DrillSettings settings, DrillResult.Alerts alerts,
                                                        DrillIntegrity integrity) {
        DrillSpec spec = o.spec();
        DrillSettings.Criteria c = spec.criteria();
        List<DrillResult.Criterion> criteria = new ArrayList<>();
        criteria.add(new DrillResult.Criterion("fault-injected", "every fault step succeeded",
                o.stepFailure() == null ? "yes" : o.stepFailure(), o.stepFailure() == null));
        if (spec.expectedAlerts().isEmpty()) {
            List<String> any = alerts.fired().stream().map(DrillResult.FiredAlert::name).toList();
            criteria.add(new DrillResult.Criterion("no-alert-fired", "no alert fires (a compatible change)",
                    any.isEmpty() ? "none fired" : String.join(", ", any), any.isEmpty()));
        } else {
            Double ttd = DrillResult.between(o.injectedAt(), o.detectedAt());
            criteria.add(within("detected-within", "detected by " + String.join(" or ", spec.expectedAlerts()),
                    ttd, c.detectWithin()));
            if (o.timing().receiverRouted()) {
                criteria.add(within("notice-posted", "a notice in the channel", DrillResult.between(o.injectedAt(),
                        o.notifiedAt()), c.notifyWithin()));
            }
            criteria.add(new DrillResult.Criterion("expected-alerts-fired", String.join(", ", spec.expectedAlerts()),
                    alerts.missed().isEmpty() ? "all fired" : "missed " + String.join(", ", alerts.missed()),
                    alerts.missed().isEmpty()));
            if (spec.expectsResponse()) {
                criteria.add(new DrillResult.Criterion("first-action-taken", spec.human()
                        ? "the person on call records a first action" : spec.firstAction().toString(),
                        o.firstActionAt() == null ? "not taken" : "taken", o.firstActionAt() != null));
            }
            criteria.add(new DrillResult.Criterion("no-unexpected-alerts", "only expected or allowed alerts fire",
                    alerts.unexpected().isEmpty() ? "none" : String.join(", ", alerts.unexpected()),
                    alerts.unexpected().isEmpty()));
        }
        criteria.add(within("recovered-within", "the service level held for " + settings.recoveryHold().toSeconds()
                + " s", DrillResult.between(o.injectedAt(), o.recoveredAt()), c.recoverWithin()));
        if (!spec.undo().isEmpty()) {
            criteria.add(new DrillResult.Criterion("undo-ran", "every undo step succeeded: " + spec.undo(),
                    o.undoFailure() == null ? "yes" : o.undoFailure(), o.undoFailure() == null));
        }
        criteria.add(new DrillResult.Criterion("integrity", "the run's order integrity holds: every check passes",
                integrity.failures().isEmpty() ? integrity.status().json()
                        : integrity.status().json() + " (" + String.join("; ", integrity.failures()) + ")",
                !integrity.broken()));
        return criteria;
    }

    private static DrillResult.Criterion within(String name, String what, Double seconds, Duration bound) {
        String required = what + " within " + bound.toSeconds() + " s";
        double boundSeconds = bound.toMillis() / 1000.0;
        return new DrillResult.Criterion(name, required, seconds == null ? "never"
                : String.format(Locale.ROOT, "%.1f s", seconds), seconds != null && seconds <= boundSeconds,
                boundSeconds);
    }

    /**
     * The end of the customer impact: the end of the last second outside the tolerance before recovery, or the fault
     * itself when no second was outside it (the redundancy absorbed the fault).
     */
    private static Instant mitigatedAt(Observed o, DrillSettings settings) {
        Instant until = o.recoveredAt() != null ? o.recoveredAt() : o.endedAt();
        Instant last = null;
        for (DrillResult.Second second : o.series()) {
            boolean inFault = !second.at().isBefore(o.injectedAt()) && (until == null || !second.at().isAfter(until));
            if (inFault && second.requests() > 0
                    && !settings.tolerance().holds(second.koPercent(), second.p95Ms())) {
                last = second.at();
            }
        }
        if (last == null) {
            return o.injectedAt();
        }
        return o.recoveredAt() == null && last.equals(lastSampleAt(o.series())) ? null : last;
    }

    private static Instant lastSampleAt(List<DrillResult.Second> series) {
        return series.isEmpty() ? null : series.get(series.size() - 1).at();
    }

    static DrillResult.Severity severity(DrillResult.Impact impact, List<DrillSettings.SeverityLevel> levels) {
        for (DrillSettings.SeverityLevel level : levels) {
            boolean reached = (level.koPercent() == null || impact.koPercent() >= level.koPercent())
                    && (level.failedOrders() == null || impact.failedOrders() >= level.failedOrders())
                    && (level.impactSeconds() == null || impact.impactSeconds() >= level.impactSeconds());
            if (reached) {
                return DrillResult.Severity.of(level);
            }
        }
        DrillSettings.SeverityLevel last = levels.get(levels.size() - 1);
        return new DrillResult.Severity(last.id(), last.level(), null, null, null);
    }

    /**
     * @param ruleFor each alerting rule's {@code for:} in seconds, as Prometheus loaded it
     * @param timing  the intervals and {@code group_wait} the alerting really ran with
     */
    private static DrillResult.Detection detection(DrillSpec spec, DrillSettings settings,
                                                   Map<String, Double> ruleFor, AlertingView.Timing timing) {
        Map<String, Double> forByAlert = new LinkedHashMap<>();
        for (String alert : spec.expectedAlerts()) {
            // null when Prometheus could not be asked: unknown, not 0
            forByAlert.put(alert, DrillSettings.PAGER_SILENT.equals(alert)
                    ? Double.valueOf(settings.pagerSilentAfter().toMillis() / 1000.0) : ruleFor.get(alert));
        }
        return new DrillResult.Detection(seconds(timing.scrapeInterval()), seconds(timing.evaluationInterval()),
                seconds(timing.groupWait()), spec.human() ? 0 : seconds(spec.responderDelay()), forByAlert,
                settings.isExternal() ? "external" : "embedded", spec.human() ? "human" : "auto",
                timing.receiverRouted());
    }

    /** The timing a drill would have run with, as configured (a team's is known only once asked). */
    private static AlertingView.Timing configuredTiming(DrillSettings settings) {
        return settings.isExternal() ? new AlertingView.Timing(null, null, null, true)
                : AlertingParts.timing(settings.alerting());
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }

    private static List<DrillResult.TimelineEntry> timeline(Observed o) {
        Instant from = o.injectedAt().minus(BEFORE_FAULT);
        return o.events().stream()
                .filter(e -> !e.at().isBefore(from) && (o.endedAt() == null || !e.at().isAfter(o.endedAt())))
                // the heartbeat alert says nothing about the incident
                .filter(e -> !WATCHDOG.equals(e.source()))
                .map(e -> new DrillResult.TimelineEntry(e.at(), e.kind(), e.source(), e.detail()))
                .toList();
    }
}
