package dev.salerush.shop.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.Driver;

/**
 * Everything the demo shop process needs, read from {@code --key=value} arguments ({@link #fromArgs}) and written back
 * to them ({@link #toArgs}) by the launcher. The database password is deliberately not an argument (it would show in
 * {@code ps}): the shop reads it from the environment variable {@value #PASSWORD_ENV}.
 *
 * @param port              HTTP port on 127.0.0.1; 0 lets the server pick one (it is logged)
 * @param dbUrl             JDBC URL of PostgreSQL
 * @param dbUser            database user
 * @param dbPassword        database password (from {@value #PASSWORD_ENV}; never printed)
 * @param browsePoolSize    connections for brand/product browsing and /health
 * @param orderPoolSize     connections for ordering (held during the payment call)
 * @param gatewayUrl        base URL of the payment gateway, e.g. http://127.0.0.1:9090
 * @param gatewayConnectTimeout TCP connect timeout to the gateway
 * @param gatewayTimeout    whole-request timeout of one payment call
 * @param breaker           circuit breaker around the gateway
 * @param unsafeStockCheck  DELIBERATELY BROKEN: read stock with a plain SELECT, then write the computed value (lost
 *                          updates, oversell) - only for proving that the suite detects oversell
 * @param artificialDelay   DELIBERATELY SLOW: sleep this long in every /api request - for regression-gate tests
 * @param version           the version label and its deliberate behaviour
 * @param admission         admission control for /api/* and the pools' connection wait
 * @param parentPid         exit when this process is gone (set by the launcher); 0 = don't watch
 * @param exitOnStdinEof    exit when stdin reaches EOF (set by the launcher, which keeps the pipe open)
 */
public record ShopSettings(int port, String dbUrl, String dbUser, String dbPassword, int browsePoolSize,
                           int orderPoolSize, String gatewayUrl, Duration gatewayConnectTimeout,
                           Duration gatewayTimeout, BreakerSettings breaker, boolean unsafeStockCheck,
                           Duration artificialDelay, VersionSettings version, AdmissionSettings admission,
                           long parentPid, boolean exitOnStdinEof) {

    public static final String PASSWORD_ENV = "SALERUSH_DB_PASSWORD";

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DB_USER = "salerush";
    public static final int DEFAULT_BROWSE_POOL = 16;
    public static final int DEFAULT_ORDER_POOL = 8;
    public static final Duration DEFAULT_GATEWAY_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_GATEWAY_TIMEOUT = Duration.ofSeconds(2);

    private static final Set<String> KEYS = new LinkedHashSet<>(List.of(
            "port", "db-url", "db-user", "browse-pool-size", "order-pool-size",
            "gateway-url", "gateway-connect-timeout", "gateway-timeout",
            "breaker-window", "breaker-min-calls", "breaker-failure-rate", "breaker-slow-call",
            "breaker-slow-call-rate", "breaker-open-wait", "breaker-half-open-calls", "breaker-enabled",
            "unsafe-stock-check", "artificial-delay",
            "version", "behaviour", "slow-delay",
            "max-concurrent", "max-queued", "queue-wait", "pool-wait",
            "parent-pid", "exit-on-stdin-eof"));

    public ShopSettings {
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(admission, "admission");
        dbPassword = dbPassword == null ? "" : dbPassword;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (!dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("db url must start with jdbc:postgresql: (got " + dbUrl + ")");
        }
        // The driver's own parser: accepts multi-host failover URLs (host1:p1,host2:p2/db?targetServerType=primary).
        if (Driver.parseURL(dbUrl, null) == null) {
            throw new IllegalArgumentException("db url is not a valid PostgreSQL JDBC URL (got " + dbUrl
                    + "; e.g. jdbc:postgresql://127.0.0.1:5432/salerush or, for failover,"
                    + " jdbc:postgresql://127.0.0.1:5432,127.0.0.1:5433/salerush?targetServerType=primary)");
        }
        if (!gatewayUrl.startsWith("http://") && !gatewayUrl.startsWith("https://")) {
            throw new IllegalArgumentException("gateway url must be http(s)://host:port (got " + gatewayUrl + ")");
        }
        if (browsePoolSize < 1 || orderPoolSize < 1) {
            throw new IllegalArgumentException("pool sizes must be >= 1");
        }
        if (artificialDelay == null || artificialDelay.isNegative()) {
            throw new IllegalArgumentException("artificial delay must be >= 0");
        }
        if (gatewayConnectTimeout.isZero() || gatewayConnectTimeout.isNegative()
                || gatewayTimeout.isZero() || gatewayTimeout.isNegative()) {
            throw new IllegalArgumentException("gateway timeouts must be > 0");
        }
    }

    /** Settings with every default; the three required values given. */
    public static ShopSettings defaults(String dbUrl, String dbUser, String dbPassword, String gatewayUrl) {
        return new ShopSettings(DEFAULT_PORT, dbUrl, dbUser, dbPassword, DEFAULT_BROWSE_POOL, DEFAULT_ORDER_POOL,
                gatewayUrl, DEFAULT_GATEWAY_CONNECT_TIMEOUT, DEFAULT_GATEWAY_TIMEOUT, BreakerSettings.DEFAULTS,
                false, Duration.ZERO, VersionSettings.DEFAULTS, AdmissionSettings.DEFAULTS, 0, false);
    }

    public ShopSettings withPort(int newPort) {
        return copy(c -> c.port = newPort);
    }

    public ShopSettings withPools(int browse, int order) {
        return copy(c -> {
            c.browsePoolSize = browse;
            c.orderPoolSize = order;
        });
    }

    public ShopSettings withGatewayUrl(String url) {
        return copy(c -> c.gatewayUrl = url);
    }

    public ShopSettings withGatewayTimeouts(Duration connect, Duration request) {
        return copy(c -> {
            c.gatewayConnectTimeout = connect;
            c.gatewayTimeout = request;
        });
    }

    public ShopSettings withBreaker(BreakerSettings newBreaker) {
        return copy(c -> c.breaker = newBreaker);
    }

    public ShopSettings withUnsafeStockCheck(boolean unsafe) {
        return copy(c -> c.unsafeStockCheck = unsafe);
    }

    public ShopSettings withArtificialDelay(Duration delay) {
        return copy(c -> c.artificialDelay = delay);
    }

    public ShopSettings withVersion(VersionSettings newVersion) {
        return copy(c -> c.version = newVersion);
    }

    public ShopSettings withAdmission(AdmissionSettings newAdmission) {
        return copy(c -> c.admission = newAdmission);
    }

    public ShopSettings withParentWatch(long pid, boolean stdinEof) {
        return copy(c -> {
            c.parentPid = pid;
            c.exitOnStdinEof = stdinEof;
        });
    }

    /**
     * The delay every /api request sleeps: {@code --artificial-delay} plus what the version adds
     * ({@code --slow-delay} when {@code --behaviour=slow}). One sleep, not two.
     */
    public Duration apiDelay() {
        return artificialDelay.plus(version.addedDelay());
    }

    /** These settings with {@code change} applied; the record's checks run again. */
    private ShopSettings copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The mutable scratch copy behind the {@code withX} methods (one place that lists every component). */
    private static final class Copy {
        int port;
        String dbUrl;
        String dbUser;
        String dbPassword;
        int browsePoolSize;
        int orderPoolSize;
        String gatewayUrl;
        Duration gatewayConnectTimeout;
        Duration gatewayTimeout;
        BreakerSettings breaker;
        boolean unsafeStockCheck;
        Duration artificialDelay;
        VersionSettings version;
        AdmissionSettings admission;
        long parentPid;
        boolean exitOnStdinEof;

        Copy(ShopSettings s) {
            port = s.port;
            dbUrl = s.dbUrl;
            dbUser = s.dbUser;
            dbPassword = s.dbPassword;
            browsePoolSize = s.browsePoolSize;
            orderPoolSize = s.orderPoolSize;
            gatewayUrl = s.gatewayUrl;
            gatewayConnectTimeout = s.gatewayConnectTimeout;
            gatewayTimeout = s.gatewayTimeout;
            breaker = s.breaker;
            unsafeStockCheck = s.unsafeStockCheck;
            artificialDelay = s.artificialDelay;
            version = s.version;
            admission = s.admission;
            parentPid = s.parentPid;
            exitOnStdinEof = s.exitOnStdinEof;
        }

        ShopSettings build() {
            return new ShopSettings(port, dbUrl, dbUser, dbPassword, browsePoolSize, orderPoolSize, gatewayUrl,
                    gatewayConnectTimeout, gatewayTimeout, breaker, unsafeStockCheck, artificialDelay, version,
                    admission, parentPid, exitOnStdinEof);
        }
    }

    /**
     * Reads the settings from {@code --key=value} arguments; the password comes from {@code passwordFromEnv}.
     *
     * @throws IllegalArgumentException listing every bad or missing option
     */
    public static ShopSettings fromArgs(String[] args, String passwordFromEnv) {
        ArgsParser p = new ArgsParser(args, KEYS);
        int port = p.integer("port", DEFAULT_PORT, 0, 65535);
        String dbUrl = p.required("db-url");
        String dbUser = p.string("db-user", DEFAULT_DB_USER);
        int browse = p.integer("browse-pool-size", DEFAULT_BROWSE_POOL, 1, 500);
        int order = p.integer("order-pool-size", DEFAULT_ORDER_POOL, 1, 500);
        String gatewayUrl = p.required("gateway-url");
        Duration connect = p.duration("gateway-connect-timeout", DEFAULT_GATEWAY_CONNECT_TIMEOUT);
        Duration timeout = p.duration("gateway-timeout", DEFAULT_GATEWAY_TIMEOUT);
        BreakerSettings d = BreakerSettings.DEFAULTS;
        int window = p.integer("breaker-window", d.windowSize(), 1, 10_000);
        int minCalls = p.integer("breaker-min-calls", d.minimumCalls(), 1, 10_000);
        int failureRate = p.integer("breaker-failure-rate", d.failureRatePercent(), 1, 100);
        Duration slowCall = p.duration("breaker-slow-call", d.slowCallThreshold());
        int slowRate = p.integer("breaker-slow-call-rate", d.slowCallRatePercent(), 1, 100);
        Duration openWait = p.duration("breaker-open-wait", d.openWait());
        int halfOpen = p.integer("breaker-half-open-calls", d.halfOpenCalls(), 1, 1000);
        boolean breakerOn = p.flag("breaker-enabled", d.enabled());
        boolean unsafe = p.flag("unsafe-stock-check");
        Duration delay = p.duration("artificial-delay", Duration.ZERO);
        VersionSettings v = VersionSettings.DEFAULTS;
        String label = p.string("version", v.label());
        if (!VersionSettings.isValidLabel(label)) {
            p.problem("--version=" + label + " is not a valid label (" + VersionSettings.LABEL_RULE + ")");
        }
        String behaviourName = p.string("behaviour", v.behaviour().argName());
        Behaviour behaviour = Behaviour.fromArgName(behaviourName).orElse(null);
        if (behaviour == null) {
            p.problem("--behaviour=" + behaviourName + " is not one of " + String.join(", ", Behaviour.argNames()));
        }
        Duration slowDelay = p.duration("slow-delay", v.slowDelay());
        AdmissionSettings a = AdmissionSettings.DEFAULTS;
        int maxConcurrent = p.integer("max-concurrent", a.maxConcurrent(), 1, AdmissionSettings.MAX_LIMIT);
        int maxQueued = p.integer("max-queued", a.maxQueued(), 0, AdmissionSettings.MAX_LIMIT);
        Duration queueWait = p.duration("queue-wait", a.queueWait());
        Duration poolWait = p.duration("pool-wait", a.poolWait());
        if (poolWait.toMillis() < AdmissionSettings.MIN_POOL_WAIT_MS) {
            p.problem("--pool-wait=" + Durations.format(poolWait) + " is below Hikari's minimum of "
                    + AdmissionSettings.MIN_POOL_WAIT_MS + "ms");
        }
        long parentPid = p.longValue("parent-pid", 0);
        boolean stdinEof = p.flag("exit-on-stdin-eof");
        p.failOnProblems();
        try {
            BreakerSettings breaker = new BreakerSettings(window, minCalls, failureRate, slowCall, slowRate,
                    openWait, halfOpen, breakerOn);
            return new ShopSettings(port, dbUrl, dbUser, passwordFromEnv, browse, order, gatewayUrl, connect,
                    timeout, breaker, unsafe, delay, new VersionSettings(label, behaviour, slowDelay),
                    new AdmissionSettings(maxConcurrent, maxQueued, queueWait, poolWait), parentPid, stdinEof);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The arguments that {@link #fromArgs} reads back into these settings (without the password). */
    public List<String> toArgs() {
        List<String> a = new ArrayList<>();
        a.add("--port=" + port);
        a.add("--db-url=" + dbUrl);
        a.add("--db-user=" + dbUser);
        a.add("--browse-pool-size=" + browsePoolSize);
        a.add("--order-pool-size=" + orderPoolSize);
        a.add("--gateway-url=" + gatewayUrl);
        a.add("--gateway-connect-timeout=" + Durations.format(gatewayConnectTimeout));
        a.add("--gateway-timeout=" + Durations.format(gatewayTimeout));
        a.add("--breaker-window=" + breaker.windowSize());
        a.add("--breaker-min-calls=" + breaker.minimumCalls());
        a.add("--breaker-failure-rate=" + breaker.failureRatePercent());
        a.add("--breaker-slow-call=" + Durations.format(breaker.slowCallThreshold()));
        a.add("--breaker-slow-call-rate=" + breaker.slowCallRatePercent());
        a.add("--breaker-open-wait=" + Durations.format(breaker.openWait()));
        a.add("--breaker-half-open-calls=" + breaker.halfOpenCalls());
        if (!breaker.enabled()) {
            a.add("--breaker-enabled=false");
        }
        if (unsafeStockCheck) {
            a.add("--unsafe-stock-check");
        }
        if (!artificialDelay.isZero()) {
            a.add("--artificial-delay=" + Durations.format(artificialDelay));
        }
        a.add("--version=" + version.label());
        a.add("--behaviour=" + version.behaviour().argName());
        a.add("--slow-delay=" + Durations.format(version.slowDelay()));
        a.add("--max-concurrent=" + admission.maxConcurrent());
        a.add("--max-queued=" + admission.maxQueued());
        a.add("--queue-wait=" + Durations.format(admission.queueWait()));
        a.add("--pool-wait=" + Durations.format(admission.poolWait()));
        if (parentPid > 0) {
            a.add("--parent-pid=" + parentPid);
        }
        if (exitOnStdinEof) {
            a.add("--exit-on-stdin-eof");
        }
        return a;
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "ShopSettings" + toArgs();
    }

    public static String usage() {
        return """
                Usage: java -cp <classpath> dev.salerush.shop.ShopMain --db-url=jdbc:postgresql://127.0.0.1:5432/salerush --gateway-url=http://127.0.0.1:9090 [options]
                  The database password is read from the environment variable SALERUSH_DB_PASSWORD.
                  --port=8080                      HTTP port on 127.0.0.1 (0 = any free port, logged)
                  --db-user=salerush
                  --browse-pool-size=16            connections for browsing and /health
                  --order-pool-size=8              connections for ordering (held during the payment call)
                  --gateway-connect-timeout=1s     --gateway-timeout=2s
                  --breaker-window=20              --breaker-min-calls=10   --breaker-failure-rate=50
                  --breaker-slow-call=1s           --breaker-slow-call-rate=50
                  --breaker-open-wait=5s           --breaker-half-open-calls=3
                  --breaker-enabled=false          the breaker never opens (it still counts the calls): the shop
                                                   without one, for comparing a payment outage with and without it
                  --unsafe-stock-check             DELIBERATELY BROKEN: non-atomic stock check (oversells)
                  --artificial-delay=20ms          DELIBERATELY SLOW: sleep in every /api request
                  --version=v1                     version label: in /health and the metric tag version
                                                   (1..64 of [A-Za-z0-9._-], e.g. v1.1, v2-broken-orders)
                  --behaviour=normal               what the version does on purpose: normal | broken-orders
                                                   (POST /api/orders answers 500) | empty-lists (GET /api/products
                                                   answers no items) | slow (adds --slow-delay to every /api request)
                  --slow-delay=300ms               the delay of --behaviour=slow
                  --max-concurrent=64              /api requests in progress at most; beyond: queued
                  --max-queued=128                 /api requests waiting at most; beyond: 503 OVERLOADED at once
                  --queue-wait=200ms               longest wait for a slot; then 503 OVERLOADED (Retry-After: 1)
                  --pool-wait=1s                   longest wait for a database connection (>= 250ms); then 503
                  --parent-pid=<pid>               exit when that process is gone (set by the launcher)
                  --exit-on-stdin-eof              exit when stdin closes (set by the launcher)
                """;
    }
}
