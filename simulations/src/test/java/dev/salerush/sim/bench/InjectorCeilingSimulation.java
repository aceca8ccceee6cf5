package dev.salerush.sim.bench;

import dev.salerush.sim.gatling.SalerushSimulation;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * How many requests per second one injector can send: a fixed number of users each requesting an instant endpoint
 * in a loop, with the suite's exact recording ({@code -Dbench.recording=true}) or with Gatling alone (false).
 * With {@code -Dbench.rate=r} it is an open model instead: {@code r} users a second, one request each, for the
 * latency at a fixed rate.
 */
public class InjectorCeilingSimulation extends SalerushSimulation {
    static final int USERS = Integer.getInteger("bench.users", 64);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    static final boolean RECORDING = Boolean.parseBoolean(System.getProperty("bench.recording", "true"));
    static final int RATE = Integer.getInteger("bench.rate", 0);

    HttpRequestActionBuilder instant = http("instant").get("/fixed").check(status().is(200));
    ChainBuilder request = RECORDING ? timed("instant", instant) : exec(instant);

    {
        if (RATE > 0) {
            setUp(scenario("fixed rate").exec(request).injectOpen(constantUsersPerSec(RATE).during(DURATION)))
                    .protocols(protocol);
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
