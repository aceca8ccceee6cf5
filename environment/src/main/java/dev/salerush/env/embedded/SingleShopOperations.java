package dev.salerush.env.embedded;

import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.GatewayOperations;
import dev.salerush.env.ops.Operation;
import dev.salerush.env.ops.OperationFailedException;
import dev.salerush.env.ops.Operations;

import java.util.function.Supplier;

/**
 * The single topology's operations: the payment gateway's faults, and a crash ({@code kill-instance}) and restart
 * ({@code restart-instance}) of its one shop, named {@value #NAME} as the redundant topology's first instance is, so
 * a drill's steps read the same on both. Nothing stands in front of it: while it is down every request fails.
 */
final class SingleShopOperations implements Operations {
    /** The one shop's name in operations, alerts and events. */
    static final String NAME = "shop-1";

    private final GatewayOperations gateway;
    private final Supplier<DemoShopProcess> restart;
    private final EventLog events;
    private DemoShopProcess shop;

    /**
     * @param shop    the running shop
     * @param restart starts the shop again on the same port with the same settings (registered with the run's cleanup)
     */
    SingleShopOperations(DemoShopProcess shop, Supplier<DemoShopProcess> restart, GatewayOperations gateway,
                         EventLog events) {
        this.shop = shop;
        this.restart = restart;
        this.gateway = gateway;
        this.events = events;
    }

    @Override
    public synchronized void perform(Operation operation, String argument) {
        if (GatewayOperations.handles(operation)) {
            gateway.perform(operation, argument);
            return;
        }
        if (argument != null && !argument.isEmpty() && !NAME.equals(argument)) {
            throw new OperationFailedException(operation.configName() + ": no instance named '" + argument
                    + "'; the single topology has one shop, " + NAME);
        }
        switch (operation) {
            case KILL_INSTANCE -> kill();
            case RESTART_INSTANCE -> restart();
            default -> throw new OperationFailedException(operation.configName()
                    + " needs embedded.topology = redundant");
        }
    }

    /** The shop's port, which it keeps across restarts. */
    synchronized int port() {
        return shop.port();
    }

    private void kill() {
        if (!shop.isAlive()) {
            throw new OperationFailedException(NAME + " is not running");
        }
        long pid = shop.pid();
        shop.kill();
        events.record(EventKinds.OPERATION_STEP, NAME, "SIGKILL to pid " + pid + " (the only shop)");
    }

    private void restart() {
        if (shop.isAlive()) {
            throw new OperationFailedException(NAME + " is running; kill it first");
        }
        shop = restart.get();
        events.record(EventKinds.OPERATION_STEP, NAME, "started again, pid " + shop.pid() + "; healthy");
    }
}
