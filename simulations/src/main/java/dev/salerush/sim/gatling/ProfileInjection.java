package dev.salerush.sim.gatling;

import dev.salerush.sim.config.InjectionStep;
import dev.salerush.sim.config.Profile;
import dev.salerush.sim.config.Slo;
import io.gatling.javaapi.core.Assertion;

import io.gatling.javaapi.core.OpenInjectionStep;

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

    public static OpenInjectionStep[] injection(Profile profile) {
        return profile.injection().stream().map(ProfileInjection::step).toArray(OpenInjectionStep[]::new);
    }

    static OpenInjectionStep step(InjectionStep step) {
        return switch (step.type()) {
            case CONSTANT -> constantUsersPerSec(step.from()).during(step.during());
            case RAMP -> rampUsersPerSec(step.from()).to(step.to()).during(step.during());
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
