package dev.salerush.sim.stress;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where the target stopped keeping up, and why this step was chosen.
 *
 * @param rps     the throughput the target achieved on the chosen step or probe (successful responses per second),
 *                or {@code null} when no step qualifies or the injector, not the target, was the bottleneck
 * @param step    the chosen step (0-based; probes are numbered after the staircase's steps), or {@code null}
 * @param bracket [highest offered rps that held, lowest offered rps that failed], or {@code null} when nothing failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreakingPoint(Double rps, Integer step, String reason, List<Double> bracket) {

    public BreakingPoint(Double rps, Integer step, String reason) {
        this(rps, step, reason, null);
    }
}
