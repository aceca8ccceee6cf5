package dev.salerush.sim.integrity;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One order-integrity check of a run.
 *
 * @param status       {@code passed}, {@code failed} (a violation), {@code incomplete} (could not be finished: never
 *                     a pass) or {@code skipped} (not possible for this target, with the reason in {@code detail})
 * @param offendingIds the first few ids that violate it (products, orders or idempotency keys, as the detail says)
 */
@JsonPropertyOrder({"name", "passed", "status", "detail", "offendingIds"})
public record IntegrityCheck(String name, boolean passed, String status, String detail, List<String> offendingIds) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String INCOMPLETE = "incomplete";
    public static final String SKIPPED = "skipped";
    /** How many offending ids a check names. */
    static final int MAX_OFFENDING = 10;

    static IntegrityCheck pass(String name, String detail) {
        return new IntegrityCheck(name, true, PASSED, detail, List.of());
    }

    static IntegrityCheck fail(String name, String detail, List<?> offending) {
        return new IntegrityCheck(name, false, FAILED, detail,
                offending.stream().limit(MAX_OFFENDING).map(String::valueOf).toList());
    }

    static IntegrityCheck incomplete(String name, String why) {
        return new IntegrityCheck(name, false, INCOMPLETE, "could not be completed: " + why, List.of());
    }

    static IntegrityCheck skipped(String name, String why) {
        return new IntegrityCheck(name, false, SKIPPED, why, List.of());
    }

    public boolean failed() {
        return FAILED.equals(status);
    }
}
