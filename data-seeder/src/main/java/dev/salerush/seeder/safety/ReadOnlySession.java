package dev.salerush.seeder.safety;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection for the commands that read a production replica (profile, plan-record): read-only at the driver
 * and for the whole session, verified with {@code SHOW transaction_read_only} before the first query. Such commands
 * may target hosts outside db.allowedHosts because nothing can be written through this connection.
 */
public final class ReadOnlySession {

    /** Printed by the commands before they read anything. */
    public static final String NOTICE = "read-only session (SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY, "
            + "verified transaction_read_only = on): nothing will be written to ";

    private ReadOnlySession() {
    }

    /**
     * Makes a freshly opened connection read-only and returns it, or closes it and refuses.
     *
     * @param target the database as printed (password masked)
     */
    public static Connection readOnly(Connection c, String target) throws SQLException {
        try {
            c.setReadOnly(true);
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            requireReadOnly(showReadOnly(c), target);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    static String showReadOnly(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW transaction_read_only")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Pure decision on the server's answer: anything but "on" is refused. */
    public static void requireReadOnly(String transactionReadOnly, String target) {
        if (!"on".equals(transactionReadOnly)) {
            throw new SafetyException("refused: could not make the session on " + target + " read-only "
                    + "(transaction_read_only = " + transactionReadOnly + "); this command only ever reads, and "
                    + "will not run on a connection that could write.");
        }
    }
}
