package dev.salerush.env;

import dev.salerush.env.ops.ShopVersion;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the embedded sale environment (the {@code embedded} section): the demo shop and its payment gateway,
 * each a separate process on 127.0.0.1, and — in the redundant topology — the load balancer, more shop instances and a
 * standby database. Plain values, so the suite's configuration can build them without knowing the shop's own classes.
 */
public record EmbeddedSettings(Duration startupTimeout, Topology topology, Shop shop, Gateway gateway,
                               Redundancy redundancy, Snapshots snapshots) {

    /** {@code single}: one shop on one database. {@code redundant}: HAProxy, N shops, a primary with a standby. */
    public enum Topology {
        SINGLE, REDUNDANT;

        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param version the version every instance starts with */
    public record Shop(int port, String heap, int browsePoolSize, int orderPoolSize, Duration gatewayConnectTimeout,
                       Duration gatewayTimeout, Breaker breaker, boolean unsafeStockCheck,
                       Duration artificialDelay, ShopVersion version, Admission admission) {
    }

    /** Load shedding: requests in progress, requests waiting and how long, and the pools' connection wait. */
    public record Admission(int maxConcurrent, int maxQueued, Duration queueWait, Duration poolWait) {
    }

    /**
     * The shop's circuit breaker around the payment gateway (see the demo shop's BreakerSettings for each value);
     * {@code enabled} false: it never opens.
     */
    public record Breaker(int window, int minimumCalls, int failureRatePercent, Duration slowCall,
                          int slowCallRatePercent, Duration openWait, int halfOpenCalls, boolean enabled) {
    }

    public record Gateway(int port, Duration medianLatency, double latencySigma, String heap,
                          int maxRequestJournalEntries, int containerThreads) {
    }

    /**
     * The redundant topology's extra parts.
     *
     * @param instances      shop instances behind the load balancer
     * @param standby        a streaming standby beside the primary; false: the primary alone, which a crash leaves
     *                       down until it is restarted in place
     * @param synchronous    synchronous streaming replication (an acknowledged commit is on the standby too)
     * @param standbyTimeout how long the standby may take to start streaming
     * @param haproxy        the haproxy executable ({@code embedded.tools.haproxy}): empty = found on PATH
     */
    public record Redundancy(int instances, boolean standby, boolean synchronous, Duration standbyTimeout,
                             LoadBalancer loadBalancer, String haproxy) {
    }

    /**
     * The load balancer in front of the shop instances.
     *
     * @param port          the port load is sent to; 0 picks a free one
     * @param checkInterval the health-check interval of a server
     * @param fall          failed checks that mark a server down
     * @param rise          passed checks that mark it up again
     * @param errorLimit    consecutive live 5xx answers that mark a server down even while its health is green
     * @param slowStart     how long a server that came back takes to reach its full share of traffic
     */
    public record LoadBalancer(int port, Duration checkInterval, int fall, int rise, int errorLimit,
                               Duration slowStart) {
    }

    /**
     * Seeded databases kept for the next start.
     *
     * @param reuse keep a seeded database and copy it on the next start instead of seeding again
     * @param dir   where the snapshots live
     * @param kept  how many snapshots (datasets) are kept; the least recently used beyond that are deleted
     */
    public record Snapshots(boolean reuse, Path dir, int kept) {
    }
}
