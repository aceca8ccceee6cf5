package dev.salerush.sim.report.incident;

import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.TimelineEntry;
import dev.salerush.sim.report.Messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.salerush.sim.report.incident.Texts.code;
import static dev.salerush.sim.report.incident.Texts.count;
import static dev.salerush.sim.report.incident.Texts.percent;
import static dev.salerush.sim.report.incident.Texts.secondsBetween;

/**
 * 서버 확장·배포 과정의 장애 및 SPOF 분석, below a game day's SPOF table, from what its drills measured:
 * <ul>
 *   <li>배포 실패 대응 — each drill whose first action is a rollback: detection, rollback start, rollback, recovery,
 *       failed orders;</li>
 *   <li>하위 호환성 — each deploy drill that expects no alert (two versions serve side by side): failed requests
 *       and alerts while they did;</li>
 *   <li>롤백 전략 — every rollback the drills ran, start to end, beside the deploy it undid;</li>
 *   <li>외부 의존성 — each payment-partner drill: when the breaker opened after the fault, the orders failed and the
 *       p95 while it held, when it closed after the first action.</li>
 * </ul>
 * A part no drill of the run measured says so and names the drill that would. Times come from the drill's own
 * stages and its timeline's operation and breaker events, never from the configuration.
 */
final class DeployAnalysis {
    private static final String OPERATION_STARTED = "operation.started";
    private static final String OPERATION_ENDED = "operation.ended";
    private static final String BREAKER = "shop.breaker-state";
    private static final String ROLLING_DEPLOY = "rolling-deploy";
    private static final String GATEWAY_FAULT = "gateway-";

    /** One part of the analysis: its heading, and a line per drill that measured it (or why none did). */
    record Part(String title, List<String> lines) {
    }

    private final List<DrillResult> drills;
    private final Messages m;
    private final Texts t;

    private DeployAnalysis(List<DrillResult> drills, Messages m, Texts t) {
        this.drills = drills.stream().filter(d -> d.injectedAt() != null).toList();
        this.m = m;
        this.t = t;
    }

    static List<Part> of(List<DrillResult> drills, Messages m, Texts t) {
        DeployAnalysis analysis = new DeployAnalysis(drills, m, t);
        return List.of(analysis.deployFailure(), analysis.compatibility(), analysis.rollbacks(), analysis.external());
    }

    private Part deployFailure() {
        List<String> lines = drills.stream().filter(DrillResult::rollback).map(d -> m.get("analysis.deployFailure.line",
                code(d.name()), t.seconds(d.ttdSeconds()), t.seconds(d.ttfaSeconds()),
                t.seconds(duration(operationAfter(d, d.firstActionAt()))), t.seconds(d.ttrSeconds()),
                count(failedOrders(d)), percent(koPercent(d)))).toList();
        return part("deployFailure", lines, "bad-deploy");
    }

    private Part compatibility() {
        List<String> lines = drills.stream().filter(this::isCompatibleDeploy).map(d -> m.get(
                "analysis.compatibility.line", code(d.name()), t.seconds(duration(operationAfter(d, d.injectedAt()))),
                count(d.impact() == null ? 0 : d.impact().failedRequests()), percent(koPercent(d)),
                firedNames(d))).toList();
        return part("compatibility", lines, "mixed-version");
    }

    private Part rollbacks() {
        List<String> lines = new ArrayList<>();
        for (DrillResult d : drills) {
            Optional<Operation> deploy = operation(d, ROLLING_DEPLOY, d.injectedAt());
            operation(d, "rollback", d.injectedAt()).ifPresent(rollback -> lines.add(m.get(
                    "analysis.rollback.line", code(d.name()), t.seconds(rollback.seconds()), t.time(rollback.start()),
                    t.time(rollback.end()), deploy.map(op -> t.seconds(op.seconds())).orElse(Texts.NONE))));
        }
        return part("rollback", lines, "bad-deploy");
    }

    private Part external() {
        List<String> lines = drills.stream().filter(d -> d.fault() != null && d.fault().startsWith(GATEWAY_FAULT))
                .map(d -> m.get("analysis.external.line", code(d.name()), code(d.fault()),
                        t.seconds(secondsBetween(d.injectedAt(), breakerChange(d, "open", d.injectedAt()))),
                        count(failedOrders(d)), Texts.millis(d.impact() == null ? null : d.impact().p95Ms()),
                        t.seconds(secondsBetween(d.firstActionAt(), breakerChange(d, "closed", d.firstActionAt())))))
                .toList();
        return part("external", lines, "payment-outage", "payment-slow");
    }

    /** The part's lines; none: what no drill of the run measured, and the catalogue's drills that would. */
    private Part part(String key, List<String> lines, String... wouldMeasure) {
        return new Part(m.get("analysis." + key), lines.isEmpty() ? List.of(m.get("analysis.notMeasured",
                String.join(", ", java.util.Arrays.stream(wouldMeasure).map(Texts::code).toList()))) : lines);
    }

    /** A deploy that must fail nothing: two versions serving side by side, no alert expected. */
    private boolean isCompatibleDeploy(DrillResult d) {
        return d.fault() != null && d.fault().startsWith(ROLLING_DEPLOY) && d.alerts() != null
                && IncidentModel.orEmpty(d.alerts().expected()).isEmpty();
    }

    private String firedNames(DrillResult d) {
        List<String> names = d.alerts() == null ? List.of() : IncidentModel.orEmpty(d.alerts().fired()).stream()
                .filter(Objects::nonNull).map(a -> code(a.name())).toList();
        return names.isEmpty() ? m.get("none") : String.join(", ", names);
    }

    private static long failedOrders(DrillResult d) {
        return d.impact() == null ? 0 : d.impact().failedOrders();
    }

    private static double koPercent(DrillResult d) {
        return d.impact() == null ? 0 : d.impact().koPercent();
    }

    /** An operation's start and end, from the timeline. */
    private record Operation(Instant start, Instant end) {
        Double seconds() {
            return secondsBetween(start, end);
        }
    }

    private static Double duration(Optional<Operation> operation) {
        return operation.map(Operation::seconds).orElse(null);
    }

    /** The first operation that started at or after {@code from} (the first action's, the fault's). */
    private static Optional<Operation> operationAfter(DrillResult d, Instant from) {
        return operation(d, null, from);
    }

    /** The first operation of {@code name} (any, when null) that started at or after {@code from}, to its end. */
    private static Optional<Operation> operation(DrillResult d, String name, Instant from) {
        if (from == null) {
            return Optional.empty();
        }
        List<TimelineEntry> timeline = IncidentModel.orEmpty(d.timeline()).stream().filter(Objects::nonNull).toList();
        for (TimelineEntry started : timeline) {
            if (OPERATION_STARTED.equals(started.kind()) && !started.at().isBefore(from)
                    && (name == null || name.equals(started.source()))) {
                return timeline.stream().filter(e -> OPERATION_ENDED.equals(e.kind())
                                && Objects.equals(e.source(), started.source()) && !e.at().isBefore(started.at()))
                        .findFirst().map(ended -> new Operation(started.at(), ended.at()));
            }
        }
        return Optional.empty();
    }

    /** When a shop's payment breaker first moved to {@code state} at or after {@code from}; null if it never did. */
    private static Instant breakerChange(DrillResult d, String state, Instant from) {
        if (from == null) {
            return null;
        }
        return IncidentModel.orEmpty(d.timeline()).stream().filter(Objects::nonNull)
                .filter(e -> BREAKER.equals(e.kind()) && e.detail() != null && e.detail().endsWith("-> " + state))
                .map(TimelineEntry::at).filter(at -> !at.isBefore(from)).findFirst().orElse(null);
    }
}
