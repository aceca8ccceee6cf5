package dev.salerush.sim.config;

import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.ops.Operation;

import java.util.Optional;
import java.util.Set;

/**
 * Which operations the embedded environment can perform as configured: the single topology has the gateway's faults
 * and a crash and restart of its one shop; the redundant one has all, but a failover needs a standby and a restart of
 * the primary in place needs there to be none (with a standby the crashed primary is fenced).
 */
final class OperationSupport {
    /** What the single topology can do. */
    private static final Set<Operation> SINGLE = Set.of(Operation.KILL_INSTANCE, Operation.RESTART_INSTANCE,
            Operation.GATEWAY_ERRORS, Operation.GATEWAY_DELAY, Operation.GATEWAY_RECOVER);
    /** The single topology's one shop, named as the redundant topology's first instance. */
    private static final String SINGLE_SHOP = "shop-1";

    private OperationSupport() {
    }

    /** Why {@code operation} cannot be performed on {@code embedded} as configured, or empty when it can. */
    static Optional<String> refusal(Operation operation, String argument, EmbeddedSettings embedded) {
        if (embedded.topology() == EmbeddedSettings.Topology.SINGLE) {
            if (!SINGLE.contains(operation)) {
                return Optional.of("needs embedded.topology = redundant (it is single)");
            }
            boolean instance = operation.argument() == Operation.Argument.INSTANCE;
            return instance && argument != null && !argument.isEmpty() && !SINGLE_SHOP.equals(argument)
                    ? Optional.of("names no instance of the single topology, whose one shop is " + SINGLE_SHOP)
                    : Optional.empty();
        }
        boolean standby = embedded.redundancy().standby();
        if (operation == Operation.FAILOVER && !standby) {
            return Optional.of("needs a standby to promote (embedded.redundancy.standby is false): without one the "
                    + "primary comes back by restart-primary");
        }
        if (operation == Operation.RESTART_PRIMARY && standby) {
            return Optional.of("needs embedded.redundancy.standby = false: with a standby the crashed primary is "
                    + "fenced, and failover promotes the standby instead");
        }
        return Optional.empty();
    }
}
