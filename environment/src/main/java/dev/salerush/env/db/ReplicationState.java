package dev.salerush.env.db;

/**
 * A snapshot of the cluster for events and reports. {@code primary} and {@code standby} are the two nodes as they were
 * started (after a failover the node started as standby reports {@link Role#PRIMARY} and the crashed one
 * {@link Role#DOWN}).
 *
 * @param syncState       {@code sync_state} of the standby's walsender on the current primary ({@code sync},
 *                        {@code async}, …), or {@code none} when no standby streams
 * @param replayLagBytes  WAL bytes the standby has yet to replay ({@code pg_current_wal_lsn() - replay_lsn} on the
 *                        primary), or -1 when no standby streams
 */
public record ReplicationState(Role primary, Role standby, String syncState, long replayLagBytes) {

    /** What a node is right now. */
    public enum Role {
        PRIMARY, STANDBY, DOWN
    }
}
