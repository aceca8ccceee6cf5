package dev.salerush.sim.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.plan.TrafficPlan;

import java.util.List;
import java.util.Map;

/**
 * The machine-readable result of a run: {@code results/<run-id>/summary.json}. Field names are a contract other
 * tools rely on (see shared/design.md); add fields freely, rename none.
 *
 * @param status   {@code complete}, or {@code partial} when the run was interrupted or could not start its load
 * @param failure  why the run failed apart from its SLOs (environment, interruption), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"runId", "simulation", "profile", "startedAt", "endedAt", "status", "verdict", "failure", "target",
        "embedded", "plan", "global", "requests", "slo", "environment"})
public record RunSummary(String runId, String simulation, String profile, String startedAt, String endedAt,
                         String status, String verdict, String failure, Target target, boolean embedded,
                         TrafficPlan plan, LatencyStats global, Map<String, LatencyStats> requests,
                         List<SloResult> slo, Map<String, Object> environment) {

    public static final String PASS = "pass";
    public static final String FAIL = "fail";

    public record Target(String baseUrl) {
    }
}
