package dev.salerush.sim.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stress staircase: {@code steps} constant steps of {@code hold} each, the first at {@code from}, each next one
 * {@code step} higher; rates in users per second or as multiples of the plan's peak rps. The run stops by itself
 * once the SLOs have been breached for {@code breachSustain}, and the suite reports the breaking point; the top step
 * is the hard ceiling, so a run is never unbounded.
 *
 * @param headroom the capacity SLO: breaking point >= plan peak rps x headroom
 * @param warmup   unmeasured time at the first step's rate before the staircase starts (the injector's own JIT
 *                 warm-up would otherwise count against the first step); 0 for none
 */
public record Stairs(InjectionStep.Rate from, InjectionStep.Rate step, Duration hold, int steps, Duration breachSustain,
                     double headroom, Duration warmup) {
    /** Every key a staircase may have (a team's own profiles are checked against these). */
    static final java.util.Set<String> KEYS = java.util.Set.of("from", "fromPeak", "step", "stepPeak", "hold", "steps",
            "breachSustain", "headroom", "warmup");

    static Stairs from(ConfigReader stairs) {
        InjectionStep.Rate from = InjectionStep.rate(stairs, "from", "fromPeak", false);
        InjectionStep.Rate step = InjectionStep.rate(stairs, "step", "stepPeak", false);
        if (from.peakMultiple() != step.peakMultiple()) {
            throw new ConfigError(stairs.key("step") + ": give the start and the step in the same unit (from and step"
                    + " in users/s, or fromPeak and stepPeak as multiples of the peak)");
        }
        Duration hold = stairs.positiveDuration("hold");
        int steps = stairs.intInRange("steps", 1, 100);
        Duration sustain = stairs.positiveDuration("breachSustain");
        if (sustain.compareTo(hold) > 0) {
            throw new ConfigError(stairs.key("breachSustain") + " must not be longer than " + stairs.key("hold"));
        }
        Duration warmup = stairs.has("warmup") ? stairs.nonNegativeDuration("warmup") : Duration.ZERO;
        return new Stairs(from, step, hold, steps, sustain, stairs.numberInRange("headroom", 0, 1_000), warmup);
    }

    /** The same staircase with every step lasting {@code newHold} (the breach window shrinks to fit if needed). */
    public Stairs withHold(Duration newHold) {
        Duration sustain = breachSustain.compareTo(newHold) > 0 ? newHold : breachSustain;
        return new Stairs(from, step, newHold, steps, sustain, headroom, warmup);
    }

    /** Rate of step {@code index} (0-based). */
    public InjectionStep.Rate rate(int index) {
        return new InjectionStep.Rate(from.value() + index * step.value(), from.peakMultiple());
    }

    /** The staircase as constant injection steps, after its unmeasured warm-up. */
    public List<InjectionStep> injection() {
        List<InjectionStep> injection = new ArrayList<>();
        if (!warmup.isZero()) {
            injection.add(new InjectionStep(InjectionStep.Type.CONSTANT, from, from, warmup, false));
        }
        for (int i = 0; i < steps; i++) {
            injection.add(new InjectionStep(InjectionStep.Type.CONSTANT, rate(i), rate(i), hold, true));
        }
        return injection;
    }
}
