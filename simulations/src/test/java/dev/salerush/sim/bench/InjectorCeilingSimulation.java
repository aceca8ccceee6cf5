package dev.salerush.sim.bench;

import dev.salerush.sim.gatling.SalerushSimulation;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * How many requests per second one injector can send: a fixed number of users each requesting an instant endpoint
 * in a loop, with the suite's exact recording ({@code -Dbench.recording=true}) or with Gatling alone (false).
 * With {@code -Dbench.rate=r} it runs the "bench" profile instead (an open model, {@code r} users a second with one
 * request each, written by {@link InjectorCeilingRun}), after the suite's warm-up unless {@code -Dwarmup.during=0s};
 * warm-up requests are named {@value #WARMUP_REQUEST} so Gatling's own report keeps them apart.
 */
public class InjectorCeilingSimulation extends SalerushSimulation {
    static final int USERS = Integer.getInteger("bench.users", 64);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    static final boolean RECORDING = Boolean.parseBoolean(System.getProperty("bench.recording", "true"));
    static final int RATE = Integer.getInteger("bench.rate", 0);
    static final String REQUEST = "instant";
    static final String WARMUP_REQUEST = "warm-up";

    HttpRequestActionBuilder instant = http(session -> session.scenario().endsWith(WARMUP_SUFFIX) ? WARMUP_REQUEST : REQUEST)
            .get("/fixed").check(status().is(200));
    ChainBuilder request = RECORDING ? timed(REQUEST, instant) : exec(instant);

    {
        if (RATE > 0) {
            setUpProfile("fixed rate", request);
        } else {
            setUp(scenario("injector ceiling").exec(forever().on(request))
                    .injectClosed(constantConcurrentUsers(USERS).during(DURATION)))
                    .protocols(protocol)
                    .maxDuration(DURATION);
        }
    }

    /** One request per iteration. */
    @Override
    protected double requestsPerUser() {
        return 1;
    }
}
