package dev.salerush.sim.stress;

import dev.salerush.sim.metrics.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a staircase's steps: the breaking point (the highest step that, like every step below it, met the SLOs with
 * achieved >= 95 % of the sent throughput), the knee (where throughput stops rising and latency turns up), and
 * whether the injector rather than the target was the bottleneck. Pure logic on measured steps.
 */
public final class StressAnalysis {
    /** Achieved throughput below this share of what was sent means the target did not keep up. */
    static final double KEPT_UP = 0.95;
    /** Past the knee, an extra step buys less than this share of its extra offered rps... */
    static final double KNEE_MARGINAL_GAIN = 0.5;
    /** ...or p95 grows by more than this factor from one step to the next. */
    static final double KNEE_LATENCY_GROWTH = 2.0;
    /** The injector JVM using at least this share of the cores it may run on counts as saturated. */
    static final double INJECTOR_SATURATED = 0.85;

    public record Result(BreakingPoint breakingPoint, BreakingPoint knee, boolean injectorBound, List<String> evidence) {
    }

    private StressAnalysis() {
    }

    /**
     * @param cores        the cores the injector JVM could run on
     * @param stallBoundMs a step behind its offered rate whose injector stalled longer than this was injector-bound
     */
    public static Result analyse(List<StepResult> steps, int cores, double stallBoundMs, String stopReason) {
        List<String> evidence = injectorEvidence(steps, cores, stallBoundMs);
        BreakingPoint knee = knee(steps);
        if (!evidence.isEmpty()) {
            return new Result(new BreakingPoint(null, null, "not reported: the load generator, not the target, was the"
                    + " bottleneck (" + String.join("; ", evidence) + ")"), knee, true, evidence);
        }
        return new Result(breakingPoint(steps, stopReason), knee, false, evidence);
    }

    /**
     * The highest rate that held: the highest step that, like every step below it, met the SLOs with achieved >= 95 %
     * of sent — or a refinement probe above it that held. Its achieved rps is the breaking point; beside it the
     * bracket [highest passing, lowest failing] in offered rps.
     */
    static BreakingPoint breakingPoint(List<StepResult> measured, String stopReason) {
        List<StepResult> steps = measured.stream().filter(step -> !step.isProbe()).toList();
        List<StepResult> probes = measured.stream().filter(StepResult::isProbe).toList();
        if (steps.isEmpty()) {
            return new BreakingPoint(null, null, "no step was measured");
        }
        int last = highestHeld(steps);
        if (last < 0) {
            return new BreakingPoint(null, null, "already the first step failed: " + whyNot(steps.get(0)));
        }
        StepResult best = steps.get(last);
        StepResult lowestFailing = last + 1 < steps.size() ? steps.get(last + 1) : null;
        for (StepResult probe : probes) {
            if (probe.held() && probe.offeredRps() > best.offeredRps()) {
                best = probe;
            } else if (!probe.held() && (lowestFailing == null || probe.offeredRps() < lowestFailing.offeredRps())) {
                lowestFailing = probe;
            }
        }
        String why = String.format(Locale.ROOT, "%s (%.1f rps offered, %.1f achieved, p95 %s ms, %.2f %% failed) was"
                        + " the highest rate that held: it met the SLOs with achieved >= 95 %% of sent%s", name(best),
                best.offeredRps(), best.achievedRps(), best.p95Ms(), best.koPercent(),
                best.isProbe() ? "" : ", like every step below it");
        why += lowestFailing == null ? "; no rate failed" : "; the lowest that failed: " + name(lowestFailing) + " at "
                + whyNot(lowestFailing);
        if (stopReason != null) {
            why += "; " + stopReason;
        }
        List<Double> bracket = lowestFailing == null ? null : List.of(best.offeredRps(), lowestFailing.offeredRps());
        return new BreakingPoint(best.achievedRps(), best.step(), why, bracket);
    }

    /** The index of the highest step that held like every step below it, or -1 when the first one did not. */
    static int highestHeld(List<StepResult> steps) {
        int last = -1;
        while (last + 1 < steps.size() && steps.get(last + 1).held()) {
            last++;
        }
        return last;
    }

    private static String name(StepResult step) {
        return step.isProbe() ? "probe " + step.probe() : "step " + step.step();
    }

    static BreakingPoint knee(List<StepResult> steps) {
        for (int i = 1; i < steps.size(); i++) {
            StepResult before = steps.get(i - 1);
            StepResult step = steps.get(i);
            double offeredGain = step.offeredRps() - before.offeredRps();
            double achievedGain = step.achievedRps() - before.achievedRps();
            boolean flat = offeredGain > 0 && achievedGain < KNEE_MARGINAL_GAIN * offeredGain;
            boolean slower = before.p95Ms() != null && step.p95Ms() != null && before.p95Ms() > 0
                    && step.p95Ms() > KNEE_LATENCY_GROWTH * before.p95Ms();
            if (flat || slower) {
                String why = String.format(Locale.ROOT, "from step %d to %d %s", before.step(), step.step(),
                        flat ? String.format(Locale.ROOT, "achieved throughput rose %.1f rps for %.1f rps more offered",
                                achievedGain, offeredGain)
                                : String.format(Locale.ROOT, "p95 went from %d to %d ms", before.p95Ms(), step.p95Ms()));
                return new BreakingPoint(before.achievedRps(), before.step(), why);
            }
        }
        return new BreakingPoint(null, null, "throughput kept rising and latency stayed flat on every step");
    }

    /**
     * Reasons to believe the load generator limited the run; empty when the target was the bottleneck. A step is
     * evidence when it sent less than 95 % of its offered rate while the injector used nearly all its cores or its
     * stalls' p99 over the step was longer than {@code stallBoundMs} (its probe thread woke that late for at least 1 %
     * of the step: GC pauses or a starved core; one hiccup, a high max alone, does not explain a shortfall over a
     * whole step and, on a shared machine, happens on healthy steps too), or when throughput fell short with an idle
     * target and a saturated injector.
     */
    static List<String> injectorEvidence(List<StepResult> steps, int cores, double stallBoundMs) {
        List<String> evidence = new ArrayList<>();
        for (StepResult step : steps) {
            boolean behind = step.sentRps() < KEPT_UP * step.offeredRps();
            boolean saturated = step.injectorCpu() != null && step.injectorCpu() >= INJECTOR_SATURATED * cores;
            if (behind && saturated) {
                evidence.add(String.format(Locale.ROOT, "step %d: the injector sent %.1f of %.1f offered rps while using"
                        + " %.2f of %d cores", step.step(), step.sentRps(), step.offeredRps(), step.injectorCpu(), cores));
            }
            boolean stalled = step.stallP99Ms() != null && step.stallP99Ms() > stallBoundMs;
            if (behind && stalled) {
                evidence.add(String.format(Locale.ROOT, "step %d: the injector sent %.1f of %.1f offered rps while it"
                                + " stalled, p99 %s ms (max %s ms; bound %s ms)", step.step(), step.sentRps(),
                        step.offeredRps(), Numbers.fixed(step.stallP99Ms(), 1),
                        step.stallMaxMs() == null ? "n/a" : Numbers.fixed(step.stallMaxMs(), 1),
                        Numbers.fixed(stallBoundMs, 1)));
            }
            boolean targetIdle = step.server() != null && step.server().processCpuMean() != null
                    && step.server().processCpuMean() < 0.5 && noPoolPending(step);
            if (step.achievedShare() < KEPT_UP && targetIdle && saturated) {
                evidence.add(String.format(Locale.ROOT, "step %d: achieved %.1f of %.1f rps while the target's CPU was"
                        + " %.0f %% and no connection waited", step.step(), step.achievedRps(), step.sentRps(),
                        100 * step.server().processCpuMean()));
            }
        }
        return evidence;
    }

    private static boolean noPoolPending(StepResult step) {
        return step.server().poolPendingMax() == null
                || step.server().poolPendingMax().values().stream().allMatch(pending -> pending == null || pending == 0);
    }

    private static String whyNot(StepResult step) {
        List<String> reasons = new ArrayList<>();
        step.slo().stream().filter(slo -> !slo.passed()).forEach(slo -> reasons.add(slo.name() + " "
                + (slo.actual() == null ? "not measured" : Numbers.fixed(slo.actual()) + " > " + Numbers.fixed(slo.threshold()))));
        if (step.achievedShare() < KEPT_UP) {
            reasons.add(String.format(Locale.ROOT, "achieved %.1f of %.1f rps sent (%.0f %%)", step.achievedRps(),
                    step.sentRps(), 100 * step.achievedShare()));
        }
        return String.format(Locale.ROOT, "%.1f rps offered: ", step.offeredRps()) + String.join(", ", reasons);
    }
}
