package dev.salerush.sim.report.incident;

import dev.salerush.sim.report.Messages;
import dev.salerush.sim.drills.DrillIntegrity;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Criterion;
import dev.salerush.sim.drills.DrillResult.Impact;
import dev.salerush.sim.drills.DrillVerdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static dev.salerush.sim.report.incident.Texts.code;
import static dev.salerush.sim.report.incident.Texts.count;
import static dev.salerush.sim.report.incident.Texts.tenths;

/**
 * 잘된 점 and 아쉬운 점 as measured facts, not criterion names: each stage's time against its bound, the first action
 * after the notice, the alerts, the order integrity and the customer impact. Each point is a message key with its
 * figures already written (language-neutral numbers), so both bundles say the same fact in one sentence each.
 * Customer impact is always a point that went badly, even when every criterion passed.
 */
final class ReviewPoints {
    /** One fact: the bundle key that words it and its arguments, in order. */
    record Point(String key, List<String> args) {
        Point(String key, String... args) {
            this(key, List.of(args));
        }

        String render(Messages m) {
            if (key.equals("review.criterionFailed")) {
                // the criterion's own name, worded by the bundle where it knows it
                String label = m.find("criterion.", args.get(0));
                return m.get(key, label != null ? label : code(args.get(0)), args.get(1));
            }
            return m.get(key, args.toArray());
        }
    }

    /** The criteria about the response: not a fact about the drill when the fault ended before anyone acted. */
    private static final Set<String> RESPONSE_CRITERIA = Set.of("first-action-taken", "recovered-within");

    private final DrillResult drill;
    private final Texts t;
    private final List<Point> wentWell = new ArrayList<>();
    private final List<Point> wentBadly = new ArrayList<>();
    /** Criteria already stated as a fact; any other that failed is named as it is. */
    private final Set<String> stated = new HashSet<>();

    private ReviewPoints(DrillResult drill, Texts t) {
        this.drill = drill;
        this.t = t;
    }

    static ReviewPoints of(DrillResult drill, Texts t) {
        ReviewPoints review = new ReviewPoints(drill, t);
        if (drill.injectedAt() != null) {
            review.impact();
            review.selfHealed();
            review.stage("detected-within", "review.detected", code(drill.detectedBy()));
            review.stage("notice-posted", "review.notified");
            if (!drill.selfHealed()) {
                review.firstAction();
                review.stage("recovered-within", "review.recovered");
            }
            review.alerts();
            review.integrity();
        }
        review.otherFailedCriteria();
        return review;
    }

    List<Point> wentWell() {
        return List.copyOf(wentWell);
    }

    List<Point> wentBadly() {
        return List.copyOf(wentBadly);
    }

    private void impact() {
        Impact i = drill.impact();
        if (i == null) {
            return;
        }
        boolean affected = i.failedOrders() > 0 || i.unknownOrders() > 0 || i.failedRequests() > 0
                || i.impactSeconds() > 0 || i.affectedUsers() > 0;
        if (!affected) {
            wentWell.add(new Point("review.impact.none"));
        } else if (i.failedOrders() > 0) {
            wentBadly.add(new Point("review.impact.failedOrders", count(i.failedOrders()),
                    t.wholeSeconds(i.impactSeconds()), Texts.percent(i.koPercent())));
        } else if (i.failedRequests() > 0) {
            wentBadly.add(new Point("review.impact.failedRequests", count(i.failedRequests()),
                    Texts.percent(i.koPercent()), t.wholeSeconds(i.impactSeconds())));
        } else if (i.impactSeconds() > 0) {
            wentBadly.add(new Point("review.impact.slow", t.wholeSeconds(i.impactSeconds()), Texts.millis(i.p95Ms())));
        }
        if (i.unknownOrders() > 0) {
            wentBadly.add(new Point("review.impact.unknownOrders", count(i.unknownOrders())));
        }
        if (i.affectedUsers() > 0) {
            wentBadly.add(new Point("review.impact.users", count(i.affectedUsers())));
        }
    }

    private void selfHealed() {
        if (drill.selfHealed()) {
            stated.addAll(RESPONSE_CRITERIA);
            // a self-healed drill can still fail a criterion outside the response: then it is not "inconclusive"
            wentBadly.add(new Point(drill.verdict() == DrillVerdict.INCONCLUSIVE ? "review.inconclusive"
                    : "review.responseNotJudged"));
        }
    }

    /**
     * A stage judged by a time criterion: within its bound went well; over it, or never reached, went badly. A
     * criterion without a bound is left to {@link #otherFailedCriteria()}.
     */
    private void stage(String criterion, String key, String... detail) {
        Criterion c = criterion(criterion);
        if (c == null || c.withinSeconds() == null) {
            return;
        }
        Double seconds = stageSeconds(drill, criterion);
        stated.add(criterion);
        String bound = Texts.number(c.withinSeconds(), 1);
        if (seconds == null) {
            wentBadly.add(new Point(key + ".never", bound));
        } else if (c.passed()) {
            List<String> args = new ArrayList<>(List.of(tenths(seconds), bound));
            args.addAll(List.of(detail));
            wentWell.add(new Point(key + ".within", args));
        } else {
            wentBadly.add(new Point(key + ".over", tenths(seconds), bound));
        }
    }

    /** The stage a time criterion bounds, in seconds from the fault: null when it never happened or is no stage. */
    static Double stageSeconds(DrillResult drill, String criterion) {
        return switch (criterion) {
            case "detected-within" -> drill.ttdSeconds();
            case "notice-posted" -> drill.ttnSeconds();
            case "recovered-within" -> drill.ttrSeconds();
            default -> null;
        };
    }

    /** The first action counted from the notice (what the responder reacted to), or from the fault without one. */
    private void firstAction() {
        if (drill.firstAction() == null) {
            return;
        }
        stated.add("first-action-taken");
        if (drill.firstActionAt() == null) {
            wentBadly.add(new Point("review.firstAction.notTaken", code(drill.firstAction())));
        } else if (drill.notifiedAt() != null && !drill.firstActionAt().isBefore(drill.notifiedAt())) {
            wentWell.add(new Point("review.firstAction.afterNotice", code(drill.firstAction()),
                    tenths(Texts.secondsBetween(drill.notifiedAt(), drill.firstActionAt()))));
        } else {
            wentWell.add(new Point("review.firstAction.afterFault", code(drill.firstAction()),
                    tenths(drill.ttfaSeconds())));
        }
    }

    private void alerts() {
        DrillResult.Alerts alerts = drill.alerts();
        if (alerts == null) {
            return;
        }
        stated.addAll(List.of("expected-alerts-fired", "no-unexpected-alerts", "no-alert-fired"));
        List<String> expected = IncidentModel.orEmpty(alerts.expected());
        List<String> missed = IncidentModel.orEmpty(alerts.missed());
        List<String> unexpected = IncidentModel.orEmpty(alerts.unexpected());
        if (!expected.isEmpty() && missed.isEmpty()) {
            wentWell.add(new Point("review.alerts.allExpectedFired", String.join(", ",
                    expected.stream().map(Texts::code).toList())));
        }
        missed.stream().filter(Objects::nonNull)
                .forEach(name -> wentBadly.add(new Point("review.alerts.missed", code(name))));
        if (unexpected.isEmpty()) {
            wentWell.add(new Point("review.alerts.noneUnexpected"));
        }
        unexpected.stream().filter(Objects::nonNull)
                .forEach(name -> wentBadly.add(new Point("review.alerts.unexpected", code(name))));
    }

    private void integrity() {
        DrillIntegrity integrity = drill.integrity();
        if (integrity == null) {
            return;
        }
        stated.add("integrity");
        switch (integrity.status()) {
            case PASS -> wentWell.add(integrity.checks() > 0
                    ? new Point("review.integrity.passCounted", count(integrity.checks()))
                    : new Point("review.integrity.pass"));
            case FAIL -> {
                List<String> failures = integrity.failures().isEmpty() ? List.of(Texts.text(integrity.detail()))
                        : integrity.failures();
                failures.forEach(check -> wentBadly.add(new Point("review.integrity.failedCheck", code(check))));
            }
            case NOT_CHECKED -> wentBadly.add(new Point("review.integrity.notChecked"));
        }
    }

    /**
     * A failed criterion no fact above states (e.g. steady-state, fault-injected): by the bundle's name for it
     * ({@code criterion.<name>}), with what was recorded in code font.
     */
    private void otherFailedCriteria() {
        IncidentModel.orEmpty(drill.criteria()).stream().filter(Objects::nonNull)
                .filter(c -> !c.passed() && !stated.contains(c.name()))
                .forEach(c -> wentBadly.add(new Point("review.criterionFailed", c.name(), code(c.actual()))));
    }

    private Criterion criterion(String name) {
        return IncidentModel.orEmpty(drill.criteria()).stream().filter(Objects::nonNull)
                .filter(c -> name.equals(c.name())).findFirst().orElse(null);
    }
}
