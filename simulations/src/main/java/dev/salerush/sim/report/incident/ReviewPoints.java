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

import static dev.salerush.sim.report.incident.Texts.count;
import static dev.salerush.sim.report.incident.Texts.text;
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
            return m.get(key, args.toArray());
        }
    }

    /** The criteria about the response: not a fact about the drill when the fault ended before anyone acted. */
    private static final Set<String> RESPONSE_CRITERIA = Set.of("first-action-taken", "recovered-within");

    private final DrillResult drill;
    private final List<Point> wentWell = new ArrayList<>();
    private final List<Point> wentBadly = new ArrayList<>();
    /** Criteria already stated as a fact; any other that failed is named as it is. */
    private final Set<String> stated = new HashSet<>();

    private ReviewPoints(DrillResult drill) {
        this.drill = drill;
    }

    static ReviewPoints of(DrillResult drill) {
        ReviewPoints review = new ReviewPoints(drill);
        if (drill.injectedAt() != null) {
            review.impact();
            review.selfHealed();
            review.stage("detected-within", "review.detected", drill.ttdSeconds(), text(drill.detectedBy()));
            review.stage("notice-posted", "review.notified", drill.ttnSeconds());
            if (!drill.selfHealed()) {
                review.firstAction();
                review.stage("recovered-within", "review.recovered", drill.ttrSeconds());
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
            wentBadly.add(new Point("review.impact.failedOrders", count(i.failedOrders()), count(i.impactSeconds()),
                    Texts.percent(i.koPercent())));
        } else if (i.failedRequests() > 0) {
            wentBadly.add(new Point("review.impact.failedRequests", count(i.failedRequests()),
                    Texts.percent(i.koPercent()), count(i.impactSeconds())));
        } else if (i.impactSeconds() > 0) {
            wentBadly.add(new Point("review.impact.slow", count(i.impactSeconds()), Texts.millis(i.p95Ms())));
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
    private void stage(String criterion, String key, Double seconds, String... detail) {
        Criterion c = criterion(criterion);
        if (c == null || c.withinSeconds() == null) {
            return;
        }
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

    /** The first action counted from the notice (what the responder reacted to), or from the fault without one. */
    private void firstAction() {
        if (drill.firstAction() == null) {
            return;
        }
        stated.add("first-action-taken");
        if (drill.firstActionAt() == null) {
            wentBadly.add(new Point("review.firstAction.notTaken", drill.firstAction()));
        } else if (drill.notifiedAt() != null && !drill.firstActionAt().isBefore(drill.notifiedAt())) {
            wentWell.add(new Point("review.firstAction.afterNotice", drill.firstAction(),
                    tenths(Texts.seconds(drill.notifiedAt(), drill.firstActionAt()))));
        } else {
            wentWell.add(new Point("review.firstAction.afterFault", drill.firstAction(), tenths(drill.ttfaSeconds())));
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
            wentWell.add(new Point("review.alerts.allExpectedFired", String.join(", ", expected)));
        }
        missed.stream().filter(Objects::nonNull).forEach(name -> wentBadly.add(new Point("review.alerts.missed", name)));
        if (unexpected.isEmpty()) {
            wentWell.add(new Point("review.alerts.noneUnexpected"));
        }
        unexpected.stream().filter(Objects::nonNull)
                .forEach(name -> wentBadly.add(new Point("review.alerts.unexpected", name)));
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
                List<String> failures = integrity.failures().isEmpty() ? List.of(text(integrity.detail()))
                        : integrity.failures();
                failures.forEach(check -> wentBadly.add(new Point("review.integrity.failedCheck", check)));
            }
            case NOT_CHECKED -> wentBadly.add(new Point("review.integrity.notChecked"));
        }
    }

    /** A failed criterion no fact above states (e.g. steady-state, fault-injected), named with its figures. */
    private void otherFailedCriteria() {
        IncidentModel.orEmpty(drill.criteria()).stream().filter(Objects::nonNull)
                .filter(c -> !c.passed() && !stated.contains(c.name()))
                .forEach(c -> wentBadly.add(new Point("review.criterionFailed", text(c.name()), text(c.required()),
                        text(c.actual()))));
    }

    private Criterion criterion(String name) {
        return IncidentModel.orEmpty(drill.criteria()).stream().filter(Objects::nonNull)
                .filter(c -> name.equals(c.name())).findFirst().orElse(null);
    }
}
