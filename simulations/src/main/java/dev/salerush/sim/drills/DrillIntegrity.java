package dev.salerush.sim.drills;

import dev.salerush.sim.integrity.IntegrityChecks;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.Verdict;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The run's order integrity as a drill's {@code integrity} criterion judges it (known only after the load).
 *
 * @param status pass, fail, or not checked (no integrity checks ran)
 * @param detail one line: acknowledged orders missing and each check's status; or why nothing was checked
 */
public record DrillIntegrity(Status status, String detail) {
    /**
     * What a drill's integrity criterion holds the run to: no acknowledged order lost or unpaid, none duplicated, no
     * oversell. The other checks (e.g. a charge whose order a killed instance never committed) are in its detail and
     * in the run's own integrity verdict.
     */
    private static final List<String> ORDER_CHECKS = List.of(IntegrityChecks.NO_OVERSELL,
            IntegrityChecks.STOCK_NOT_NEGATIVE, IntegrityChecks.ONE_ORDER_PER_KEY, IntegrityChecks.CLIENT_SUCCESSES_PAID);

    /** As summary.json's {@code drills[].integrity} spells it; a drill passes or fails it as a run does. */
    public enum Status {
        PASS(Verdict.PASS.json()),
        FAIL(Verdict.FAIL.json()),
        NOT_CHECKED("not-checked");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        @Override
        public String toString() {
            return json;
        }
    }

    /** Nothing was checked; {@code reason} says why (null when there is nothing to say). */
    public static DrillIntegrity notChecked(String reason) {
        return new DrillIntegrity(Status.NOT_CHECKED, reason);
    }

    /** The run's integrity report (null when the run checked none) judged by the drill's criterion. */
    public static DrillIntegrity of(IntegrityReport report) {
        if (report == null || report.verdict() == Verdict.SKIPPED) {
            return notChecked(report == null ? null : report.reason());
        }
        boolean broken = report.checks().stream()
                .anyMatch(check -> ORDER_CHECKS.contains(check.name()) && !check.passed());
        Object missing = report.figures() == null ? null : report.figures().get("acknowledgedMissing");
        boolean lost = missing instanceof Number n && n.longValue() > 0;
        String detail = "acknowledged orders missing: " + missing + "; " + report.checks().stream()
                .map(check -> check.name() + ": " + check.status()).collect(Collectors.joining(", "));
        return new DrillIntegrity(broken || lost ? Status.FAIL : Status.PASS, detail);
    }

    /** Whether the criterion fails: an order was lost, duplicated or oversold (not checked does not fail). */
    public boolean broken() {
        return status == Status.FAIL;
    }
}
