package dev.salerush.sim.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A stress staircase: {@code steps} constant steps of {@code hold} each, the first at {@code from}, each next one
 * {@code step} higher; rates in users per second or as multiples of the plan's peak rps. While the SLOs hold past the
 * last step, the staircase can keep {@link Climb climbing} geometrically up to a bound in rate and time; after the
 * first sustained breach it can {@link Refine refine} the breaking point with short probes between the last passing
 * and the breaching rate. Every run is bounded: by its steps, the climb's bounds and the probes' count.
 *
 * @param headroom the capacity SLO: breaking point >= plan peak rps x headroom
 * @param warmup   unmeasured time at the first step's rate before the staircase starts (the injector's own JIT
 *                 warm-up would otherwise count against the first step); 0 for none
 * @param climb    how the staircase goes on past its last step, or {@code null} to end there
 * @param refine   how the breaking point is refined after the first sustained breach, or {@code null} for no probes
 */
public record Stairs(InjectionStep.Rate from, InjectionStep.Rate step, Duration hold, int steps, Duration breachSustain,
                     double headroom, Duration warmup, Climb climb, Refine refine) {
    /** Every key a staircase may have (a team's own profiles are checked against these). */
    static final Set<String> KEYS = Set.of("from", "fromPeak", "step", "stepPeak", "hold", "steps",
            "breachSustain", "headroom", "warmup", "climb", "refine");

    /**
     * Past the last step, each next step is {@code factor} times the one before, while its offered rate stays at most
     * {@code maxRps} and the whole staircase (steps, climb and the probes' time) at most {@code maxDuration}.
     */
    public record Climb(double factor, double maxRps, Duration maxDuration) {
        static final Set<String> KEYS = Set.of("factor", "maxRps", "maxDuration");

        static Climb from(ConfigReader climb) {
            return new Climb(climb.numberInRange("factor", 1.05, 10), climb.positiveNumber("maxRps", 10_000_000),
                    climb.positiveDuration("maxDuration"));
        }
    }

    /**
     * Up to {@code probes} probes of {@code hold} each bisect the bracket [highest passing, lowest failing] offered
     * rate, until it is narrower than {@code within} (a share of its lower end). The first {@code settle} of a probe
     * is not judged: the queue the breach left behind drains first.
     */
    public record Refine(int probes, Duration hold, Duration settle, double within) {
        static final Set<String> KEYS = Set.of("probes", "hold", "settle", "within");

        static Refine from(ConfigReader refine) {
            Duration hold = refine.positiveDuration("hold");
            Duration settle = refine.nonNegativeDuration("settle");
            if (settle.compareTo(hold) >= 0) {
                throw new ConfigError(refine.key("settle") + " must be shorter than " + refine.key("hold"));
            }
            return new Refine(refine.intInRange("probes", 1, 20), hold, settle, refine.numberInRange("within", 0.001, 1));
        }
    }

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
        Climb climb = stairs.has("climb") ? Climb.from(stairs.child("climb")) : null;
        Refine refine = stairs.has("refine") ? Refine.from(stairs.child("refine")) : null;
        if (climb != null && climb.maxDuration().compareTo(hold.multipliedBy(steps)) < 0) {
            throw new ConfigError(stairs.key("climb.maxDuration") + " must be at least steps x hold ("
                    + hold.multipliedBy(steps).toSeconds() + " s)");
        }
        return new Stairs(from, step, hold, steps, sustain, stairs.numberInRange("headroom", 0, 1_000), warmup,
                climb, refine);
    }

    /** The same staircase with every step lasting {@code newHold} (the breach window shrinks to fit if needed). */
    public Stairs withHold(Duration newHold) {
        Duration sustain = breachSustain.compareTo(newHold) > 0 ? newHold : breachSustain;
        return new Stairs(from, step, newHold, steps, sustain, headroom, warmup, climb, refine);
    }

    /** The same staircase without refinement probes: it ends at its first sustained breach. */
    public Stairs withoutRefinement() {
        return new Stairs(from, step, hold, steps, breachSustain, headroom, warmup, climb, null);
    }

    /** Rate of linear step {@code index} (0-based). */
    public InjectionStep.Rate rate(int index) {
        return new InjectionStep.Rate(from.value() + index * step.value(), from.peakMultiple());
    }

    /**
     * The linear steps as injection steps, after the unmeasured warm-up: what the profile shows before a run. The
     * climb and the probes depend on the journey's requests per user and are planned at the start of a run.
     */
    public List<InjectionStep> injection() {
        List<InjectionStep> injection = new java.util.ArrayList<>();
        if (!warmup.isZero()) {
            injection.add(new InjectionStep(InjectionStep.Type.CONSTANT, from, from, warmup, false));
        }
        for (int i = 0; i < steps; i++) {
            injection.add(new InjectionStep(InjectionStep.Type.CONSTANT, rate(i), rate(i), hold, true));
        }
        return injection;
    }
}
