package dev.salerush.seeder.plan;

/** The key queries do not get their expected plans; the message holds the readable diff. */
public class PlanMismatchException extends RuntimeException {

    private final transient PlanCheckResult result;

    public PlanMismatchException(PlanCheckResult result) {
        super(result.describe());
        this.result = result;
    }

    public PlanCheckResult result() {
        return result;
    }
}
