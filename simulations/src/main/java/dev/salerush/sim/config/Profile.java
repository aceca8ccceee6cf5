package dev.salerush.sim.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A named run profile: how users arrive and which SLOs decide the verdict. */
/**
 * @param stairs a stress staircase (its steps are the injection), or {@code null}
 */
public record Profile(String name, String description, String journey, List<InjectionStep> injection, List<Slo> slos,
                      Stairs stairs) {
    static final List<String> JOURNEYS = List.of(JourneySettings.BROWSING, JourneySettings.ORDERING, JourneySettings.SALE_DAY);

    static Profile from(String name, ConfigReader profile) {
        String description = profile.has("description") ? profile.string("description") : "";
        String journey = profile.has("journey") ? profile.string("journey").trim() : JourneySettings.BROWSING;
        if (!JOURNEYS.contains(journey)) {
            throw new ConfigError(profile.key("journey") + " must be one of " + String.join(", ", JOURNEYS) + ", got '" + journey + "'");
        }
        Stairs stairs = profile.has("stairs") ? Stairs.from(new ConfigReader(profile.section("stairs"), profile.key("stairs"))) : null;
        if (stairs != null && profile.has("injection")) {
            throw new ConfigError(profile.key("stairs") + " and " + profile.key("injection") + ": give one of them");
        }
        List<InjectionStep> injection = new ArrayList<>();
        if (stairs != null) {
            injection.addAll(stairs.injection());
        } else {
            var steps = profile.sections("injection");
            for (int i = 0; i < steps.size(); i++) {
                injection.add(InjectionStep.from(new ConfigReader(steps.get(i), profile.key("injection") + "[" + i + "]")));
            }
        }
        for (int i = 1; i < injection.size(); i++) {
            if (!injection.get(i).measured() && injection.get(i - 1).measured()) {
                throw new ConfigError(profile.key("injection") + "[" + i + "].measured = false: only leading steps can be"
                        + " unmeasured (a warm-up), not a step after a measured one");
            }
        }
        if (injection.isEmpty()) {
            throw new ConfigError(profile.key("injection") + " is empty; a profile needs at least one injection step");
        }
        List<Slo> slos = new ArrayList<>();
        var sloSections = profile.sections("slo");
        for (int i = 0; i < sloSections.size(); i++) {
            slos.add(Slo.from(new ConfigReader(sloSections.get(i), profile.key("slo") + "[" + i + "]")));
        }
        boolean judgedByDrills = profile.has("judgedBy")
                && profile.oneOf("judgedBy", List.of("slo", "drills")).equals("drills");
        if (slos.isEmpty() && !judgedByDrills) {
            throw new ConfigError(profile.key("slo") + " is empty; a profile without SLOs has no verdict, add at least one"
                    + " (or judgedBy = drills for a drill profile)");
        }
        return new Profile(name, description, journey, List.copyOf(injection), List.copyOf(slos), stairs);
    }

    /**
     * The same profile with its main phase (the longest measured step, the first of equals; every step of a
     * staircase) lasting {@code duration}.
     */
    public Profile withMainPhase(Duration duration) {
        if (stairs != null) {
            // a staircase's main phase is each of its steps
            Stairs held = stairs.withHold(duration);
            return new Profile(name, description, journey, held.injection(), slos, held);
        }
        int main = injection.size() - 1;
        for (int i = injection.size() - 1; i >= 0; i--) {
            if (injection.get(i).measured() && injection.get(i).during().compareTo(injection.get(main).during()) >= 0) {
                main = i;
            }
        }
        List<InjectionStep> steps = new ArrayList<>(injection);
        steps.set(main, steps.get(main).withDuring(duration));
        return new Profile(name, description, journey, List.copyOf(steps), slos, stairs);
    }

    /**
     * This profile with {@code warmup} (an unmeasured step) before its injection, unless it has a warm-up of its own
     * or {@code warmup} is null.
     */
    public Profile withWarmupIfNone(InjectionStep warmup) {
        if (warmup == null || !warmup().isZero()) {
            return this;
        }
        List<InjectionStep> steps = new ArrayList<>();
        steps.add(warmup);
        steps.addAll(injection);
        return new Profile(name, description, journey, List.copyOf(steps), slos, stairs);
    }

    /** How long the leading unmeasured (warm-up) steps last. */
    public Duration warmup() {
        return injection.stream().takeWhile(step -> !step.measured()).map(InjectionStep::during)
                .reduce(Duration.ZERO, Duration::plus);
    }
}
