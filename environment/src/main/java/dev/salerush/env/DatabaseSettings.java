package dev.salerush.env;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The database the seeder fills and the suite reads. An empty URL means the embedded PostgreSQL.
 * {@link #toString()} never shows the password.
 *
 * @param writeHosts hosts the seeder may write to (db.allowedHosts)
 * @param readHosts  hosts the suite may read during a run: ids, order integrity, database activity (db.readHosts)
 */
public record DatabaseSettings(String url, String user, String password, List<String> writeHosts,
                               List<String> readHosts) {

    /** A database whose hosts may be both written and read (the embedded ones, on loopback). */
    public DatabaseSettings(String url, String user, String password, List<String> hosts) {
        this(url, user, password, hosts, hosts);
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    /**
     * A connection that cannot write, for the suite's reads of a target's database (ids, order integrity). Autocommit
     * goes off first: pgJDBC enforces read-only only inside a transaction, so with autocommit on even a
     * {@code DELETE ... RETURNING} in a configured query would run. The caller rolls back or closes.
     */
    public Connection openReadOnly() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", writeHosts=" + writeHosts + ", readHosts=" + readHosts + "]";
    }
}
