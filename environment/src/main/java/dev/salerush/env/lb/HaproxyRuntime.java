package dev.salerush.env.lb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A client of HAProxy's runtime API ({@code stats socket ipv4@127.0.0.1:<port> level admin}): one command per TCP
 * connection (send the line, read until HAProxy closes). Server names are those of backend
 * {@value HaproxyConfig#BACKEND}. A command HAProxy refuses throws {@link RuntimeApiException} with its answer.
 */
public final class HaproxyRuntime {

    /** The administrative state of a server: taking traffic, finishing its sessions only, or out. */
    public enum AdminState {
        READY, DRAIN, MAINT
    }

    /** A server's state as {@code show stat} reports it (first word of its {@code status} column). */
    public enum Status {
        UP, DOWN, MAINT, DRAIN, NOLB, NO_CHECK, OTHER;

        static Status parse(String raw) {
            String s = raw == null ? "" : raw.trim();
            if (s.equalsIgnoreCase("no check")) {
                return NO_CHECK;
            }
            String first = s.split("[ (]", 2)[0];
            for (Status v : values()) {
                if (v.name().equals(first)) {
                    return v;
                }
            }
            return OTHER;
        }
    }

    /**
     * One server's line of {@code show stat}.
     *
     * @param status        {@link Status} of {@code rawStatus}; "UP 1/2" (going down) is still UP
     * @param rawStatus     the {@code status} column as HAProxy wrote it
     * @param checkStatus   last health check result, e.g. {@code L7OK}, {@code L4CON}, {@code L7STS} (without the
     *                      "* " HAProxy puts before it while the next check runs)
     * @param sessions      current sessions ({@code scur})
     * @param totalSessions sessions since start ({@code stot})
     * @param http5xx       5xx answers of this server ({@code hrsp_5xx})
     * @param weight        effective weight (0 while drained; ramps up during slow start)
     * @param downs         UP to DOWN transitions ({@code chkdown}), by checks or {@code observe}
     */
    public record ServerStat(String name, Status status, String rawStatus, String checkStatus, long sessions,
                             long totalSessions, long http5xx, int weight, long downs) {
    }

    /** HAProxy answered a command with an error. */
    public static final class RuntimeApiException extends RuntimeException {
        public RuntimeApiException(String message) {
            super(message);
        }

        public RuntimeApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int TIMEOUT_MS = 5_000;

    private final int port;
    private final String serverOptions;

    /**
     * @param port          the runtime API port on 127.0.0.1
     * @param serverOptions the options a server added at run time gets ({@link HaproxyConfig#serverOptions})
     */
    public HaproxyRuntime(int port, String serverOptions) {
        this.port = port;
        this.serverOptions = serverOptions;
    }

    public int port() {
        return port;
    }

    /** Sends one command and returns HAProxy's whole answer. */
    public String execute(String command) {
        if (command.contains("\n")) {
            throw new IllegalArgumentException("one command per call: " + command);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuntimeApiException("load balancer (HAProxy) runtime API on 127.0.0.1:" + port + " failed for '"
                    + command + "': " + e, e);
        }
    }

    /** {@code set server shop/<server> state ready|drain|maint}. */
    public void setState(String server, AdminState state) {
        expectEmpty("set server " + qualified(server) + " state " + state.name().toLowerCase());
    }

    /** {@code set server shop/<server> weight <weight>} (0..256). */
    public void setWeight(String server, int weight) {
        expectEmpty("set server " + qualified(server) + " weight " + weight);
    }

    /** {@code set server shop/<server> addr 127.0.0.1 port <port>}: the same slot, another process. */
    public void setAddress(String server, int port) {
        String answer = execute("set server " + qualified(server) + " addr 127.0.0.1 port " + port).trim();
        if (!answer.isEmpty() && !answer.startsWith("IP changed") && !answer.startsWith("no need to change")
                && !answer.contains("port changed")) {
            throw refused("set server " + qualified(server) + " addr", answer);
        }
    }

    /**
     * Adds {@code server <name> 127.0.0.1:<port>} to the backend with the configured options, enables its health
     * check and sets it ready (in HAProxy 2.6 a dynamic server starts in maintenance with checks off). It takes
     * traffic once its checks pass (it starts UP) and ramps up during slow start.
     */
    public void addServer(String name, int port) {
        new HaproxySettings.Server(name, port); // validates name and port
        String answer = execute("add server " + qualified(name) + " 127.0.0.1:" + port + " " + serverOptions).trim();
        if (!answer.startsWith("New server registered")) {
            throw refused("add server " + qualified(name), answer);
        }
        expectEmpty("enable health " + qualified(name));
        setState(name, AdminState.READY);
    }

    /**
     * Removes a server: maintenance first, then waits (up to {@code timeout}) until it has no sessions left, then
     * {@code del server} (HAProxy refuses to delete a server that is not in maintenance or still has connections).
     */
    public void delServer(String name, Duration timeout) {
        setState(name, AdminState.MAINT);
        awaitServer(name, s -> s.sessions() == 0, timeout);
        String answer = "";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            answer = execute("del server " + qualified(name)).trim();
            if (answer.startsWith("Server deleted")) {
                return;
            }
            // Idle kept-alive connections may still be closing.
            if (System.nanoTime() > deadline) {
                throw refused("del server " + qualified(name), answer);
            }
            pause(50);
        }
    }

    /** The servers of the backend, from {@code show stat}. */
    public List<ServerStat> servers() {
        return parseStat(execute("show stat"));
    }

    public Optional<ServerStat> server(String name) {
        return servers().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Current sessions of a server ({@code scur}). */
    public long sessions(String name) {
        return server(name).orElseThrow(() -> new RuntimeApiException("no server " + qualified(name))).sessions();
    }

    /**
     * Polls {@code show stat} every 20 ms until the server satisfies {@code condition}; returns that stat.
     *
     * @throws RuntimeApiException not within {@code timeout}; the message has the last stat
     */
    public ServerStat awaitServer(String name, Predicate<ServerStat> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<ServerStat> last = Optional.empty();
        while (true) {
            last = server(name);
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            if (System.nanoTime() > deadline) {
                throw new RuntimeApiException("server " + qualified(name) + " did not reach the expected state within "
                        + timeout.toMillis() + " ms; last: " + last.map(Object::toString).orElse("absent"));
            }
            pause(20);
        }
    }

    /** Waits until {@code show stat} reports the server with this status. */
    public ServerStat awaitStatus(String name, Status status, Duration timeout) {
        return awaitServer(name, s -> s.status() == status, timeout);
    }

    /** The last check's result: HAProxy marks a check still running with a leading "* " ("* L4CON"). */
    static String checkResult(String checkStatus) {
        return checkStatus.startsWith("* ") ? checkStatus.substring(2) : checkStatus;
    }

    /** The server lines of backend {@value HaproxyConfig#BACKEND} in a {@code show stat} CSV. */
    static List<ServerStat> parseStat(String csv) {
        List<ServerStat> result = new ArrayList<>();
        String[] lines = csv.split("\n");
        Map<String, Integer> column = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("# ")) {
                String[] names = line.substring(2).split(",", -1);
                for (int i = 0; i < names.length; i++) {
                    column.put(names[i].trim(), i);
                }
                continue;
            }
            if (line.isBlank() || column.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String proxy = field(f, column, "pxname");
            String name = field(f, column, "svname");
            if (!HaproxyConfig.BACKEND.equals(proxy) || "BACKEND".equals(name) || "FRONTEND".equals(name)) {
                continue;
            }
            String raw = field(f, column, "status");
            result.add(new ServerStat(name, Status.parse(raw), raw, checkResult(field(f, column, "check_status")),
                    number(f, column, "scur"), number(f, column, "stot"), number(f, column, "hrsp_5xx"),
                    (int) number(f, column, "weight"), number(f, column, "chkdown")));
        }
        return result;
    }

    private static String field(String[] f, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        if (i == null) {
            throw new RuntimeApiException("show stat has no column " + name);
        }
        return i < f.length ? f[i].trim() : "";
    }

    private static long number(String[] f, Map<String, Integer> column, String name) {
        String v = field(f, column, name);
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }

    private void expectEmpty(String command) {
        String answer = execute(command).trim();
        if (!answer.isEmpty()) {
            throw refused(command, answer);
        }
    }

    private RuntimeApiException refused(String command, String answer) {
        return new RuntimeApiException("load balancer (HAProxy) refused '" + command + "': "
                + answer.replace('\n', ' ').trim());
    }

    private static String qualified(String server) {
        return HaproxyConfig.BACKEND + "/" + server;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeApiException("interrupted", e);
        }
    }
}
