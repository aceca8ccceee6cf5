package dev.salerush.env.redundant;

import dev.salerush.env.events.EventLog;
import dev.salerush.env.lb.HaproxyRuntime;

/** The watches of the redundant topology, started and stopped together: load-balancer states and breakers. */
public final class Watches implements AutoCloseable {
    private final LoadBalancerWatch loadBalancer;
    private final BreakerWatch breakers;

    private Watches(LoadBalancerWatch loadBalancer, BreakerWatch breakers) {
        this.loadBalancer = loadBalancer;
        this.breakers = breakers;
    }

    /** Also tells the fleet which load balancer its changes go to. */
    public static Watches start(ShopFleet fleet, HaproxyRuntime runtime, EventLog events) {
        fleet.attach(runtime);
        return new Watches(LoadBalancerWatch.start(runtime, events), BreakerWatch.start(fleet, events));
    }

    @Override
    public void close() {
        breakers.close();
        loadBalancer.close();
    }
}
