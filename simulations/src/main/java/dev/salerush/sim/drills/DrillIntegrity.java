package dev.salerush.sim.drills;

import dev.salerush.sim.integrity.IntegrityCheck;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The run's order integrity as a drill's {@code integrity} criterion judges it (known only after the load). It is the
 * run's own integrity verdict, never a second opinion: a run whose integrity failed (a PAID order the client was told
 * failed, an acknowledged order lost, a check that could not be completed) fails every drill's criterion too.
 *
 * @param status   pass, fail, or not checked (no integrity checks ran)
 * @param detail   one line: acknowledged orders missing and each check's status; or why nothing was checked
 * @param failures the checks that failed or could not be completed (empty on a pass): what a report names beside
 *                 "fail", so it never prints "no issue" beside a failed check
 * @param checks   how many checks ran (skipped ones not counted), so a pass can say how much it covered; 0 when not
 *                 counted (a result written by hand)
 */
public record DrillIntegrity(Status status, String detail, List<String> failures, int checks) {

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

    public DrillIntegrity {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** A judged integrity without named failures (a report written by hand, a test). */
    public DrillIntegrity(Status status, String detail) {
        this(status, detail, List.of(), 0);
    }

    /** Nothing was checked; {@code reason} says why (null when there is nothing to say). */
    public static DrillIntegrity notChecked(String reason) {
        return new DrillIntegrity(Status.NOT_CHECKED, reason);
    }

    /** The run's integrity report (null when the run checked none) judged by the drill's criterion. */
    public static DrillIntegrity of(IntegrityReport report) {
        return of(report, false);
    }

    /**
     * As {@link #of(IntegrityReport)}; {@code lossAccepted} when the configuration accepts losing acknowledged orders
     * in a failover (asynchronous replication). A loss still fails the criterion — a customer's order is gone — but
     * the failure says the configuration accepted it, so the report neither hides it nor calls it a defect of the
     * drill.
     */
    public static DrillIntegrity of(IntegrityReport report, boolean lossAccepted) {
        if (report == null || report.verdict() == Verdict.SKIPPED) {
            return notChecked(report == null ? null : report.reason());
        }
        List<String> failures = new ArrayList<>(report.checks().stream()
                .filter(check -> !check.passed() && !IntegrityCheck.SKIPPED.equals(check.status()))
                .map(IntegrityCheck::name).toList());
        Object missing = report.figures() == null ? null : report.figures().get("acknowledgedMissing");
        if (missing instanceof Number n && n.longValue() > 0) {
            failures.add(0, "acknowledged orders missing: " + n + (lossAccepted ? " (accepted by the configuration:"
                    + " asynchronous replication, embedded.redundancy.synchronous = false)" : ""));
        }
        boolean failed = report.verdict() == Verdict.FAIL || !failures.isEmpty();
        if (failed && failures.isEmpty()) {
            failures.add(report.reason());
        }
        String detail = "acknowledged orders missing: " + missing + "; " + report.checks().stream()
                .map(check -> check.name() + ": " + check.status()).collect(Collectors.joining(", "));
        int ran = (int) report.checks().stream().filter(check -> !IntegrityCheck.SKIPPED.equals(check.status())).count();
        return new DrillIntegrity(failed ? Status.FAIL : Status.PASS, detail, failures, ran);
    }

    /** Whether the criterion fails: the run's integrity failed (not checked does not fail). */
    public boolean broken() {
        return status == Status.FAIL;
    }
}
