package dev.salerush.sim.stress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.server.ServerAggregate;

import java.util.List;
import java.util.Map;

/**
 * One step of a stress staircase, as measured.
 *
 * @param offeredRps  the rate the step was configured to offer (arriving users x the journey's mean requests)
 * @param sentRps     requests the injector actually sent per second
 * @param achievedRps successful responses per second
 * @param injectorCpu the load generator JVM's mean CPU use over the step, in cores (null if unknown)
 * @param server      the target's server-side metrics over the step (null when not scraped)
 * @param probe       the refinement probe's number (1, 2, ...), or null for a step of the staircase
 * @param stallP99Ms  the injector's stall (how late its probe thread woke) at the 99th percentile over the step, in ms
 *                    (null when not measured)
 * @param stallMaxMs  the injector's longest stall in the step, in ms (null when not measured)
 * @param fromMillis  the start of the first interval measured in the step (epoch ms; null in older summaries)
 * @param toMillis    the end of the last one: with {@code fromMillis}, the window a merge of shards reads the step's
 *                    latencies from
 * @param counts      per request name, the responses OK and KO and the requests sent in the step (null in older
 *                    summaries): what a merge of shards adds up
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"step", "offeredRps", "sentRps", "achievedRps", "p50Ms", "p95Ms", "p99Ms", "koPercent", "seconds",
        "metSlo", "slo", "injectorCpu", "server", "probe", "stallP99Ms", "stallMaxMs", "fromMillis", "toMillis",
        "counts"})
public record StepResult(int step, double offeredRps, double sentRps, double achievedRps, Long p50Ms, Long p95Ms,
                         Long p99Ms, double koPercent, double seconds, boolean metSlo, List<SloResult> slo,
                         Double injectorCpu, ServerAggregate server, Integer probe, Double stallP99Ms,
                         Double stallMaxMs, Long fromMillis, Long toMillis, Map<String, Counts> counts) {

    /** A step without its window and counts (as summaries recorded before the merge of shards have them). */
    public StepResult(int step, double offeredRps, double sentRps, double achievedRps, Long p50Ms, Long p95Ms,
                      Long p99Ms, double koPercent, double seconds, boolean metSlo, List<SloResult> slo,
                      Double injectorCpu, ServerAggregate server, Integer probe, Double stallP99Ms, Double stallMaxMs) {
        this(step, offeredRps, sentRps, achievedRps, p50Ms, p95Ms, p99Ms, koPercent, seconds, metSlo, slo, injectorCpu,
                server, probe, stallP99Ms, stallMaxMs, null, null, null);
    }

    /** One request name's counts over a step. */
    public record Counts(long ok, long ko, long sent) {
        public Counts plus(Counts other) {
            return new Counts(ok + other.ok, ko + other.ko, sent + other.sent);
        }
    }

    /** Whether this step held: it met the SLOs, and the target answered at least 95 % of what was sent. */
    public boolean held() {
        return metSlo && achievedShare() >= StressAnalysis.KEPT_UP;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isProbe() {
        return probe != null;
    }

    /** Achieved throughput as a share of what was sent. */
    public double achievedShare() {
        return sentRps <= 0 ? 0 : achievedRps / sentRps;
    }
}
