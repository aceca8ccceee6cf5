package dev.salerush.sim.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.salerush.sim.metrics.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The order-integrity result of a run ({@code integrity} in summary.json). A violated check fails the run, and so does
 * a check that could not be completed: the suite never claims a pass it did not verify.
 *
 * @param verdict pass, fail, or skipped when nothing could be checked (reason says why)
 * @param figures what was compared: attempts per status, orders and units in the database, payments in the journal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"verdict", "reason", "figures", "checks"})
public record IntegrityReport(Verdict verdict, String reason, Map<String, Object> figures, List<IntegrityCheck> checks) {
    public static IntegrityReport skipped(String reason) {
        return new IntegrityReport(Verdict.SKIPPED, reason, null, List.of());
    }

    /** The verdict of a list of checks: fail names every violation with its first offending ids. */
    public static IntegrityReport of(List<IntegrityCheck> checks, Map<String, Object> figures) {
        List<String> violations = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (IntegrityCheck check : checks) {
            switch (check.status()) {
                case IntegrityCheck.FAILED -> violations.add(check.name() + " (" + String.join(", ", check.offendingIds())
                        + (check.offendingIds().size() == IntegrityCheck.MAX_OFFENDING ? ", ..." : "") + ")");
                case IntegrityCheck.INCOMPLETE -> unverified.add(check.name() + " " + check.detail());
                case IntegrityCheck.SKIPPED -> skipped.add(check.name() + " (" + check.detail() + ")");
                default -> {
                }
            }
        }
        if (!violations.isEmpty() || !unverified.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!violations.isEmpty()) {
                parts.add("order integrity violated: " + String.join("; ", violations));
            }
            if (!unverified.isEmpty()) {
                parts.add("not verified: " + String.join("; ", unverified));
            }
            return new IntegrityReport(Verdict.FAIL, String.join("; ", parts), figures, checks);
        }
        long passed = checks.stream().filter(IntegrityCheck::passed).count();
        String reason = passed + " of " + checks.size() + " checks passed"
                + (skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", skipped));
        return new IntegrityReport(Verdict.PASS, reason, figures, checks);
    }

    /** A run with this report may pass: no report (no orders placed), skipped, or pass. */
    public static boolean allowsPass(IntegrityReport report) {
        return report == null || report.verdict() != Verdict.FAIL;
    }
}
