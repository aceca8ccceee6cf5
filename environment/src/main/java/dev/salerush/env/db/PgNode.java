package dev.salerush.env.db;

import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.embedded.PgBinaries;
import dev.salerush.seeder.process.SuiteProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One PostgreSQL server of the cluster, run with zonky's binaries through {@code pg_ctl} (under {@code unshare -U}
 * as zonky does) so that it can be crashed, fenced and stopped without zonky's own bookkeeping in the way.
 */
final class PgNode {

    private final String name;
    private final PgBinaries bin;
    private final Path dataDir;
    private final Path logFile;
    private volatile int port;
    private volatile boolean fenced;

    PgNode(String name, PgBinaries bin, Path dataDir, Path logFile) {
        this.name = name;
        this.bin = bin;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    boolean fenced() {
        return fenced;
    }

    String url() {
        return ClusterUrls.single("127.0.0.1", port, EmbeddedDatabase.DATABASE);
    }

    /** Appends the settings to postgresql.auto.conf (which wins over postgresql.conf) and starts the server. */
    void start(int port, Map<String, String> settings, Duration timeout) {
        this.port = port;
        StringBuilder sb = new StringBuilder("\n# salerush cluster node '" + name + "'\n");
        settings.forEach((k, v) -> sb.append(k).append(" = '").append(v.replace("'", "''")).append("'\n"));
        sb.append("port = '").append(port).append("'\n");
        try {
            Files.writeString(dataDir.resolve("postgresql.auto.conf"), sb, StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DatabaseClusterException("the " + name + " could not start: cannot write its settings: " + e, e);
        }
        pgCtlStart(timeout, "did not start");
    }

    /**
     * Starts the server again on its port with the settings it was first started with (they are in its
     * postgresql.auto.conf), e.g. after a crash: {@code pg_ctl -w} returns once crash recovery is done.
     */
    void restart(Duration timeout) {
        pgCtlStart(timeout, "did not start again");
    }

    /** {@code pg_ctl start}, waiting until the server accepts connections; {@code failed} words the error. */
    private void pgCtlStart(Duration timeout, String failed) {
        long secs = Math.max(1, timeout.toSeconds());
        PgBinaries.Result r = bin.run("pg_ctl", List.of("-D", dataDir.toString(), "-l", logFile.toString(),
                "-w", "-t", Long.toString(secs), "start"), timeout.plusSeconds(10));
        if (!r.ok()) {
            throw new DatabaseClusterException("the " + name + " (127.0.0.1:" + port + ") " + failed + ": "
                    + r.output().strip() + describeLog());
        }
    }

    /** The last lines of the server log, for error messages. */
    String describeLog() {
        String tail = logTail(12);
        return tail.isEmpty() ? "" : "; its server log (" + logFile + ") ends with:\n" + tail;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(l -> "  " + l).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "";
        }
    }

    boolean logMentions(String text) {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The postmaster's pid from line 1 of postmaster.pid, if the file is there. */
    Optional<Long> pid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    Optional<ProcessHandle> postmaster() {
        return pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    boolean running() {
        return postmaster().isPresent();
    }

    Connection connect(int timeoutSeconds) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedDatabase.USER);
        p.setProperty("password", EmbeddedDatabase.PASSWORD);
        p.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("socketTimeout", Integer.toString(Math.max(5, timeoutSeconds)));
        return DriverManager.getConnection(url(), p);
    }

    /**
     * Immediate stop, as a crash: SIGQUIT to the postmaster, which SIGQUITs its children and exits without a
     * checkpoint (the next start would need crash recovery). Waits until the postmaster and its children are gone.
     */
    void crash(Duration timeout) {
        ProcessHandle pm = postmaster().orElseThrow(() ->
                new DatabaseClusterException("cannot crash the " + name + ": it is not running"));
        List<ProcessHandle> children = pm.descendants().collect(Collectors.toList());
        signal(pm.pid(), "QUIT");
        awaitExit(pm, children, timeout);
    }

    /**
     * Makes sure this data directory can never be started again (so a crashed primary cannot come back as a second
     * primary): pg_control is renamed, and postgres refuses to start without it.
     */
    void fence() {
        fenced = true;
        Path control = dataDir.resolve("global/pg_control");
        try {
            if (Files.exists(control)) {
                Files.move(control, control.resolveSibling("pg_control.fenced"));
            }
        } catch (IOException e) {
            throw new DatabaseClusterException("cannot fence the " + name + " (rename " + control + "): " + e, e);
        }
    }

    /** Fast shutdown; escalates to SIGQUIT, then SIGKILL of the postmaster and its children. Never throws. */
    void stop() {
        Optional<ProcessHandle> pm = postmaster();
        if (pm.isEmpty()) {
            return;
        }
        List<ProcessHandle> children = pm.get().descendants().collect(Collectors.toList());
        bin.run("pg_ctl", List.of("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "10", "stop"),
                Duration.ofSeconds(15));
        if (pm.get().isAlive()) {
            signal(pm.get().pid(), "QUIT");
        }
        awaitExit(pm.get(), children, Duration.ofSeconds(10));
    }

    private static void signal(long pid, String signal) {
        try {
            Process p = SuiteProcesses.builder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // fall through to the exit wait, which escalates to SIGKILL
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitExit(ProcessHandle pm, List<ProcessHandle> children, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pm.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                pm.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                try {
                    pm.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // best effort
                }
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return name + "@127.0.0.1:" + port;
    }
}
