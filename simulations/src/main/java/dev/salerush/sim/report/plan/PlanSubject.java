package dev.salerush.sim.report.plan;

/**
 * What a test plan is written for, besides the configuration: the simulation that will run, whether it drives the
 * demo shop's journeys (the built-in sale) or a team's own requests, and the run it belongs to.
 *
 * @param runId the run folder's id, or null for a plan written alone ({@code -Dplan.only=true})
 */
public record PlanSubject(String simulation, boolean shopJourneys, String runId) {

    /** The plan of a run about to start in the folder {@code runId}. */
    public static PlanSubject ofRun(String simulation, boolean shopJourneys, String runId) {
        return new PlanSubject(simulation, shopJourneys, runId);
    }

    /** A plan written alone, before any run. */
    public static PlanSubject alone(String simulation, boolean shopJourneys) {
        return new PlanSubject(simulation, shopJourneys, null);
    }

    public boolean isAlone() {
        return runId == null;
    }
}
