package dev.salerush.sim.gatling;

import dev.salerush.sim.config.InjectionStep;
import dev.salerush.sim.config.Profile;
import dev.salerush.sim.config.Slo;
import dev.salerush.sim.stress.StressPlan;
import io.gatling.javaapi.core.Assertion;

import io.gatling.javaapi.core.OpenInjectionStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

/** Translates a profile from conf/ into Gatling's injection steps and assertions. */
public final class ProfileInjection {
    private ProfileInjection() {
    }

    /** The profile's leading warm-up (unmeasured) steps as Gatling injection. */
    public static OpenInjectionStep[] warmup(Profile profile, double peakRps, double requestsPerUser) {
        return profile.injection().stream().takeWhile(step -> !step.measured())
                .map(step -> step(step, peakRps, requestsPerUser)).toArray(OpenInjectionStep[]::new);
    }

    /**
     * The profile's measured steps as Gatling injection, after a pause as long as the warm-up. Rates given as
     * multiples of the plan's peak rps become arriving users per second through the journey's mean requests per user.
     */
    public static OpenInjectionStep[] measured(Profile profile, double peakRps, double requestsPerUser) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (!profile.warmup().isZero()) {
            steps.add(nothingFor(profile.warmup()));
        }
        profile.injection().stream().filter(InjectionStep::measured)
                .forEach(step -> steps.add(step(step, peakRps, requestsPerUser)));
        return steps.toArray(OpenInjectionStep[]::new);
    }

    /**
     * A staircase's measured injection: after a pause as long as its warm-up, every planned step at its rate, then the
     * top step's rate for the probes' time. The staircase's controller lets fewer users through during a probe.
     */
    public static OpenInjectionStep[] staircase(Profile profile, StressPlan plan) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (!profile.warmup().isZero()) {
            steps.add(nothingFor(profile.warmup()));
        }
        Duration hold = plan.stairs().hold();
        plan.steps().forEach(step -> steps.add(constantUsersPerSec(step.usersPerSec()).during(hold)));
        if (!plan.probeTail().isZero()) {
            double top = plan.steps().get(plan.steps().size() - 1).usersPerSec();
            steps.add(constantUsersPerSec(top).during(plan.probeTail()));
        }
        return steps.toArray(OpenInjectionStep[]::new);
    }

    static OpenInjectionStep step(InjectionStep step, double peakRps, double requestsPerUser) {
        double from = step.from().usersPerSec(peakRps, requestsPerUser);
        double to = step.to().usersPerSec(peakRps, requestsPerUser);
        return switch (step.type()) {
            case CONSTANT -> constantUsersPerSec(from).during(step.during());
            case RAMP -> rampUsersPerSec(from).to(to).during(step.during());
            case NOTHING -> nothingFor(step.during());
        };
    }

    /**
     * Gatling's own assertions for the profile's SLOs, so its HTML report shows them. They use Gatling's approximate
     * percentiles; the suite's verdict comes from its exact figures (see SaleRun).
     */
    public static List<Assertion> assertions(Profile profile) {
        return profile.slos().stream().map(ProfileInjection::assertion).toList();
    }

    static Assertion assertion(Slo slo) {
        Assertion.WithPath scope = slo.request() == null ? global() : details(slo.request());
        int millis = (int) Math.floor(slo.threshold());
        return switch (slo.metric()) {
            case P50_MS -> scope.responseTime().percentile(50).lte(millis);
            case P90_MS -> scope.responseTime().percentile(90).lte(millis);
            case P95_MS -> scope.responseTime().percentile(95).lte(millis);
            case P99_MS -> scope.responseTime().percentile(99).lte(millis);
            case P999_MS -> scope.responseTime().percentile(99.9).lte(millis);
            case MAX_MS -> scope.responseTime().max().lte(millis);
            case KO_PERCENT -> scope.failedRequests().percent().lte(slo.threshold());
        };
    }
}
