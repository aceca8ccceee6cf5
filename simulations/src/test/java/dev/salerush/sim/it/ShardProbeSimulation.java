package dev.salerush.sim.it;

import dev.salerush.sim.gatling.SalerushSimulation;
import dev.salerush.sim.shard.ShardContract;
import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** One request per user to the {@link FixedDelayServer}, telling it which shard sent it (so one shard can be slowed). */
public class ShardProbeSimulation extends SalerushSimulation {
    private static final String SHARD = System.getenv().getOrDefault(ShardContract.ENV_INDEX, "none");

    /** Warm-up users say so, so that the stand-in counts the measured requests apart. */
    ChainBuilder probe = timed("fixed", http("fixed").get("/fixed").queryParam("shard", SHARD)
            .queryParam("warmup", session -> String.valueOf(session.scenario().endsWith("(warm-up)")))
            .check(status().is(200)));

    {
        setUpProfile("shard probe", probe);
    }

    @Override
    protected double requestsPerUser() {
        return 1;
    }
}
