package dev.salerush.env;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The database the seeder fills. An empty URL means the embedded PostgreSQL.
 * {@link #toString()} never shows the password.
 */
public record DatabaseSettings(String url, String user, String password, List<String> allowedHosts) {

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
                + ", allowedHosts=" + allowedHosts + "]";
    }
}
