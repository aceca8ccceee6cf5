package dev.salerush.seeder;

import com.typesafe.config.Config;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.safety.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * A database to seed: JDBC URL, user, password and the hosts that may be written. {@link #toString()} masks the
 * password; the password itself is never printed or logged.
 */
public final class DbTarget {

    public static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "::1");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<String> allowedHosts;

    public DbTarget(String jdbcUrl, String user, String password, List<String> allowedHosts) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password == null ? "" : password;
        this.allowedHosts = List.copyOf(allowedHosts);
    }

    public static DbTarget of(EmbeddedDatabase db) {
        return new DbTarget(db.jdbcUrl(), db.user(), db.password(), LOOPBACK);
    }

    /**
     * From the {@code db} section (url, user, allowedHosts); the password only from the environment
     * (SALERUSH_DB_PASSWORD, else PGPASSWORD).
     */
    public static DbTarget fromConfig(Config db, String urlOverride, String userOverride) {
        String url = urlOverride != null ? urlOverride : db.getString("url");
        String user = userOverride != null ? userOverride : db.getString("user");
        return new DbTarget(url, user, passwordFromEnv(), db.getStringList("allowedHosts"));
    }

    public static String passwordFromEnv() {
        String p = System.getenv("SALERUSH_DB_PASSWORD");
        if (p == null || p.isEmpty()) {
            p = System.getenv("PGPASSWORD");
        }
        return p == null ? "" : p;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public List<String> allowedHosts() {
        return allowedHosts;
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "salerush-seeder");
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** The URL with secrets masked. */
    public String describe() {
        return JdbcUrls.mask(jdbcUrl) + " (user " + user + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
