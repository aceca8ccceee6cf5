package dev.salerush.sim.it;

import dev.salerush.sim.gatling.SalerushSimulation;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;

/** A team simulation asking for a feeder its conf does not name: the run must end before any load. */
public class UnknownFeederSimulation extends SalerushSimulation {
    {
        setUpProfile("unknown feeder", feed(idsFeeder("members")).exec(timed("health", http("health").get("/health"))));
    }

    @Override
    protected double requestsPerUser() {
        return 1;
    }
}
