package dev.salerush.shop.launch;

import dev.salerush.shop.ShopMain;
import dev.salerush.shop.config.ShopSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo shop as its own OS process ({@code java -cp <this JVM's classpath> dev.salerush.shop.ShopMain ...}), bound
 * to 127.0.0.1. {@link #start} returns once {@code /health} answers 200; {@link #close} stops it and waits until its
 * port is free. The database password travels in the environment ({@value ShopSettings#PASSWORD_ENV}), never on the
 * command line.
 */
public final class DemoShopProcess implements AutoCloseable {

    private static final int PORT_ATTEMPTS = 3;

    private final ChildProcess child;
    private final ShopSettings settings;

    private DemoShopProcess(ChildProcess child, ShopSettings settings) {
        this.child = child;
        this.settings = settings;
    }

    /**
     * Starts the shop and waits until it is healthy. Port 0 in the settings picks a free port (retried if another
     * process takes it first).
     *
     * @throws LaunchException the shop exited or did not become healthy in time; the message has its log tail and
     *                         the process is gone
     */
    public static DemoShopProcess start(ShopSettings settings, ProcessOptions options) {
        String classpath = ChildClasspath.join(ChildClasspath.forClasses(
                ShopMain.class,
                io.javalin.Javalin.class,
                org.eclipse.jetty.server.Server.class,
                com.zaxxer.hikari.HikariDataSource.class,
                org.postgresql.Driver.class,
                io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class,
                io.github.resilience4j.circuitbreaker.CircuitBreaker.class,
                io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics.class,
                com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.datatype.jsr310.JavaTimeModule.class,
                org.slf4j.LoggerFactory.class,
                ch.qos.logback.classic.LoggerContext.class,
                kotlin.Unit.class));
        boolean pickPort = settings.port() == 0;
        LaunchException last = null;
        for (int attempt = 1; attempt <= (pickPort ? PORT_ATTEMPTS : 1); attempt++) {
            int port = pickPort ? FreePorts.pick() : settings.port();
            ShopSettings effective = settings.withPort(port)
                    .withParentWatch(ProcessHandle.current().pid(), true);
            List<String> command = new ArrayList<>();
            command.add(ChildProcess.javaExecutable().toString());
            if (options.heap() != null && !options.heap().isEmpty()) {
                command.add("-Xmx" + options.heap());
            }
            command.add("-XX:+ExitOnOutOfMemoryError");
            command.add("-Dlogback.configurationFile=" + ShopMain.LOGBACK_CONFIG);
            command.addAll(options.jvmArgs());
            command.addAll(ChildProcess.classpathArgs(classpath, logDir(options), "demo-shop"));
            command.add(ShopMain.class.getName());
            command.addAll(effective.toArgs());
            try {
                ChildProcess child = ChildProcess.start("demo shop", command,
                        Map.of(ShopSettings.PASSWORD_ENV, settings.dbPassword()), options.logFile(), port,
                        URI.create("http://127.0.0.1:" + port + "/health"), options.startupTimeout(),
                        tail -> tail.contains("is already in use"));
                return new DemoShopProcess(child, effective);
            } catch (ChildProcess.PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Path logDir(ProcessOptions options) {
        Path parent = options.logFile().toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + child.port();
    }

    public int port() {
        return child.port();
    }

    public long pid() {
        return child.pid();
    }

    public Path logFile() {
        return child.logFile();
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    /** The settings the shop runs with (with the real port). */
    public ShopSettings settings() {
        return settings;
    }

    public ProcessHandle processHandle() {
        return child.handle();
    }

    /** Graceful stop (SIGTERM), SIGKILL after 5 s; returns when the port is free. Idempotent. */
    @Override
    public void close() {
        child.close();
    }
}
