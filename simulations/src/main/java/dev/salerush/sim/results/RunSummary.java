package dev.salerush.sim.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.metrics.WarmupCount;
import dev.salerush.sim.plan.TrafficPlan;
import dev.salerush.sim.regression.RegressionResult;
import dev.salerush.sim.regression.RunFigures;
import dev.salerush.sim.server.ServerAggregate;
import dev.salerush.sim.shard.ShardInfo;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable result of a run: {@code results/<run-id>/summary.json}. Field names are a contract other
 * tools rely on (docs/run-folder.md); add fields freely, rename none. The order below is the order in the file.
 *
 * @param status      complete, or partial when the run was interrupted or could not start its load
 * @param verdict     pass or fail
 * @param failure     why the run failed apart from its SLOs (environment, interruption), or {@code null}
 * @param environment what the target was: {@code kind}, and for the embedded one its parts and {@code dataset}
 * @param stress      what a stress staircase found; written as top-level fields ({@code steps}, {@code breakingPoint},
 *                    ...), as the contract has them
 * @param integrity   the order-integrity checks of a run that placed orders, or {@code null} (browsing)
 * @param shard       what a shard of a sharded run says of itself, or {@code null} for a run that is not one
 * @param warmup      what the warm-up sent (real requests, in none of the figures), or {@code null} when nothing ran
 * @param sloSource   whose SLOs judged the run: "demo defaults" (the defaults', tuned for the demo shop) or "team"
 * @see #builder() to build one by name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"runId", "simulation", "profile", "startedAt", "endedAt", "status", "verdict", "failure", "target",
        "embedded", "plan", "warmup", "global", "requests", "sloSource", "slo", "integrity", "steps", "breakingPoint", "knee", "injectorBound",
        "injectorEvidence", "stoppedEarly", "endedBy", "regression", "server", "serverProblems", "injector", "environment", "shard"})
public record RunSummary(String runId, String simulation, String profile, String startedAt, String endedAt,
                         RunStatus status, Verdict verdict, String failure, Target target, boolean embedded,
                         TrafficPlan plan, LatencyStats global, Map<String, LatencyStats> requests,
                         List<SloResult> slo, Map<String, Object> environment, @JsonIgnore Stress stress,
                         ServerAggregate server, List<String> serverProblems, InjectorHealth.Figures injector,
                         IntegrityReport integrity, RegressionResult regression, List<Map<String, Object>> drills,
                         ShardInfo shard, WarmupCount.Figures warmup, String sloSource) {

    /** A run without a staircase has no stress section, however it was built. */
    public RunSummary {
        if (Stress.NONE.equals(stress)) {
            stress = null;
        }
    }

    /** Reads the flat stress fields back into {@link Stress}. */
    @JsonCreator
    static RunSummary fromJson(@JsonProperty("runId") String runId, @JsonProperty("simulation") String simulation,
                               @JsonProperty("profile") String profile, @JsonProperty("startedAt") String startedAt,
                               @JsonProperty("endedAt") String endedAt, @JsonProperty("status") RunStatus status,
                               @JsonProperty("verdict") Verdict verdict, @JsonProperty("failure") String failure,
                               @JsonProperty("target") Target target, @JsonProperty("embedded") boolean embedded,
                               @JsonProperty("plan") TrafficPlan plan, @JsonProperty("global") LatencyStats global,
                               @JsonProperty("requests") Map<String, LatencyStats> requests,
                               @JsonProperty("slo") List<SloResult> slo,
                               @JsonProperty("integrity") IntegrityReport integrity,
                               @JsonProperty("steps") List<StepResult> steps,
                               @JsonProperty("breakingPoint") BreakingPoint breakingPoint,
                               @JsonProperty("knee") BreakingPoint knee,
                               @JsonProperty("injectorBound") Boolean injectorBound,
                               @JsonProperty("injectorEvidence") List<String> injectorEvidence,
                               @JsonProperty("stoppedEarly") String stoppedEarly,
                               @JsonProperty("endedBy") String endedBy,
                               @JsonProperty("regression") RegressionResult regression,
                               @JsonProperty("server") ServerAggregate server,
                               @JsonProperty("serverProblems") List<String> serverProblems,
                               @JsonProperty("injector") InjectorHealth.Figures injector,
                               @JsonProperty("environment") Map<String, Object> environment,
                               @JsonProperty("drills") List<Map<String, Object>> drills,
                               @JsonProperty("shard") ShardInfo shard,
                               @JsonProperty("warmup") WarmupCount.Figures warmup,
                               @JsonProperty("sloSource") String sloSource) {
        return builder().runId(runId).simulation(simulation).profile(profile).startedAt(startedAt).endedAt(endedAt)
                .status(status).verdict(verdict).failure(failure).target(target).embedded(embedded).plan(plan)
                .global(global).requests(requests).slo(slo).environment(environment)
                .stress(new Stress(steps, breakingPoint, knee, injectorBound, injectorEvidence, stoppedEarly, endedBy))
                .server(server).serverProblems(serverProblems).injector(injector).integrity(integrity)
                .regression(regression).drills(drills).shard(shard).warmup(warmup).sloSource(sloSource).build();
    }

    /** A summary to be built by name; what is not set stays null (false, for embedded). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this summary's values, to change some of them. */
    public Builder toBuilder() {
        return builder().runId(runId).simulation(simulation).profile(profile).startedAt(startedAt).endedAt(endedAt)
                .status(status).verdict(verdict).failure(failure).target(target).embedded(embedded).plan(plan)
                .global(global).requests(requests).slo(slo).environment(environment).stress(stress).server(server)
                .serverProblems(serverProblems).injector(injector).integrity(integrity).regression(regression)
                .drills(drills).shard(shard).warmup(warmup).sloSource(sloSource);
    }

    /** This summary judged against its baseline as well: a regression fails the run. */
    public RunSummary withRegression(RegressionResult result) {
        Verdict judged = result != null && result.failed() ? Verdict.FAIL : verdict;
        return toBuilder().verdict(judged).regression(result).build();
    }

    /** This summary with what its shard says of itself. */
    public RunSummary withShard(ShardInfo info) {
        return toBuilder().shard(info).build();
    }

    /** What the regression gate compares of this run. */
    public RunFigures figures() {
        Map<String, RunFigures.RequestFigures> perRequest = new LinkedHashMap<>();
        if (requests != null) {
            requests.forEach((name, stats) -> perRequest.put(name, requestFigures(stats)));
        }
        BreakingPoint breakingPoint = breakingPoint();
        return new RunFigures(breakingPoint != null, breakingPoint == null ? null : breakingPoint.rps(),
                requestFigures(global), perRequest);
    }

    private static RunFigures.RequestFigures requestFigures(LatencyStats stats) {
        return stats == null ? null : new RunFigures.RequestFigures(stats.count(), stats.p95Ms(), stats.koPercent());
    }

    /**
     * What a stress staircase found (see StressAnalysis); null fields for other profiles.
     *
     * @param endedBy what ended the staircase: {@code breach}, {@code injector} or {@code bound}
     */
    public record Stress(List<StepResult> steps, BreakingPoint breakingPoint, BreakingPoint knee, Boolean injectorBound,
                         List<String> injectorEvidence, String stoppedEarly, String endedBy) {
        public static final Stress NONE = new Stress(null, null, null, null, null, null, null);
    }

    @JsonProperty("steps")
    public List<StepResult> steps() {
        return stress == null ? null : stress.steps();
    }

    @JsonProperty("breakingPoint")
    public BreakingPoint breakingPoint() {
        return stress == null ? null : stress.breakingPoint();
    }

    @JsonProperty("knee")
    public BreakingPoint knee() {
        return stress == null ? null : stress.knee();
    }

    @JsonProperty("injectorBound")
    public Boolean injectorBound() {
        return stress == null ? null : stress.injectorBound();
    }

    @JsonProperty("injectorEvidence")
    public List<String> injectorEvidence() {
        return stress == null ? null : stress.injectorEvidence();
    }

    @JsonProperty("stoppedEarly")
    public String stoppedEarly() {
        return stress == null ? null : stress.stoppedEarly();
    }

    @JsonProperty("endedBy")
    public String endedBy() {
        return stress == null ? null : stress.endedBy();
    }

    public record Target(String baseUrl) {
    }

    /** Builds a {@link RunSummary} by name: a new field is one more setter, and no caller counts positions. */
    public static final class Builder {
        private String runId;
        private String simulation;
        private String profile;
        private String startedAt;
        private String endedAt;
        private RunStatus status;
        private Verdict verdict;
        private String failure;
        private Target target;
        private boolean embedded;
        private TrafficPlan plan;
        private LatencyStats global;
        private Map<String, LatencyStats> requests;
        private List<SloResult> slo;
        private Map<String, Object> environment;
        private Stress stress;
        private ServerAggregate server;
        private List<String> serverProblems;
        private InjectorHealth.Figures injector;
        private IntegrityReport integrity;
        private RegressionResult regression;
        private List<Map<String, Object>> drills;
        private ShardInfo shard;
        private WarmupCount.Figures warmup;
        private String sloSource;

        private Builder() {
        }

        public Builder runId(String value) { runId = value; return this; }
        public Builder simulation(String value) { simulation = value; return this; }
        public Builder profile(String value) { profile = value; return this; }
        public Builder startedAt(String value) { startedAt = value; return this; }
        public Builder endedAt(String value) { endedAt = value; return this; }
        public Builder status(RunStatus value) { status = value; return this; }
        public Builder verdict(Verdict value) { verdict = value; return this; }
        public Builder failure(String value) { failure = value; return this; }
        public Builder target(Target value) { target = value; return this; }
        public Builder embedded(boolean value) { embedded = value; return this; }
        public Builder plan(TrafficPlan value) { plan = value; return this; }
        public Builder global(LatencyStats value) { global = value; return this; }
        public Builder requests(Map<String, LatencyStats> value) { requests = value; return this; }
        public Builder slo(List<SloResult> value) { slo = value; return this; }
        public Builder environment(Map<String, Object> value) { environment = value; return this; }
        public Builder stress(Stress value) { stress = value; return this; }
        public Builder server(ServerAggregate value) { server = value; return this; }
        public Builder serverProblems(List<String> value) { serverProblems = value; return this; }
        public Builder injector(InjectorHealth.Figures value) { injector = value; return this; }
        public Builder integrity(IntegrityReport value) { integrity = value; return this; }
        public Builder regression(RegressionResult value) { regression = value; return this; }
        public Builder drills(List<Map<String, Object>> value) { drills = value; return this; }
        public Builder shard(ShardInfo value) { shard = value; return this; }
        public Builder warmup(WarmupCount.Figures value) { warmup = value; return this; }
        public Builder sloSource(String value) { sloSource = value; return this; }

        public RunSummary build() {
            return new RunSummary(runId, simulation, profile, startedAt, endedAt, status, verdict, failure, target,
                    embedded, plan, global, requests, slo, environment, stress, server, serverProblems, injector,
                    integrity, regression, drills, shard, warmup, sloSource);
        }
    }
}
