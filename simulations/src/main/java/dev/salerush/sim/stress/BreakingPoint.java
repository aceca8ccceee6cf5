package dev.salerush.sim.stress;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the target stopped keeping up, and why this step was chosen.
 *
 * @param rps  the throughput the target achieved on the chosen step (successful responses per second), or
 *             {@code null} when no step qualifies or the injector, not the target, was the bottleneck
 * @param step the chosen step (0-based), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreakingPoint(Double rps, Integer step, String reason) {
}
