package dev.salerush.sim.run;

import dev.salerush.env.SaleEnvironment;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.integrity.OrderIntegrity;
import dev.salerush.sim.integrity.OrderLog;
import dev.salerush.sim.shard.ShardSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Whether and how a run checks its orders: the built-in journeys' orders when they place any, a team simulation's
 * once it records its attempts, never per shard (one shard sees the orders of all shards in the database, but only its
 * own in its order log). Its report after the load says why when nothing was checked.
 */
final class OrderChecks {
    private static final Logger log = LoggerFactory.getLogger(OrderChecks.class);

    private final SuiteConfig config;
    private final String simulation;
    /** Whether the simulation drives the demo shop's journeys, whose orders the suite knows how to check. */
    private final boolean shopJourneys;
    private final ShardSettings shard;
    private final Path runDir;
    /** Null while nothing is checked (browsing, a shard, a team simulation that recorded no attempt yet). */
    private volatile OrderIntegrity integrity;

    OrderChecks(SuiteConfig config, String simulation, boolean shopJourneys, ShardSettings shard, Path runDir) {
        this.config = config;
        this.simulation = simulation;
        this.shopJourneys = shopJourneys;
        this.shard = shard;
        this.runDir = runDir;
    }

    private boolean shopPlacesOrders() {
        return shopJourneys && OrderIntegrity.placesOrders(config.profile().journey());
    }

    /** The target is ready: the built-in journeys' orders will be checked (not per shard). */
    void targetReady(SaleEnvironment environment) {
        if (shopPlacesOrders() && shard.sharded()) {
            log.info("shard {} of {}: the order-integrity checks are not run per shard", shard.index(), shard.count());
        } else if (shopPlacesOrders()) {
            integrity = OrderIntegrity.forRun(config, environment, runDir);
        }
    }

    /** A team simulation's order log: the first call turns the checks on, read with {@code integrity.queries}. */
    synchronized OrderLog teamOrderLog(SaleEnvironment environment) {
        if (shopJourneys) {
            throw new IllegalStateException("the built-in sale records its orders through its own journeys");
        }
        if (shard.sharded()) {
            return OrderLog.discard(); // not checked per shard, as for the built-in journeys
        }
        if (integrity == null) {
            integrity = OrderIntegrity.forTeamRun(config, environment, runDir, simulation);
        }
        return integrity.orderLog();
    }

    /** Where ordering virtual users record what they saw of each order attempt. */
    OrderLog orderLog() {
        OrderIntegrity checked = integrity;
        return checked == null ? OrderLog.discard() : checked.orderLog();
    }

    /** The snapshot before the load, with the hot items' ids (a team's run has none: its data is only read). */
    void beforeLoad(Supplier<long[]> hotProductIds) {
        if (integrity != null) {
            integrity.beforeLoad(shopJourneys ? hotProductIds.get() : new long[0]);
        }
    }

    /**
     * The report after a load that {@code completed}, checked while the target still runs; skipped, saying why, for
     * a shard and for a team simulation that recorded no orders; null for a run that places none.
     */
    IntegrityReport afterLoad(boolean completed) {
        if (integrity != null) {
            return integrity.afterLoad(completed);
        }
        if (shard.sharded() && (!shopJourneys || OrderIntegrity.placesOrders(config.profile().journey()))) {
            return IntegrityReport.skipped("not checked per shard: a shard's order log holds only its own attempts");
        }
        return shopJourneys ? null : IntegrityReport.skipped(simulation + " records no order attempts: a team"
                + " simulation calls orderAttempt(...) after its order request to have its orders checked with"
                + " integrity.queries (docs/team-simulation.md)");
    }
}
