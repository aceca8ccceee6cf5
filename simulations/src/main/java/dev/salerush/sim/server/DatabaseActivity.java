package dev.salerush.sim.server;

import dev.salerush.seeder.safety.TargetGuard;
import dev.salerush.env.DatabaseSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * PostgreSQL's sessions on the target database, from {@code pg_stat_activity}, over one read-only connection
 * (application name {@value #APPLICATION_NAME}, excluded from the counts). A failed poll closes the connection;
 * it is re-opened at most every {@link #REOPEN_AFTER}, and every poll without a connection counts as failed.
 * Not thread-safe (the scraper's one thread uses it; {@link #close()} after that thread has stopped).
 */
final class DatabaseActivity implements AutoCloseable {
    static final String APPLICATION_NAME = "salerush-metrics";
    static final Duration REOPEN_AFTER = Duration.ofSeconds(10);
    static final String QUERY = "SELECT count(*), count(*) FILTER (WHERE state = 'active') FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid()";

    record Counts(int connections, int active) {
    }

    private final DatabaseSettings database;
    private final Duration timeout;
    private final Problems problems;
    private final String describedUrl;
    private final boolean usable;
    private Connection connection;
    private long lastOpenAttemptNanos;
    private boolean attemptedOnce;
    private String lastFailure = "not connected yet";

    DatabaseActivity(DatabaseSettings database, Duration timeout, Problems problems) {
        this.database = database;
        this.timeout = timeout;
        this.problems = problems;
        if (database == null || database.url() == null || database.url().isBlank()) {
            this.describedUrl = null;
            this.usable = false;
            problems.note("database activity not measured: no database given");
            return;
        }
        this.describedUrl = withoutQuery(database.url());
        boolean allowed;
        try {
            TargetGuard.checkReadHosts(database.url(), database.readHosts());
            allowed = true;
        } catch (RuntimeException e) {
            allowed = false;
            problems.note("database activity not measured, not connecting to " + describedUrl + ": " + e.getMessage());
        }
        this.usable = allowed;
    }

    /** Whether polls are attempted at all (a database was given and its host is allowed). */
    boolean enabled() {
        return usable;
    }

    /** The counts now, or {@code null} (and a counted problem) when the database cannot be read. */
    Counts poll() {
        if (!usable) {
            return null;
        }
        problems.attempt(Problems.Kind.POLL);
        if (connection == null && !open()) {
            problems.count(Problems.Kind.POLL, "database " + describedUrl + " unreachable: " + lastFailure);
            return null;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            rs.next();
            return new Counts(rs.getInt(1), rs.getInt(2));
        } catch (SQLException | RuntimeException e) {
            lastFailure = Problems.describe(e);
            closeConnection();
            problems.count(Problems.Kind.POLL, "database " + describedUrl + " query failed: " + lastFailure);
            return null;
        }
    }

    private boolean open() {
        long now = System.nanoTime();
        if (attemptedOnce && now - lastOpenAttemptNanos < REOPEN_AFTER.toNanos()) {
            return false;
        }
        attemptedOnce = true;
        lastOpenAttemptNanos = now;
        Properties props = new Properties();
        if (database.user() != null) {
            props.setProperty("user", database.user());
        }
        if (database.password() != null) {
            props.setProperty("password", database.password());
        }
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("readOnly", "true");
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        props.setProperty("connectTimeout", Long.toString(seconds));
        props.setProperty("loginTimeout", Long.toString(seconds));
        // The server gives up a poll after the timeout; the socket timeout is the backstop if the server hangs.
        props.setProperty("options", "-c statement_timeout=" + Math.max(1, timeout.toMillis()));
        props.setProperty("socketTimeout", Long.toString(seconds + 1));
        try {
            connection = DriverManager.getConnection(database.url(), props);
            connection.setReadOnly(true);
            connection.setAutoCommit(true);
            return true;
        } catch (SQLException | RuntimeException e) {
            lastFailure = Problems.describe(e);
            closeConnection();
            return false;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }

    /** The URL without its query part, which may carry a password. */
    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
