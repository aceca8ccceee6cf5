package dev.salerush.sim.regression;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.salerush.sim.metrics.Verdict;

import java.util.List;

/**
 * The regression gate's answer, written to summary.json as {@code regression}.
 *
 * @param verdict        pass, fail, or no baseline (never a failure by itself)
 * @param baselineRunId  the run compared with, or {@code null} without a baseline
 * @param baselineSource "last passing run" or "pinned file &lt;path&gt;"
 * @param message        one line a reviewer reads: what regressed, or why there is no baseline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"verdict", "baselineRunId", "baselineSource", "message", "checks"})
public record RegressionResult(Verdict verdict, String baselineRunId, String baselineSource, String message,
                               List<Check> checks) {
    public static RegressionResult noBaseline(String why) {
        return new RegressionResult(Verdict.NO_BASELINE, null, null, why, List.of());
    }

    public boolean failed() {
        return verdict == Verdict.FAIL;
    }

    /**
     * One metric compared with the baseline.
     *
     * @param request          the request name, or {@code null} for all requests together
     * @param tolerancePercent the allowed change in percent, or {@code null} where it is given in points or ms
     * @param limit            the worst value still allowed (a maximum for latencies and errors, a minimum for rates)
     */
    @JsonPropertyOrder({"metric", "request", "baseline", "actual", "tolerancePercent", "limit", "passed"})
    public record Check(String metric, String request, double baseline, double actual, Double tolerancePercent,
                        double limit, boolean passed) {
    }
}
