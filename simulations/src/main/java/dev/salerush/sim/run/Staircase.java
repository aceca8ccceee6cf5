package dev.salerush.sim.run;

import dev.salerush.sim.config.Profile;
import dev.salerush.sim.config.Stairs;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.shard.ShardSettings;
import dev.salerush.sim.stress.StressController;
import dev.salerush.sim.stress.StressPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stress profile's staircase for one run (or one shard of it): its plan and the controller that follows it. */
final class Staircase {
    private static final Logger log = LoggerFactory.getLogger(Staircase.class);

    private Staircase() {
    }

    /** The staircase the run may offer for a journey of {@code requestsPerUser}. */
    static StressPlan plan(SuiteConfig config, ShardSettings shard, double requestsPerUser) {
        // shards cannot probe together: a sharded staircase stops all shards at its first sustained breach
        Stairs stairs = shard.sharded() ? config.profile().stairs().withoutRefinement() : config.profile().stairs();
        StressPlan plan = StressPlan.of(stairs, config.plan().peakRps(), requestsPerUser);
        log.info("staircase: {} steps up to {} rps offered, then up to {} s for probes; ends at {}",
                plan.steps().size(), Math.round(plan.steps().get(plan.steps().size() - 1).offeredRps()),
                plan.probeTail().toSeconds(), plan.bound());
        return plan;
    }

    /** The controller of {@code plan}, starting its first step after the warm-up from now (a shard: from its start). */
    static StressController controller(SuiteConfig config, ShardSettings shard, StressPlan plan) {
        Profile profile = config.profile();
        // a shard's controller expects and judges its own share of every step
        return new StressController(shard.sharded() ? plan.share(1.0 / shard.count()) : plan, profile.slos(),
                (shard.sharded() ? shard.startAtMs() : System.currentTimeMillis()) + profile.warmup().toMillis(),
                // the cores this JVM may run on (the JVM honours CPU affinity and container limits)
                Runtime.getRuntime().availableProcessors(), config.injector().stallBound().toNanos() / 1e6);
    }
}
