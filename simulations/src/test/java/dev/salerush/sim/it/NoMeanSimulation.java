package dev.salerush.sim.it;

import dev.salerush.sim.gatling.SalerushSimulation;

import static io.gatling.javaapi.http.HttpDsl.http;

/** A team simulation that forgets to say its mean requests per user: the run must refuse to start. */
public class NoMeanSimulation extends SalerushSimulation {
    {
        setUpProfile("no mean", timed("health", http("health").get("/health")));
    }
}
