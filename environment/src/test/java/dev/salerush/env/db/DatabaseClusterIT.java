package dev.salerush.env.db;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import dev.salerush.env.it.ItLanes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.env.process.FreePorts;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.embedded.SeededSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real primary + standby from zonky's binaries: synchronous replication, failover, asynchronous mode, cleanup. */
@Order(ItLanes.LANE_TWO + 1)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class DatabaseClusterIT {

    private static SeededSnapshot snapshot;

    @BeforeAll
    static void seed() throws SQLException {
        EmbeddedDatabase db = EmbeddedDatabase.start();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE product(id int PRIMARY KEY, name text)");
            st.execute("INSERT INTO product SELECT g, 'p' || g FROM generate_series(1, 10000) g");
            st.execute("CREATE TABLE rows_written(id int PRIMARY KEY)");
        }
        snapshot = SeededSnapshot.take(db);
        System.out.println("snapshot ready in " + snapshot.preparationTime().toMillis() + " ms");
    }

    @AfterAll
    static void dropSnapshot() {
        if (snapshot != null) {
            snapshot.close();
        }
    }

    @Test
    void syncCommitIsOnTheStandbyWhenThePrimaryAcknowledgesIt() throws Exception {
        try (DatabaseCluster cluster = DatabaseCluster.start(snapshot)) {
            for (String url : List.of(cluster.primaryUrl(), cluster.standbyUrl())) {
                try (Connection c = connect(url); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT current_setting('fsync'), "
                             + "current_setting('synchronous_commit'), current_setting('full_page_writes'), "
                             + "(SELECT count(*) FROM product)")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("fsync on " + url).isEqualTo("on");
                    assertThat(rs.getString(2)).as("synchronous_commit on " + url).isEqualTo("on");
                    assertThat(rs.getString(3)).as("full_page_writes on " + url).isEqualTo("on");
                    assertThat(rs.getLong(4)).isEqualTo(10000);
                }
            }
            ReplicationState state = cluster.replicationState();
            assertThat(state.primary()).isEqualTo(ReplicationState.Role.PRIMARY);
            assertThat(state.standby()).isEqualTo(ReplicationState.Role.STANDBY);
            assertThat(state.syncState()).isEqualTo("sync");

            try (Connection p = connect(cluster.primaryUrl()); Connection s = connect(cluster.standbyUrl());
                 Statement ps = p.createStatement(); Statement ss = s.createStatement()) {
                String commitLsn;
                ps.execute("INSERT INTO rows_written VALUES (42)");
                try (ResultSet rs = ps.executeQuery("SELECT pg_current_wal_lsn()")) {
                    rs.next();
                    commitLsn = rs.getString(1);
                }
                // synchronous_commit=on: the acknowledged commit is already flushed on the standby...
                try (ResultSet rs = ss.executeQuery("SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), '"
                        + commitLsn + "') >= 0")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("standby received the commit").isTrue();
                }
                // ...and visible as soon as it is replayed (on, not remote_apply: a few ms at most here).
                long t0 = System.nanoTime();
                while (true) {
                    try (ResultSet rs = ss.executeQuery("SELECT count(*) FROM rows_written WHERE id = 42")) {
                        rs.next();
                        if (rs.getLong(1) == 1) {
                            break;
                        }
                    }
                    assertThat(System.nanoTime() - t0).as("replayed within 2 s").isLessThan(2_000_000_000L);
                    Thread.sleep(5);
                }
                System.out.println("committed row visible on the standby after "
                        + (System.nanoTime() - t0) / 1000 + " µs");
            }
        }
    }

    @Test
    void failoverKeepsEveryAcknowledgedRowAndTheMultiHostUrlFindsTheNewPrimary() throws Exception {
        DatabaseCluster cluster = DatabaseCluster.start(snapshot);
        Path dir = cluster.directory();
        List<Integer> ports = List.of(cluster.primaryPort(), cluster.standbyPort());
        try {
            String url = cluster.multiHostUrl();
            ConcurrentLinkedQueue<long[]> acked = new ConcurrentLinkedQueue<>(); // {id, nanoTime}
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> write(url, acked, stop), "failover-writer");
            writer.start();
            awaitAcks(acked, 50);
            cluster.crashPrimary();
            assertThat(cluster.replicationState().primary()).isEqualTo(ReplicationState.Role.DOWN);
            Duration promotion = cluster.promoteStandby();
            int before = acked.size();
            awaitAcks(acked, before + 50);
            stop.set(true);
            writer.join(10_000);

            // The window: the longest gap between two consecutive acknowledged writes (the one spanning the crash).
            long[] times = acked.stream().mapToLong(a -> a[1]).sorted().toArray();
            long gap = 0;
            for (int i = 1; i < times.length; i++) {
                gap = Math.max(gap, times[i] - times[i - 1]);
            }
            long window = gap / 1_000_000;
            System.out.println("failover: promotion " + promotion.toMillis() + " ms, unavailability window "
                    + "(longest gap between acknowledged writes via the multi-host URL) " + window + " ms, "
                    + acked.size() + " rows acknowledged");
            assertThat(window).isLessThan(10_000);

            ReplicationState state = cluster.replicationState();
            assertThat(state.primary()).isEqualTo(ReplicationState.Role.DOWN);
            assertThat(state.standby()).isEqualTo(ReplicationState.Role.PRIMARY);
            assertThat(state.syncState()).isEqualTo("none");

            Set<Long> expected = acked.stream().map(a -> a[0]).collect(Collectors.toSet());
            Set<Long> present = new HashSet<>();
            try (Connection c = connect(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM rows_written")) {
                while (rs.next()) {
                    present.add(rs.getLong(1));
                }
            }
            assertThat(present).containsAll(expected);
        } finally {
            cluster.close();
        }
        assertNothingLeft(dir, ports);
    }

    @Test
    void asyncModeStreamsWithoutWaiting() {
        try (DatabaseCluster cluster = DatabaseCluster.start(snapshot, DatabaseCluster.Replication.ASYNC,
                Duration.ofSeconds(30))) {
            ReplicationState state = cluster.replicationState();
            assertThat(state.syncState()).isEqualTo("async");
            assertThat(state.primary()).isEqualTo(ReplicationState.Role.PRIMARY);
            assertThat(state.standby()).isEqualTo(ReplicationState.Role.STANDBY);
            assertThat(state.replayLagBytes()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void closeLeavesNoProcessNoPortAndNoDirectory() {
        DatabaseCluster cluster = DatabaseCluster.start(snapshot, DatabaseCluster.Replication.SYNC,
                Duration.ofSeconds(30));
        Path dir = cluster.directory();
        List<Integer> ports = List.of(cluster.primaryPort(), cluster.standbyPort());
        assertThat(processesOf(dir)).isNotEmpty();
        cluster.close();
        cluster.close();
        assertNothingLeft(dir, ports);
    }

    private static void write(String url, ConcurrentLinkedQueue<long[]> acked, AtomicBoolean stop) {
        long id = 1_000;
        Connection c = null;
        while (!stop.get()) {
            try {
                if (c == null) {
                    c = DriverManager.getConnection(url, "postgres", "postgres");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rows_written VALUES (?)")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
                acked.add(new long[] {id, System.nanoTime()});
                id++;
            } catch (SQLException e) {
                id++; // an unacknowledged id may or may not have committed: never reuse it
                closeQuietly(c);
                c = null;
                sleep(20);
            }
        }
        closeQuietly(c);
    }

    private static void awaitAcks(ConcurrentLinkedQueue<long[]> acked, int n) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (acked.size() < n) {
            assertThat(System.nanoTime()).as(n + " acknowledged writes within 20 s").isLessThan(deadline);
            sleep(10);
        }
    }

    private static void assertNothingLeft(Path dir, List<Integer> ports) {
        assertThat(processesOf(dir)).as("postgres processes of " + dir).isEmpty();
        for (int port : ports) {
            assertThat(FreePorts.isFree(port)).as("port " + port + " free").isTrue();
        }
        assertThat(dir).doesNotExist();
    }

    /** Postmasters show the data directory, their children the cluster_name (the directory's name). */
    private static List<String> processesOf(Path dir) {
        String name = dir.getFileName().toString();
        return ProcessHandle.allProcesses()
                .map(ph -> ph.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains(name))
                .collect(Collectors.toList());
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // broken anyway
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
