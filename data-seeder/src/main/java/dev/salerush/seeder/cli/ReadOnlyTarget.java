package dev.salerush.seeder.cli;

import com.typesafe.config.Config;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.SeederException;
import dev.salerush.seeder.config.SalerushConfig;
import dev.salerush.seeder.safety.JdbcUrls;
import dev.salerush.seeder.safety.ReadOnlySession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options of the commands that only read a database (profile, plan-record), meant for a production replica: its
 * host need not be in db.allowedHosts, because the session is made read-only (see ReadOnlySession).
 */
final class ReadOnlyTarget {

    @Option(names = "--db-url", required = true, paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL of the database to read (e.g. a read-only production replica)")
    String dbUrl;

    @Option(names = "--user", description = "database user (default db.user); the password is read only from "
            + "SALERUSH_DB_PASSWORD or PGPASSWORD")
    String user;

    @Option(names = "--config", paramLabel = "FILE", description = "HOCON config for db.user (default: "
            + "the packaged defaults and salerush.conf or conf/salerush.conf in the working directory)")
    Path config;

    /** Validates the options before any connection is made. */
    DbTarget resolve(CommandLine cl) {
        try {
            JdbcUrls.parse(dbUrl);
        } catch (IllegalArgumentException e) {
            throw SeederCli.invalidOption(cl, "--db-url", e.getMessage()
                    + " (allowed: jdbc:postgresql://host[:port]/database)");
        }
        String name = user;
        if (name == null) {
            Config conf;
            try {
                conf = SalerushConfig.load(config);
            } catch (RuntimeException e) {
                throw SeederCli.invalidOption(cl, "--config", e.getMessage());
            }
            name = conf.getString("db.user");
        }
        // Host list irrelevant: this target is only ever opened read-only.
        return new DbTarget(dbUrl, name, DbTarget.passwordFromEnv(), List.of());
    }

    /**
     * Opens the target read-only (see {@link ReadOnlySession}) and says so; a server that cannot be reached is one
     * line naming it (exit 1), not a driver stack.
     */
    static Connection open(DbTarget target, PrintWriter stdout) throws SQLException {
        Connection c;
        try {
            c = target.connect();
        } catch (SQLException e) {
            throw new SeederException("cannot connect to " + target.describe() + ": " + e.getMessage(), e);
        }
        Connection readOnly = ReadOnlySession.readOnly(c, target.describe());
        stdout.println(ReadOnlySession.NOTICE + target.describe());
        return readOnly;
    }

    /** A usage error unless {@code file} can be written: a file name whose directory exists. */
    static void requireWritableFile(CommandLine cl, String option, Path file) {
        if (file.toString().isBlank() || Files.isDirectory(file)) {
            throw SeederCli.invalidOption(cl, option, "'" + file + "' is not a file name");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw SeederCli.invalidOption(cl, option, "directory of " + file + " does not exist");
        }
    }

    /** Writes through a temporary file in the same directory, so a failure leaves no half-written output. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
