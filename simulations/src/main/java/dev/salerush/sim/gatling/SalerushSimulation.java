package dev.salerush.sim.gatling;

import dev.salerush.sim.config.TargetSettings;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.run.SaleRun;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Base of every salerush simulation. Its constructor starts the run (configuration, run folder, target), so a
 * subclass only describes the user journey and calls {@link #setUpProfile(ScenarioBuilder)}. Requests wrapped with
 * {@link #timed(String, HttpRequestActionBuilder)} are measured exactly.
 */
public abstract class SalerushSimulation extends Simulation {
    protected final SaleRun run = SaleRun.start(getClass().getName());
    protected final TargetSettings target = run.config().target();
    /** Set in before(), so the measured window is the load phase; requests only happen after it. */
    private volatile ExactRecorder recorder;

    protected final HttpProtocolBuilder protocol = http
            .baseUrl(stripTrailingSlash(run.environment().baseUrl().toString()))
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("salerush")
            .disableWarmUp();

    /** The configured path of an endpoint (see target.paths), with {id} turned into a Gatling expression. */
    protected String path(String name, String idExpression) {
        return target.path(name).replace("{id}", idExpression);
    }

    protected String path(String name) {
        return target.path(name);
    }

    /**
     * A request whose response time and outcome are recorded exactly. The time is Gatling's own (its start and end
     * timestamps of the response); the outcome is Gatling's verdict after the request's checks.
     */
    protected ChainBuilder timed(String name, HttpRequestActionBuilder request) {
        return exec(session -> session.markAsSucceeded())
                .exec(request.transformResponse((response, session) -> {
                    recorder.recordResponseTime(name, response.endTimestamp() - response.startTimestamp());
                    return response;
                }))
                .exec(session -> {
                    recorder.recordOutcome(name, !session.isFailed());
                    return session;
                });
    }

    /**
     * Injects the scenario as the selected profile says, with the profile's SLOs as Gatling assertions. Rates given
     * relative to the plan's peak become arriving users through the journey's mean requests per user.
     */
    protected void setUpProfile(ScenarioBuilder scenario) {
        double requestsPerUser = run.config().journeys().expectedRequests(run.profile().journey());
        PopulationBuilder population = scenario.injectOpen(
                ProfileInjection.injection(run.profile(), run.config().plan().peakRps(), requestsPerUser));
        setUp(population).protocols(protocol).assertions(ProfileInjection.assertions(run.profile()));
    }

    @Override
    public void before() {
        recorder = run.startRecording();
    }

    @Override
    public void after() {
        run.finish(null);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
