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
    /** What the single topology can do: its one shop is {@code shop-1}. */
    private static final Set<Operation> SINGLE = Set.of(Operation.KILL_INSTANCE, Operation.RESTART_INSTANCE,
            Operation.GATEWAY_ERRORS, Operation.GATEWAY_DELAY, Operation.GATEWAY_RECOVER);

    private OperationSupport() {
    }

    /** Why {@code operation} cannot be performed on {@code embedded} as configured, or empty when it can. */
    static Optional<String> refusal(Operation operation, EmbeddedSettings embedded) {
        if (embedded.topology() == EmbeddedSettings.Topology.SINGLE) {
            return SINGLE.contains(operation) ? Optional.empty() : Optional.of("needs embedded.topology = redundant"
                    + " (it is single)");
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
