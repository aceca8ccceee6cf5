package dev.salerush.seeder.safety;

import dev.salerush.seeder.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Safety rules checked before the seeder writes anything: the host is allowed (db.allowedHosts), the server is
 * not a hot standby, and the database is empty or already the seeder's (carries the marker table).
 */
public final class TargetGuard {

    /** What the guard needs to know about a database. */
    public record DbFacts(boolean inRecovery, int publicUserTables, boolean hasMarker) {
    }

    private TargetGuard() {
    }

    /** Every host of the URL must be in allowedHosts (case-insensitive; IPv6 with or without brackets). */
    public static void checkHosts(String jdbcUrl, List<String> allowedHosts) {
        checkHosts(jdbcUrl, allowedHosts, "db.allowedHosts", "this database may be overwritten");
    }

    /** Before the suite reads a database during a run: every host of the URL must be in readHosts (db.readHosts). */
    public static void checkReadHosts(String jdbcUrl, List<String> readHosts) {
        checkHosts(jdbcUrl, readHosts, "db.readHosts", "the suite may read this database during a run");
    }

    private static void checkHosts(String jdbcUrl, List<String> hosts, String key, String purpose) {
        JdbcUrls.Parsed parsed = JdbcUrls.parse(jdbcUrl);
        for (JdbcUrls.HostPort hp : parsed.hosts()) {
            boolean allowed = hosts.stream().map(TargetGuard::normalizeHost).anyMatch(hp.host()::equals);
            if (!allowed) {
                throw new SafetyException("refused: host '" + hp.host() + "' of db.url " + JdbcUrls.mask(jdbcUrl)
                        + " is not in " + key + " " + hosts + ". Add it to " + key + " on purpose if " + purpose + ".");
            }
        }
    }

    static String normalizeHost(String h) {
        String s = h.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Pure decision on the facts; throws when the database must not be written. */
    public static void decide(DbFacts facts, String target) {
        if (facts.inRecovery()) {
            throw new SafetyException("refused: " + target + " is a hot standby (pg_is_in_recovery() = true); "
                    + "point db.url at a primary you may overwrite.");
        }
        if (facts.publicUserTables() > 0 && !facts.hasMarker()) {
            throw new SafetyException("refused: " + target + " has " + facts.publicUserTables()
                    + " table(s) in schema public but no " + Schema.MARKER_TABLE + " marker, so it is not a salerush "
                    + "database. Use an empty database (or an embedded one: leave db.url empty / --embedded).");
        }
    }

    /**
     * For seeding a team's existing schema: not a standby, and without the marker every table to be loaded (and
     * every table referencing one) must be empty; a freshly migrated, empty schema is fine.
     */
    public static void decideForSchema(DbFacts facts, String target, List<String> nonEmptyTables) {
        decide(new DbFacts(facts.inRecovery(), 0, facts.hasMarker()), target);
        if (!facts.hasMarker() && !nonEmptyTables.isEmpty()) {
            throw new SafetyException("refused: " + target + " has rows in " + nonEmptyTables + " but no "
                    + Schema.MARKER_TABLE + " marker, so they are not salerush's to replace. Use an empty schema "
                    + "(freshly migrated) or a database the seeder loaded before.");
        }
    }

    public static DbFacts readFacts(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery(), "
                     + "(SELECT count(*) FROM pg_tables WHERE schemaname = 'public'), "
                     + "to_regclass('public." + Schema.MARKER_TABLE + "') IS NOT NULL")) {
            rs.next();
            return new DbFacts(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3));
        }
    }

    /** Host check, then facts: call before writing anything. */
    public static void check(Connection c, String jdbcUrl, List<String> allowedHosts) throws SQLException {
        checkHosts(jdbcUrl, allowedHosts);
        decide(readFacts(c), JdbcUrls.mask(jdbcUrl));
    }
}
