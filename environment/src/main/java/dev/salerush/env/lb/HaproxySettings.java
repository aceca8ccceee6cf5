package dev.salerush.env.lb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the load balancer runs with. Every listener binds 127.0.0.1 only; port 0 means "pick a free port at start"
 * ({@link HaproxyProcess#settings()} then has the real ports).
 *
 * @param frontendPort   where the load goes: the {@code shop} frontend
 * @param runtimePort    the runtime API ({@code stats socket ... level admin}), see {@link HaproxyRuntime}
 * @param metricsPort    the Prometheus exporter ({@code /metrics}) and the readiness URI ({@code /healthz})
 * @param servers        the initial servers of backend {@value HaproxyConfig#BACKEND}; more can be added at run time
 * @param checks         health checks and passive (live-traffic) error detection
 * @param slowStart      ramp-up of a server that comes back up; {@link Duration#ZERO} = none
 * @param retries        how often a failed attempt is retried ({@code retries})
 * @param retryOn        the {@code retry-on} conditions; POST requests are never retried after they were sent
 * @param maxConn        process-wide {@code maxconn} (and the frontend's)
 * @param serverMaxConn  per-server {@code maxconn}; excess requests queue in HAProxy
 * @param connectTimeout {@code timeout connect}
 * @param clientTimeout  {@code timeout client}
 * @param serverTimeout  {@code timeout server}
 * @param extraBackendLines verbatim lines appended to the backend section (drills; not validated here, HAProxy's own
 *                       check rejects nonsense at start)
 */
public record HaproxySettings(int frontendPort, int runtimePort, int metricsPort, List<Server> servers,
                              HealthChecks checks, Duration slowStart, int retries, List<String> retryOn,
                              int maxConn, int serverMaxConn, Duration connectTimeout, Duration clientTimeout,
                              Duration serverTimeout, List<String> extraBackendLines) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    /** One server of the backend: {@code server <name> 127.0.0.1:<port>}. */
    public record Server(String name, int port) {
        public Server {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("server name must match " + NAME + ", got '" + name + "'");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("server " + name + ": port must be 1..65535, got " + port);
            }
        }
    }

    /**
     * Active health checks ({@code GET path}, 200 = healthy) and passive detection on live traffic: after
     * {@code errorLimit} consecutive errors ({@code observe layer7}: 5xx answers, resets) the server is marked down
     * even while its health URL is green; the active checks bring it back.
     */
    public record HealthChecks(String path, Duration interval, Duration fastInterval, Duration downInterval,
                               int fall, int rise, int errorLimit) {
        public HealthChecks {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '"')) {
                throw new IllegalArgumentException("health path must start with / and have no spaces, got " + path);
            }
            positive("check interval", interval);
            positive("fast check interval", fastInterval);
            positive("down check interval", downInterval);
            if (fall < 1 || rise < 1 || errorLimit < 1) {
                throw new IllegalArgumentException("fall, rise and errorLimit must be >= 1");
            }
        }

        /** {@code /health} every 500 ms (200 ms while changing state), down after 2 failures, up after 2 passes. */
        public static HealthChecks drillSpeed() {
            return new HealthChecks("/health", Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(500),
                    2, 2, 5);
        }

        public HealthChecks withErrorLimit(int limit) {
            return new HealthChecks(path, interval, fastInterval, downInterval, fall, rise, limit);
        }

        public HealthChecks withPath(String newPath) {
            return new HealthChecks(newPath, interval, fastInterval, downInterval, fall, rise, errorLimit);
        }
    }

    public HaproxySettings {
        port("frontend", frontendPort);
        port("runtime API", runtimePort);
        port("metrics", metricsPort);
        servers = List.copyOf(servers);
        Set<String> names = new HashSet<>();
        for (Server s : servers) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("duplicate server name " + s.name());
            }
        }
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(slowStart, "slowStart");
        if (slowStart.isNegative()) {
            throw new IllegalArgumentException("slowStart must not be negative");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
        retryOn = List.copyOf(retryOn);
        if (retryOn.isEmpty()) {
            throw new IllegalArgumentException("retryOn must name at least one condition, e.g. conn-failure");
        }
        if (maxConn < 1 || serverMaxConn < 1) {
            throw new IllegalArgumentException("maxConn and serverMaxConn must be >= 1");
        }
        positive("connect timeout", connectTimeout);
        positive("client timeout", clientTimeout);
        positive("server timeout", serverTimeout);
        extraBackendLines = List.copyOf(extraBackendLines);
        Set<Integer> fixed = new HashSet<>();
        for (int p : new int[] {frontendPort, runtimePort, metricsPort}) {
            if (p != 0 && !fixed.add(p)) {
                throw new IllegalArgumentException("frontend, runtime API and metrics need three different ports, got "
                        + frontendPort + ", " + runtimePort + ", " + metricsPort);
            }
        }
    }

    /**
     * Free ports picked at start, drill-speed checks, 5 s slow start, 2 retries on connection failures and empty
     * responses (never for POST), maxconn 4096 (500 per server), timeouts connect 1 s / client 10 s / server 10 s.
     */
    public static HaproxySettings defaults(List<Server> servers) {
        return new HaproxySettings(0, 0, 0, servers, HealthChecks.drillSpeed(), Duration.ofSeconds(5), 2,
                List.of("conn-failure", "empty-response"), 4096, 500, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(10), List.of());
    }

    public HaproxySettings withPorts(int frontend, int runtime, int metrics) {
        return new HaproxySettings(frontend, runtime, metrics, servers, checks, slowStart, retries, retryOn, maxConn,
                serverMaxConn, connectTimeout, clientTimeout, serverTimeout, extraBackendLines);
    }

    public HaproxySettings withServers(List<Server> newServers) {
        return new HaproxySettings(frontendPort, runtimePort, metricsPort, newServers, checks, slowStart, retries,
                retryOn, maxConn, serverMaxConn, connectTimeout, clientTimeout, serverTimeout, extraBackendLines);
    }

    public HaproxySettings withChecks(HealthChecks newChecks) {
        return new HaproxySettings(frontendPort, runtimePort, metricsPort, servers, newChecks, slowStart, retries,
                retryOn, maxConn, serverMaxConn, connectTimeout, clientTimeout, serverTimeout, extraBackendLines);
    }

    public HaproxySettings withSlowStart(Duration newSlowStart) {
        return new HaproxySettings(frontendPort, runtimePort, metricsPort, servers, checks, newSlowStart, retries,
                retryOn, maxConn, serverMaxConn, connectTimeout, clientTimeout, serverTimeout, extraBackendLines);
    }

    public HaproxySettings withRetries(int newRetries, List<String> newRetryOn) {
        return new HaproxySettings(frontendPort, runtimePort, metricsPort, servers, checks, slowStart, newRetries,
                newRetryOn, maxConn, serverMaxConn, connectTimeout, clientTimeout, serverTimeout, extraBackendLines);
    }

    public HaproxySettings withMaxConn(int newMaxConn, int newServerMaxConn) {
        return new HaproxySettings(frontendPort, runtimePort, metricsPort, servers, checks, slowStart, retries,
                retryOn, newMaxConn, newServerMaxConn, connectTimeout, clientTimeout, serverTimeout,
                extraBackendLines);
    }

    public HaproxySettings withTimeouts(Duration connect, Duration client, Duration server) {
        return new HaproxySettings(frontendPort, runtimePort, metricsPort, servers, checks, slowStart, retries,
                retryOn, maxConn, serverMaxConn, connect, client, server, extraBackendLines);
    }

    public HaproxySettings withExtraBackendLines(List<String> lines) {
        return new HaproxySettings(frontendPort, runtimePort, metricsPort, servers, checks, slowStart, retries,
                retryOn, maxConn, serverMaxConn, connectTimeout, clientTimeout, serverTimeout, lines);
    }

    /** Ports still 0 replaced by the given ones. */
    HaproxySettings resolvePorts(int frontend, int runtime, int metrics) {
        return withPorts(frontendPort == 0 ? frontend : frontendPort, runtimePort == 0 ? runtime : runtimePort,
                metricsPort == 0 ? metrics : metricsPort);
    }

    boolean picksPorts() {
        return frontendPort == 0 || runtimePort == 0 || metricsPort == 0;
    }

    /** The part that listens on a port: "frontend", "runtime API" or "metrics"; null if none. */
    String partOnPort(int port) {
        List<String> parts = new ArrayList<>();
        if (port == frontendPort) {
            parts.add("frontend");
        }
        if (port == runtimePort) {
            parts.add("runtime API");
        }
        if (port == metricsPort) {
            parts.add("metrics");
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    private static void port(String what, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(what + " port must be 0..65535, got " + port);
        }
    }

    private static void positive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
