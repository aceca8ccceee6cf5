package dev.salerush.env.demo;

import dev.salerush.env.process.ChildClasspath;
import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.LaunchedProcess;
import dev.salerush.env.process.ProcessOptions;
import dev.salerush.shop.ShopMain;
import dev.salerush.shop.config.ShopSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo shop as its own OS process ({@code java -cp <this JVM's classpath> dev.salerush.shop.ShopMain ...}), bound
 * to 127.0.0.1. {@link #start} returns once {@code /health} answers 200; {@link #close} stops it and waits until its
 * port is free. The database password travels in the environment ({@value ShopSettings#PASSWORD_ENV}), never on the
 * command line.
 */
public final class DemoShopProcess extends LaunchedProcess<ShopSettings> {

    private DemoShopProcess(ChildProcess child, ShopSettings settings) {
        super(child, settings);
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
        return ChildProcess.startOnPort(settings.port(), port -> {
            ShopSettings effective = settings.withPort(port)
                    .withParentWatch(ProcessHandle.current().pid(), true);
            List<String> command = ChildProcess.javaCommand(options,
                    List.of("-Dlogback.configurationFile=" + ShopMain.LOGBACK_CONFIG));
            command.addAll(ChildProcess.classpathArgs(classpath, logDir(options), "demo-shop"));
            command.add(ShopMain.class.getName());
            command.addAll(effective.toArgs());
            ChildProcess child = ChildProcess.start("demo shop", command,
                    Map.of(ShopSettings.PASSWORD_ENV, settings.dbPassword()), options.logFile(), port,
                    URI.create("http://127.0.0.1:" + port + "/health"), options.startupTimeout(),
                    tail -> tail.contains("is already in use"));
            return new DemoShopProcess(child, effective);
        });
    }

    private static Path logDir(ProcessOptions options) {
        Path parent = options.logFile().toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
