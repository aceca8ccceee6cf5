package dev.salerush.env.redundant;

import dev.salerush.env.db.DatabaseCluster;
import dev.salerush.env.db.DatabaseClusterException;
import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.GatewayOperations;
import dev.salerush.env.ops.Operation;
import dev.salerush.env.ops.OperationFailedException;
import dev.salerush.env.ops.OperationSchedule;
import dev.salerush.env.ops.Operations;
import dev.salerush.env.ops.ShopVersion;

import java.time.Duration;

/**
 * Every operation of the redundant topology: on the shop fleet, the database pair (or the primary alone, without a
 * standby) and the payment gateway.
 */
public final class FleetOperations implements Operations {
    private final ShopFleet fleet;
    private final DatabaseCluster database;
    private final GatewayOperations gateway;
    private final EventLog events;
    private final HotRowLock hotRows = new HotRowLock();

    public FleetOperations(ShopFleet fleet, DatabaseCluster database, GatewayOperations gateway, EventLog events) {
        this.fleet = fleet;
        this.database = database;
        this.gateway = gateway;
        this.events = events;
    }

    @Override
    public void perform(Operation operation, String argument) {
        if (GatewayOperations.handles(operation)) {
            gateway.perform(operation, argument);
            return;
        }
        try {
            switch (operation) {
                case KILL_INSTANCE -> fleet.kill(argument);
                case RESTART_INSTANCE -> fleet.restart(argument);
                case REPLACE_INSTANCE -> fleet.replace(argument, fleet.currentVersion());
                case SCALE_OUT -> fleet.scaleOut();
                case ROLLING_DEPLOY -> fleet.rollingDeploy(ShopVersion.parse(argument));
                case ROLLBACK -> fleet.rollback();
                case CRASH_PRIMARY -> crashPrimary();
                case FAILOVER -> failover();
                case RESTART_PRIMARY -> restartPrimary();
                case LOCK_HOT_ROWS -> hotRows.hold(database.multiHostUrl(), database.user(), database.password(),
                        OperationSchedule.duration(argument, argument), events);
                case RELEASE_LOCKS -> hotRows.release();
                default -> throw new OperationFailedException("no such operation here: " + operation.configName());
            }
        } catch (IllegalStateException | DatabaseClusterException e) {
            throw new OperationFailedException(operation.configName() + ": " + e.getMessage(), e);
        }
    }

    private void crashPrimary() {
        database.crashPrimary();
        events.record(EventKinds.DATABASE_ROLE, "db-primary", database.replication() == DatabaseCluster.Replication.NONE
                ? "crashed (immediate stop); no standby" : "crashed (immediate stop) and fenced");
    }

    /** Without a standby: the crashed primary started again in place. */
    private void restartPrimary() {
        Duration took = database.restartPrimary();
        events.record(EventKinds.DATABASE_ROLE, "db-primary", "restarted in place in " + took.toMillis()
                + " ms (crash recovery included); accepts writes");
    }

    /** Fences the old primary (crashing it if it still runs) and promotes the standby. */
    private void failover() {
        if (!database.primaryCrashed()) {
            crashPrimary();
        }
        Duration took = database.promoteStandby();
        events.record(EventKinds.DATABASE_ROLE, "db-standby", "promoted to primary in " + took.toMillis()
                + " ms; accepts writes");
    }
}
