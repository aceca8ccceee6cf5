package dev.salerush.env.lb;

import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.ExternalTool;
import dev.salerush.env.process.FreePorts;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.LaunchedProcess;
import dev.salerush.env.process.ProcessOptions;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy in front of the shop's instances, as a child process ({@code haproxy -W -db -f <cfg>}: master-worker, in
 * the foreground) with its output appended to the log file of the {@link ProcessOptions}.
 *
 * <p>{@link #start}: writes the {@link HaproxyConfig} next to the log file ({@code <log name>.cfg}), has HAProxy check
 * it ({@code haproxy -c -f}), checks the three ports are free, starts it and returns when {@code /healthz} on the
 * metrics port answers 200 (every listener is bound by then). Ports 0 in the settings are picked (and picked again
 * if another process takes one first).
 *
 * <p>Orphan safety: HAProxy does not watch its stdin, so it is started through a tiny {@code sh} guard that
 * {@code exec}s into HAProxy (the JVM's child is the HAProxy master itself) after forking a watcher that reads the
 * stdin pipe and sends the master SIGTERM at EOF. The parent JVM holds the pipe's other end; when it dies, even by
 * SIGKILL, the kernel closes it and the master stops its worker and exits. (A worker whose master dies exits by
 * itself as well.)
 *
 * <p>{@link #close}: SIGTERM to the master (it stops the worker), SIGKILL after 5 s, the worker and the watcher
 * killed if still there, then waits until the three ports are free. Idempotent.
 */
public final class HaproxyProcess extends LaunchedProcess<HaproxySettings> {

    /** How HAProxy failures name the part in messages. */
    public static final String PART = "load balancer (HAProxy)";

    /**
     * {@code $0} is HAProxy, {@code "$@"} its arguments. The watcher reads a duplicate of stdin (fd 3): a background
     * list of a non-interactive shell gets /dev/null as stdin. {@code $$} in the subshell is the shell's pid, which
     * becomes HAProxy's with {@code exec}.
     */
    static final String GUARD = "exec 3<&0; (cat <&3 >/dev/null; kill -TERM $$ 2>/dev/null) & exec \"$0\" \"$@\"";

    private static final Pattern BIND_FAILURE =
            Pattern.compile("cannot bind socket \\(([^)]*)\\)[^\\[]*\\[127\\.0\\.0\\.1:(\\d+)]");
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Path configFile;
    private final HaproxyRuntime runtime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HaproxyProcess(ChildProcess child, HaproxySettings settings, Path configFile) {
        super(child, settings);
        this.configFile = configFile;
        this.runtime = new HaproxyRuntime(settings.runtimePort(), HaproxyConfig.serverOptions(settings));
    }

    /** {@link #start(HaproxySettings, ProcessOptions, Path)} with haproxy from {@link ExternalTool#HAPROXY}. */
    public static HaproxyProcess start(HaproxySettings settings, ProcessOptions options) {
        return start(settings, options, ExternalTool.HAPROXY.locate());
    }

    /**
     * Starts HAProxy and waits until it is ready. Only the log file and startup timeout of {@code options} apply.
     *
     * @param haproxy the executable (see {@link ExternalTool#HAPROXY})
     * @throws LaunchException the configuration was rejected, a port is taken, or HAProxy exited or did not become
     *                         ready; the message names {@value #PART} and the cause, and no process is left
     */
    public static HaproxyProcess start(HaproxySettings settings, ProcessOptions options, Path haproxy) {
        LaunchException last = null;
        for (int attempt = 1; attempt <= (settings.picksPorts() ? PORT_ATTEMPTS : 1); attempt++) {
            HaproxySettings effective = settings.resolvePorts(pick(Set.of()), 0, 0);
            effective = effective.resolvePorts(0, pick(Set.of(effective.frontendPort())), 0);
            effective = effective.resolvePorts(0, 0,
                    pick(Set.of(effective.frontendPort(), effective.runtimePort())));
            try {
                return startOn(effective, options, haproxy);
            } catch (PortTaken e) {
                last = e;
            }
        }
        throw last;
    }

    /** A port of the load balancer is in use by another process. */
    static final class PortTaken extends LaunchException {
        PortTaken(String message) {
            super(message);
        }
    }

    private static HaproxyProcess startOn(HaproxySettings s, ProcessOptions options, Path haproxy) {
        Path configFile = configFileFor(options.logFile());
        try {
            Files.createDirectories(configFile.toAbsolutePath().getParent());
            Files.writeString(configFile, HaproxyConfig.render(s), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException(PART + ": cannot write its configuration " + configFile + ": " + e, e);
        }
        validate(haproxy, configFile);
        for (int port : new int[] {s.frontendPort(), s.runtimePort(), s.metricsPort()}) {
            if (!FreePorts.isFree(port)) {
                throw portTaken(s, port, "in use by another process");
            }
        }
        List<String> command = List.of("/bin/sh", "-c", GUARD, haproxy.toString(), "-W", "-db", "-f",
                configFile.toAbsolutePath().toString());
        ChildProcess child;
        try {
            child = ChildProcess.start(PART, command, Map.of(), options.logFile(), s.frontendPort(),
                    URI.create("http://127.0.0.1:" + s.metricsPort() + HaproxyConfig.HEALTHZ),
                    options.startupTimeout(), tail -> false);
        } catch (LaunchException e) {
            Matcher m = BIND_FAILURE.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                throw portTaken(s, Integer.parseInt(m.group(2)), m.group(1));
            }
            throw e;
        }
        return new HaproxyProcess(child, s, configFile);
    }

    private static PortTaken portTaken(HaproxySettings s, int port, String why) {
        String part = s.partOnPort(port);
        return new PortTaken(PART + ": port " + port + (part == null ? "" : " (" + part + ")")
                + " on 127.0.0.1 is already taken (" + why + ")");
    }

    /**
     * {@code haproxy -c -f <cfg>}.
     *
     * @throws LaunchException rejected: one line naming {@value #PART}, the file and HAProxy's first alert
     */
    static void validate(Path haproxy, Path configFile) {
        Process check;
        try {
            check = new ProcessBuilder(haproxy.toString(), "-c", "-f", configFile.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new LaunchException(PART + ": cannot run " + haproxy + " -c: " + e.getMessage(), e);
        }
        String output;
        try {
            output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(15, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                throw new LaunchException(PART + ": '" + haproxy + " -c' did not finish within 15 s");
            }
        } catch (IOException e) {
            throw new LaunchException(PART + ": cannot read the output of " + haproxy + " -c: " + e, e);
        } catch (InterruptedException e) {
            check.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LaunchException(PART + ": interrupted while checking its configuration", e);
        }
        if (check.exitValue() != 0) {
            throw new LaunchException(PART + " rejected its configuration " + configFile + ": "
                    + firstAlert(output));
        }
    }

    /** The first {@code [ALERT]} line of HAProxy's output without its prefix, else its first non-empty line. */
    static String firstAlert(String output) {
        String firstLine = null;
        for (String line : output.split("\n")) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (firstLine == null) {
                firstLine = t;
            }
            if (t.startsWith("[ALERT]")) {
                return t.replaceFirst("^\\[ALERT]\\s*\\(\\d+\\)\\s*:\\s*", "");
            }
        }
        return firstLine == null ? "(no output)" : firstLine;
    }

    static Path configFileFor(Path logFile) {
        String name = logFile.getFileName().toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        Path dir = logFile.toAbsolutePath().getParent();
        return dir.resolve(stem + ".cfg");
    }

    private static int pick(Set<Integer> avoid) {
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.pick();
            if (!avoid.contains(port)) {
                return port;
            }
        }
        throw new LaunchException(PART + ": cannot find distinct free ports");
    }

    /** The runtime API client of this process (runtime port, the servers' options for {@code add server}). */
    public HaproxyRuntime runtime() {
        return runtime;
    }

    /** {@code http://127.0.0.1:<metricsPort>/metrics}: the Prometheus exporter. */
    public String metricsUrl() {
        return "http://127.0.0.1:" + settings().metricsPort() + HaproxyConfig.METRICS;
    }

    /** The generated configuration file. */
    public Path configFile() {
        return configFile;
    }

    /** The master and the worker(s) and the guard's watcher: everything below the JVM's child, the child first. */
    public List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle master = processHandle();
        tree.add(master);
        master.descendants().forEach(tree::add);
        return tree;
    }

    /** SIGKILL to the master and everything below it (a crash drill); {@link #close} is still safe afterwards. */
    @Override
    public void kill() {
        List<ProcessHandle> below = processHandle().descendants().toList();
        super.kill();
        below.forEach(ProcessHandle::destroyForcibly);
        awaitGone(below, GRACE);
    }

    @Override
    public synchronized void close() {
        // synchronized: a second caller (cleanup and a shutdown hook at once) returns only when the first is done
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ProcessHandle> below = processHandle().descendants().toList();
        super.close(); // SIGTERM to the master, SIGKILL after 5 s, stdin closed, frontend port free
        if (!awaitGone(below, GRACE)) {
            below.forEach(ProcessHandle::destroyForcibly);
            awaitGone(below, GRACE);
        }
        HaproxySettings s = settings();
        for (int port : new int[] {s.frontendPort(), s.runtimePort(), s.metricsPort()}) {
            FreePorts.awaitFree(port, GRACE);
        }
    }

    private static boolean awaitGone(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Long> left = new HashSet<>();
        for (ProcessHandle h : handles) {
            if (h.isAlive()) {
                left.add(h.pid());
            }
        }
        while (!left.isEmpty()) {
            left.removeIf(pid -> handles.stream().filter(h -> h.pid() == pid).noneMatch(ProcessHandle::isAlive));
            if (left.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
