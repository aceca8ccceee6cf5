package dev.salerush.env.lb;

import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.ExternalTool;
import dev.salerush.env.process.FreePorts;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.GuardedProcess;
import dev.salerush.env.process.ProcessOptions;
import dev.salerush.env.process.ToolCheck;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
public final class HaproxyProcess extends GuardedProcess<HaproxySettings> {

    /** How HAProxy failures name the part in messages. */
    public static final String PART = "load balancer (HAProxy)";

    private static final Pattern BIND_FAILURE =
            Pattern.compile("cannot bind socket \\(([^)]*)\\)[^\\[]*\\[127\\.0\\.0\\.1:(\\d+)]");
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Path configFile;
    private final HaproxyRuntime runtime;

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
        List<String> command = GuardedProcess.command(haproxy,
                List.of("-W", "-db", "-f", configFile.toAbsolutePath().toString()));
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
        ToolCheck check = ToolCheck.run(PART,
                List.of(haproxy.toString(), "-c", "-f", configFile.toAbsolutePath().toString()), Duration.ofSeconds(15));
        if (!check.passed()) {
            throw new LaunchException(PART + " rejected its configuration " + configFile + ": "
                    + firstAlert(check.output()));
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

    /** Waits until the runtime and metrics ports are free too (the frontend's is waited for by the child). */
    @Override
    protected void afterClose() {
        HaproxySettings s = settings();
        for (int port : new int[] {s.frontendPort(), s.runtimePort(), s.metricsPort()}) {
            FreePorts.awaitFree(port, GRACE);
        }
    }
}
