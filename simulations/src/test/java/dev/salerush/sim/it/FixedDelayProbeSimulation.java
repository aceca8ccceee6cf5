package dev.salerush.sim.it;

import dev.salerush.sim.gatling.SalerushSimulation;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** One request per user to the {@link FixedDelayServer}: its answer takes a known time, so the suite's figures can be checked. */
public class FixedDelayProbeSimulation extends SalerushSimulation {
    /** Warm-up users say so, so that the server keeps its reference figures for the measured requests only. */
    ChainBuilder probe = timed("fixed", http("fixed").get("/fixed")
            .queryParam("warmup", session -> String.valueOf(session.scenario().endsWith("(warm-up)")))
            .check(status().is(200)));

    {
        setUpProfile("fixed delay probe", probe);
    }

    /** One request per user. */
    @Override
    protected double requestsPerUser() {
        return 1;
    }
}
