package dev.salerush.sim.config;

import dev.salerush.env.EmbeddedSettings;

/**
 * What a run's target is: a service the suite did not start, or the embedded sale environment in one of its
 * topologies. The one place the topology is asked ({@link SuiteConfig#targetKind()}); callers ask the kind.
 */
public enum TargetKind {
    /** A team's own service at {@code target.baseUrl}: the suite only sends it load. */
    EXTERNAL,
    /** The embedded environment with one shop on one database. */
    EMBEDDED_SINGLE,
    /** The embedded environment with no part alone: HAProxy, N shops, a primary with a standby. */
    EMBEDDED_REDUNDANT;

    static TargetKind of(TargetSettings target, EmbeddedSettings embedded) {
        if (!target.embedded()) {
            return EXTERNAL;
        }
        return embedded.topology() == EmbeddedSettings.Topology.REDUNDANT ? EMBEDDED_REDUNDANT : EMBEDDED_SINGLE;
    }

    /** Whether the suite starts (and so may operate on and inject faults into) a redundant environment. */
    public boolean redundant() {
        return this == EMBEDDED_REDUNDANT;
    }
}
