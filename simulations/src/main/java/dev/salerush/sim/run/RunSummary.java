package dev.salerush.sim.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.plan.TrafficPlan;
import dev.salerush.sim.regression.RegressionResult;
import dev.salerush.sim.server.ServerAggregate;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepResult;

import java.util.List;
import java.util.Map;

/**
 * The machine-readable result of a run: {@code results/<run-id>/summary.json}. Field names are a contract other
 * tools rely on (see shared/design.md); add fields freely, rename none.
 *
 * @param status   {@code complete}, or {@code partial} when the run was interrupted or could not start its load
 * @param failure  why the run failed apart from its SLOs (environment, interruption), or {@code null}
 * @param integrity the order-integrity checks of a run that placed orders, or {@code null} (browsing)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"runId", "simulation", "profile", "startedAt", "endedAt", "status", "verdict", "failure", "target",
        "embedded", "plan", "global", "requests", "slo", "integrity", "steps", "breakingPoint", "knee", "injectorBound",
        "injectorEvidence", "stoppedEarly", "regression", "server", "serverProblems", "injector", "environment"})
public record RunSummary(String runId, String simulation, String profile, String startedAt, String endedAt,
                         String status, Verdict verdict, String failure, Target target, boolean embedded,
                         TrafficPlan plan, LatencyStats global, Map<String, LatencyStats> requests,
                         List<SloResult> slo, Map<String, Object> environment, Stress stress,
                         ServerAggregate server, List<String> serverProblems, InjectorHealth.Figures injector,
                         IntegrityReport integrity, RegressionResult regression) {

    /** This summary judged against its baseline as well: a regression fails the run. */
    public RunSummary withRegression(RegressionResult result) {
        Verdict judged = result != null && result.failed() ? Verdict.FAIL : verdict;
        return new RunSummary(runId, simulation, profile, startedAt, endedAt, status, judged, failure, target, embedded,
                plan, global, requests, slo, environment, stress, server, serverProblems, injector, integrity, result);
    }

    /** What a stress staircase found (see StressAnalysis); null fields for other profiles. */
    public record Stress(List<StepResult> steps, BreakingPoint breakingPoint, BreakingPoint knee, Boolean injectorBound,
                         List<String> injectorEvidence, String stoppedEarly) {
        public static final Stress NONE = new Stress(null, null, null, null, null, null);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("steps")
    public List<StepResult> steps() {
        return stress == null ? null : stress.steps();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("breakingPoint")
    public BreakingPoint breakingPoint() {
        return stress == null ? null : stress.breakingPoint();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("knee")
    public BreakingPoint knee() {
        return stress == null ? null : stress.knee();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("injectorBound")
    public Boolean injectorBound() {
        return stress == null ? null : stress.injectorBound();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("injectorEvidence")
    public List<String> injectorEvidence() {
        return stress == null ? null : stress.injectorEvidence();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("stoppedEarly")
    public String stoppedEarly() {
        return stress == null ? null : stress.stoppedEarly();
    }

    /** Serialized through the flat fields above, as the contract has them at the top level. */
    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Stress stress() {
        return stress;
    }

    /** Kept for SaleRun's exit status check; new code uses {@link Verdict} directly. */
    public static final Verdict FAIL = Verdict.FAIL;

    public record Target(String baseUrl) {
    }
}
