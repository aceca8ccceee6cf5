package dev.salerush.sim.journeys;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** Wraps a request so that its response time and outcome are recorded exactly (see SalerushSimulation). */
@FunctionalInterface
public interface Timed {
    ChainBuilder timed(String name, HttpRequestActionBuilder request);
}
