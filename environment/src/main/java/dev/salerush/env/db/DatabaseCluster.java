package dev.salerush.env.db;

import dev.salerush.env.process.FreePorts;
import dev.salerush.seeder.embedded.DataDirectories;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.embedded.PgBinaries;
import dev.salerush.seeder.embedded.SeededSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL primary and a streaming hot standby on 127.0.0.1, both started from copies of one
 * {@link SeededSnapshot} with zonky's binaries, durable ({@code fsync=on}, {@code full_page_writes=on},
 * {@code synchronous_commit=on}) and, in {@link Replication#SYNC} mode, with the standby as synchronous standby: a
 * commit the primary acknowledges is on the standby's disk. For failover drills: {@link #crashPrimary()},
 * {@link #promoteStandby()}, and {@link #multiHostUrl()} for clients that follow the primary. In
 * {@link Replication#NONE} mode there is no standby: a crashed primary stays down until {@link #restartPrimary()}
 * starts it again in place.
 *
 * <p>{@link #close()} stops both servers and deletes their directories ({@code <tmp>/salerush-pg-cluster-…}); a JVM
 * shutdown hook does the same if the caller never closes the cluster.
 */
public final class DatabaseCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCluster.class);

    /** The standby's {@code application_name}, as named in {@code synchronous_standby_names}. */
    public static final String STANDBY_NAME = "standby1";
    /** Configuration key of the standby catch-up timeout (named in the error message). */
    public static final String STANDBY_TIMEOUT_KEY = "embedded.redundancy.standbyTimeout";
    public static final Duration DEFAULT_STANDBY_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    /** Whether the primary waits for the standby on commit. */
    public enum Replication {
        /** {@code synchronous_standby_names='standby1'}: a commit returns once the standby has flushed it. */
        SYNC,
        /** No synchronous standby: commits return at once, the standby trails by its replay lag. */
        ASYNC,
        /**
         * No standby at all: the primary alone. A crash is not fenced (there is no second primary to fear); the primary
         * comes back only by a restart in place, whose crash recovery replays its WAL (fsync on: no acknowledged
         * commit is lost).
         */
        NONE
    }

    private final Path root;
    private final PgNode primary;
    private final PgNode standby;
    private final Replication replication;
    private final Thread shutdownHook;
    private volatile boolean closed;
    /** The primary was crashed and has not been restarted since (guarded by this). */
    private boolean primaryDown;

    private DatabaseCluster(Path root, PgNode primary, PgNode standby, Replication replication) {
        this.root = root;
        this.primary = primary;
        this.standby = standby;
        this.replication = replication;
        this.shutdownHook = new Thread(this::stopAll, "salerush-db-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** SYNC replication, 30 s for the standby to catch up. */
    public static DatabaseCluster start(SeededSnapshot snapshot) {
        return start(snapshot, Replication.SYNC, DEFAULT_STANDBY_TIMEOUT, Map.of());
    }

    public static DatabaseCluster start(SeededSnapshot snapshot, Replication replication, Duration standbyTimeout) {
        return start(snapshot, replication, standbyTimeout, Map.of());
    }

    /**
     * Copies the snapshot twice, starts the primary, then the standby ({@code standby.signal},
     * {@code primary_conninfo} with {@code application_name=standby1}), and waits until the primary's
     * {@code pg_stat_replication} shows the standby streaming (and {@code sync_state='sync'} for SYNC). For
     * {@link Replication#NONE}: one copy, the primary only.
     *
     * @param serverConfig extra settings for both nodes; the durability and replication settings are not
     *                     overridable
     * @throws DatabaseClusterException naming the node and the cause; whatever was started is stopped and deleted
     */
    public static DatabaseCluster start(SeededSnapshot snapshot, Replication replication, Duration standbyTimeout,
                                        Map<String, String> serverConfig) {
        long t0 = System.nanoTime();
        PgBinaries bin = PgBinaries.locate();
        Path root = DataDirectories.createTemp("cluster");
        String clusterName = root.getFileName().toString();
        PgNode primary = new PgNode("primary", bin, root.resolve("primary"), root.resolve("primary.log"));
        PgNode standby = new PgNode("standby", bin, root.resolve("standby"), root.resolve("standby.log"));
        DatabaseCluster cluster = new DatabaseCluster(root, primary, standby, replication);
        try {
            try {
                snapshot.copyTo(primary.dataDir());
                if (replication != Replication.NONE) {
                    snapshot.copyTo(standby.dataDir());
                }
            } catch (RuntimeException e) {
                throw new DatabaseClusterException("cannot copy the snapshot " + snapshot.directory()
                        + " for the primary and the standby: " + e.getMessage(), e);
            }
            long copied = System.nanoTime();

            Map<String, String> primaryConfig = nodeConfig(serverConfig, clusterName + "-primary");
            primaryConfig.put("synchronous_standby_names", replication == Replication.SYNC ? STANDBY_NAME : "");
            startWithFreePort(primary, primaryConfig);
            long primaryUp = System.nanoTime();
            if (replication == Replication.NONE) {
                log.info("database up in {} ms without a standby (copy {} ms, primary {} ms): primary 127.0.0.1:{} "
                        + "({})", ms(primaryUp - t0), ms(copied - t0), ms(primaryUp - copied), primary.port(), root);
                return cluster;
            }

            Map<String, String> standbyConfig = nodeConfig(serverConfig, clusterName + "-standby");
            // Empty on the standby: once promoted it must not wait for a standby it does not have.
            standbyConfig.put("synchronous_standby_names", "");
            standbyConfig.put("primary_conninfo", "host=127.0.0.1 port=" + primary.port() + " user="
                    + EmbeddedDatabase.USER + " application_name=" + STANDBY_NAME + " connect_timeout=2");
            standbyConfig.put("hot_standby_feedback", "on");
            standbyConfig.put("wal_retrieve_retry_interval", "500ms");
            try {
                Files.createFile(standby.dataDir().resolve("standby.signal"));
            } catch (java.io.IOException e) {
                throw new DatabaseClusterException("the standby could not start: cannot write standby.signal: " + e, e);
            }
            startWithFreePort(standby, standbyConfig);
            long standbyUp = System.nanoTime();

            cluster.awaitStreaming(standbyTimeout);
            long t1 = System.nanoTime();
            log.info("database cluster up in {} ms ({} replication; copies {} ms, primary {} ms, standby {} ms, "
                            + "streaming {} ms): primary 127.0.0.1:{}, standby 127.0.0.1:{} ({})",
                    ms(t1 - t0), replication, ms(copied - t0), ms(primaryUp - copied), ms(standbyUp - primaryUp),
                    ms(t1 - standbyUp), primary.port(), standby.port(), root);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    static Map<String, String> nodeConfig(Map<String, String> extra, String clusterName) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("listen_addresses", "127.0.0.1");
        c.put("max_connections", "200");
        c.put("shared_buffers", "128MB");
        c.put("work_mem", "8MB");
        c.put("jit", "off");
        c.put("timezone", "UTC");
        c.put("lc_messages", "C");
        c.put("max_wal_size", "1GB");
        c.putAll(extra);
        // Not overridable: what makes the pair durable and a replica possible.
        c.put("fsync", "on");
        c.put("full_page_writes", "on");
        c.put("synchronous_commit", "on");
        c.put("wal_level", "replica");
        // A hot standby needs at least the values the primary runs with (and those in the snapshot's pg_control:
        // initdb's default 10 for max_wal_senders, 100 for max_connections).
        c.put("max_wal_senders", "10");
        // Enough retained WAL for the standby to catch up without a replication slot (a slot would pin WAL forever
        // on the primary once the standby is gone, e.g. after a failover drill).
        c.put("wal_keep_size", "512MB");
        c.put("hot_standby", "on");
        // Shows in every server process title, so that leftover processes are recognisable (salerush-pg-…).
        c.put("cluster_name", clusterName);
        return c;
    }

    private static void startWithFreePort(PgNode node, Map<String, String> config) {
        for (int attempt = 1; ; attempt++) {
            int port = FreePorts.pick();
            try {
                node.start(port, config, START_TIMEOUT);
                return;
            } catch (DatabaseClusterException e) {
                // Another process took the port between pick() and bind(): try another one.
                if (attempt < PORT_ATTEMPTS && !node.running() && node.logMentions("could not bind")) {
                    log.warn("the {} could not bind 127.0.0.1:{}; retrying on another port", node.name(), port);
                    continue;
                }
                node.stop();
                throw e;
            }
        }
    }

    private void awaitStreaming(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastSeen = "no walsender for " + STANDBY_NAME;
        while (true) {
            try (Connection c = primary.connect(2); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT state, sync_state FROM pg_stat_replication "
                         + "WHERE application_name = '" + STANDBY_NAME + "'")) {
                if (rs.next()) {
                    String state = rs.getString(1);
                    String sync = rs.getString(2);
                    lastSeen = "state " + state + ", sync_state " + sync;
                    if ("streaming".equals(state)
                            && (replication == Replication.ASYNC || "sync".equals(sync))) {
                        return;
                    }
                }
            } catch (SQLException e) {
                lastSeen = "the primary did not answer: " + e.getMessage();
            }
            if (!standby.running()) {
                throw new DatabaseClusterException("the standby (127.0.0.1:" + standby.port() + ") stopped while "
                        + "connecting to the primary" + standby.describeLog());
            }
            if (System.nanoTime() > deadline) {
                throw new DatabaseClusterException("the standby (" + STANDBY_NAME + ", 127.0.0.1:" + standby.port()
                        + ") did not catch up within " + timeout.toSeconds() + " s (key " + STANDBY_TIMEOUT_KEY
                        + "); last seen on the primary: " + lastSeen + standby.describeLog());
            }
            sleep(50);
        }
    }

    /** The node started as primary: {@code jdbc:postgresql://127.0.0.1:<port>/salerush}. */
    public String primaryUrl() {
        return primary.url();
    }

    /** The node started as standby (read-only until {@link #promoteStandby()}). */
    public String standbyUrl() {
        return standby.url();
    }

    /**
     * Both nodes, primary first, connecting to whichever accepts writes (see {@link ClusterUrls#multiHost} for the
     * timeouts): the URL clients use to follow a failover.
     */
    public String multiHostUrl() {
        return ClusterUrls.multiHost("127.0.0.1", replication == Replication.NONE ? List.of(primary.port())
                : List.of(primary.port(), standby.port()), EmbeddedDatabase.DATABASE,
                ClusterUrls.DEFAULT_SOCKET_TIMEOUT);
    }

    public String user() {
        return EmbeddedDatabase.USER;
    }

    public String password() {
        return EmbeddedDatabase.PASSWORD;
    }

    public int primaryPort() {
        return primary.port();
    }

    public int standbyPort() {
        return standby.port();
    }

    public Replication replication() {
        return replication;
    }

    /** The directory holding both data directories and their server logs. */
    public Path directory() {
        return root;
    }

    /** Whether the primary has been crashed (and, with a standby, fenced), and not restarted since. */
    public synchronized boolean primaryCrashed() {
        return primaryDown;
    }

    /**
     * Crashes the primary: an immediate stop (SIGQUIT to the postmaster from postmaster.pid: no checkpoint, clients
     * cut off), then — when there is a standby — fences its data directory so it can never be started again, not even
     * by mistake as a second primary. Returns once its processes are gone.
     */
    public synchronized void crashPrimary() {
        checkOpen();
        if (primaryDown) {
            throw new IllegalStateException("the primary has already been crashed");
        }
        primary.crash(Duration.ofSeconds(10));
        primaryDown = true;
        if (replication == Replication.NONE) {
            log.info("primary 127.0.0.1:{} crashed (immediate stop); no standby", primary.port());
            return;
        }
        primary.fence();
        log.info("primary 127.0.0.1:{} crashed (immediate stop) and fenced", primary.port());
    }

    /**
     * Without a standby: starts the crashed primary again on its port and returns how long it took until it accepts
     * writes (its crash recovery included).
     *
     * @throws IllegalStateException the cluster has a standby (its crashed primary is fenced: fail over instead), or
     *                               the primary was not crashed
     */
    public synchronized Duration restartPrimary() {
        checkOpen();
        if (replication != Replication.NONE) {
            throw new IllegalStateException("the primary has a standby: its crashed primary is fenced and never "
                    + "restarted (a second primary); fail over to the standby instead");
        }
        if (!primaryDown) {
            throw new IllegalStateException("the primary runs; crash it first");
        }
        long t0 = System.nanoTime();
        primary.restart(START_TIMEOUT);
        try (Connection c = primary.connect(5); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_current_xact_id()")) {
            rs.next();
        } catch (SQLException e) {
            throw new DatabaseClusterException("the primary (127.0.0.1:" + primary.port() + ") restarted but takes no "
                    + "writes: " + e.getMessage() + primary.describeLog(), e);
        }
        primaryDown = false;
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        log.info("primary 127.0.0.1:{} restarted in place in {} ms (crash recovery included)", primary.port(),
                took.toMillis());
        return took;
    }

    /**
     * Promotes the standby ({@code SELECT pg_promote(true, 30)}) and returns how long it took, once the node accepts
     * writes. In SYNC mode the new primary has no synchronous standby (there is none left), so its commits do not
     * wait.
     */
    public synchronized Duration promoteStandby() {
        checkOpen();
        if (replication == Replication.NONE) {
            throw new IllegalStateException("there is no standby to promote; restart the primary in place instead");
        }
        long t0 = System.nanoTime();
        try (Connection c = standby.connect(5); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT pg_promote(true, 30)")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new DatabaseClusterException("the standby (127.0.0.1:" + standby.port()
                            + ") did not finish its promotion within 30 s" + standby.describeLog());
                }
            }
            // Accepts writes: assigning a transaction id fails while the node is still in recovery.
            try (ResultSet rs = st.executeQuery("SELECT pg_current_xact_id()")) {
                rs.next();
            }
        } catch (SQLException e) {
            throw new DatabaseClusterException("the standby (127.0.0.1:" + standby.port() + ") could not be "
                    + "promoted: " + e.getMessage() + standby.describeLog(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        log.info("standby 127.0.0.1:{} promoted in {} ms", standby.port(), took.toMillis());
        return took;
    }

    /** Roles of both nodes, the standby's sync_state and replay lag, asked of the servers now. */
    public ReplicationState replicationState() {
        ReplicationState.Role p = role(primary);
        ReplicationState.Role s = role(standby);
        PgNode current = p == ReplicationState.Role.PRIMARY ? primary
                : s == ReplicationState.Role.PRIMARY ? standby : null;
        String sync = "none";
        long lag = -1;
        if (current != null) {
            try (Connection c = current.connect(2); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT sync_state, "
                         + "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint FROM pg_stat_replication "
                         + "WHERE application_name = '" + STANDBY_NAME + "'")) {
                if (rs.next()) {
                    sync = rs.getString(1);
                    lag = rs.getLong(2);
                    if (rs.wasNull()) {
                        lag = -1;
                    }
                }
            } catch (SQLException e) {
                // the primary went away meanwhile: report no replication
            }
        }
        return new ReplicationState(p, s, sync, lag);
    }

    private ReplicationState.Role role(PgNode node) {
        if (closed || node.fenced() || !node.running()) {
            return ReplicationState.Role.DOWN;
        }
        try (Connection c = node.connect(2); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1) ? ReplicationState.Role.STANDBY : ReplicationState.Role.PRIMARY;
        } catch (SQLException e) {
            return ReplicationState.Role.DOWN;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the database cluster is closed");
        }
    }

    /**
     * Stops both servers (standby first, so the primary's fast shutdown does not wait on it), waits until their
     * ports are free and deletes their directories. Idempotent; also safe after a crash or a promotion.
     */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // JVM already shutting down
        }
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        for (PgNode node : List.of(standby, primary)) {
            try {
                node.stop();
            } catch (RuntimeException e) {
                log.warn("stopping the {} failed: {}", node.name(), e.toString());
            }
        }
        for (PgNode node : List.of(standby, primary)) {
            if (node.port() > 0 && !FreePorts.awaitFree(node.port(), Duration.ofSeconds(5))) {
                log.warn("port {} of the {} is still taken after its stop", node.port(), node.name());
            }
        }
        DataDirectories.delete(root);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseClusterException("interrupted while waiting for the standby", e);
        }
    }

    @Override
    public String toString() {
        return "DatabaseCluster[" + replication + ", primary " + primary
                + (replication == Replication.NONE ? "" : ", standby " + standby) + ", " + root + "]";
    }
}
