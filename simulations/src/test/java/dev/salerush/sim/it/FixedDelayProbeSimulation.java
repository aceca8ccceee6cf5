package dev.salerush.sim.it;

import dev.salerush.sim.gatling.SalerushSimulation;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** One request per user to the {@link FixedDelayServer}: its answer takes a known time, so the suite's figures can be checked. */
public class FixedDelayProbeSimulation extends SalerushSimulation {
    ChainBuilder probe = timed("fixed", http("fixed").get("/fixed").check(status().is(200)));

    {
        setUpProfile("fixed delay probe", probe);
    }
}
