package dev.salerush.sim.report.plan;

import dev.salerush.sim.config.InjectionStep;
import dev.salerush.sim.config.Profile;
import dev.salerush.sim.config.Slo;
import dev.salerush.sim.config.SloMetric;
import dev.salerush.sim.config.Stairs;
import dev.salerush.sim.plan.TrafficPlan;
import dev.salerush.sim.stress.StressPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One profile as the plan shows it: what kind of test it is, the load it sends (rates relative to the peak also in
 * rps), the responses expected of it (its SLOs; a staircase's breaking point against the headroom; a drill's own
 * criteria) and how long it lasts.
 *
 * @param problem why the profile could not be read (then only the name is known), or null
 */
record ProfileOutline(String name, String kind, List<String> load, List<String> expected, String duration,
                      boolean selected, String problem) {

    static ProfileOutline of(Profile profile, TrafficPlan plan, Words w, boolean selected) {
        return new ProfileOutline(profile.name(), kind(profile.name(), w), load(profile, plan, w),
                expected(profile, plan, w), duration(profile, plan, w), selected, null);
    }

    /** The profile's name in code font. */
    public String code() {
        return Words.code(name);
    }

    /** A profile whose configuration does not parse: listed with the reason, as a run of it would fail. */
    static ProfileOutline unreadable(String name, String problem, Words w) {
        return new ProfileOutline(name, kind(name, w), List.of(), List.of(), "–", false,
                w.get("profiles.unreadable", Words.code(problem)));
    }

    private static String kind(String name, Words w) {
        String kind = w.find("kind.", name);
        return kind != null ? kind : w.get("kind.team");
    }

    private static List<String> load(Profile profile, TrafficPlan plan, Words w) {
        List<String> load = new ArrayList<>();
        if (!profile.warmup().isZero()) {
            load.add(w.get("load.warmup", w.duration(profile.warmup())));
        }
        Stairs stairs = profile.stairs();
        if (stairs != null) {
            load.add(w.get("load.stairs", rate(stairs.from(), plan, w), rate(stairs.step(), plan, w),
                    stairs.steps(), w.duration(stairs.hold())));
            if (stairs.climb() != null) {
                load.add(w.get("load.climb", Words.number(stairs.climb().factor(), 2),
                        Words.number(stairs.climb().maxRps(), 0)));
            }
            if (stairs.refine() != null) {
                load.add(w.get("load.refine", stairs.refine().probes(), w.duration(stairs.refine().hold())));
            }
            return load;
        }
        profile.injection().stream().filter(InjectionStep::measured).forEach(step -> load.add(switch (step.type()) {
            case CONSTANT -> w.get("load.constant", rate(step.from(), plan, w), w.duration(step.during()));
            case RAMP -> w.get("load.ramp", rate(step.from(), plan, w), rate(step.to(), plan, w),
                    w.duration(step.during()));
            case NOTHING -> w.get("load.nothing", w.duration(step.during()));
        }));
        return load;
    }

    /** A rate as configured, with the rps it means when relative to the peak. */
    private static String rate(InjectionStep.Rate rate, TrafficPlan plan, Words w) {
        return rate.peakMultiple()
                ? w.get("rate.peak", Words.number(rate.value(), 3), Words.rps(rate.value() * plan.peakRps()))
                : w.get("rate.users", Words.number(rate.value(), 3));
    }

    private static List<String> expected(Profile profile, TrafficPlan plan, Words w) {
        List<String> expected = new ArrayList<>();
        if (profile.slos().isEmpty()) {
            expected.add(w.get("expected.drills"));
            return expected;
        }
        Stairs stairs = profile.stairs();
        if (stairs != null) {
            // headroom 0: the staircase finds and records the breaking point, and no figure of it fails the run
            expected.add(stairs.headroom() == 0 ? w.get("expected.breakingPoint.recorded", Words.code("headroom = 0"))
                    : w.get("expected.breakingPoint", Words.number(stairs.headroom(), 3),
                    Words.rps(stairs.headroom() * plan.peakRps())));
            expected.add(w.get("expected.breach", w.duration(stairs.breachSustain())));
        }
        profile.slos().forEach(slo -> expected.add(criterion(slo, w)));
        return expected;
    }

    /** {@code `list products` p95 ≤ 35 ms}, {@code 전체 요청 실패율 ≤ 1 %}. */
    static String criterion(Slo slo, Words w) {
        String scope = slo.request() == null ? w.get("expected.allRequests") : Words.code(slo.request());
        return slo.metric() == SloMetric.KO_PERCENT
                ? w.get("expected.koPercent", scope, Words.number(slo.threshold(), 3))
                : w.get("expected.latency", scope, w.get("metric." + slo.metric().key()),
                Words.number(slo.threshold(), 3));
    }

    /**
     * How long the measured load lasts, the warm-up apart: the injection's steps; a staircase's planned length (its
     * steps, the climb within its bounds and the probes' time), which a breach ends sooner; a drill's profile, which
     * ends with its drills.
     */
    private static String duration(Profile profile, TrafficPlan plan, Words w) {
        Duration measured = profile.injection().stream().filter(InjectionStep::measured).map(InjectionStep::during)
                .reduce(Duration.ZERO, Duration::plus);
        String length;
        if (profile.stairs() != null) {
            // relative rates offer the same rps for any journey; one in users/s is bounded with a request per user
            length = w.get("duration.stairs", w.duration(StressPlan.of(profile.stairs(), plan.peakRps(), 1).length()));
        } else if (profile.slos().isEmpty()) {
            length = w.get("duration.drills", w.duration(measured));
        } else {
            length = w.duration(measured);
        }
        return profile.warmup().isZero() ? length : w.get("duration.warmup", length, w.duration(profile.warmup()));
    }
}
