package dev.salerush.sim.staging;

import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.RunLogs;
import dev.salerush.env.alerting.AlertingStack;
import dev.salerush.env.embedded.RedundantSaleEnvironment;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.process.Cleanup;
import dev.salerush.env.process.ExternalTool;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.Poller;
import dev.salerush.env.redundant.ShopInstance;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TargetKind;
import dev.salerush.sim.drills.StandingAlerting;
import dev.salerush.sim.results.RunFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A standing staging: the redundant demo environment a drill run starts (HAProxy in front of the shop instances, a
 * PostgreSQL primary with its standby, the WireMock payment gateway) with its own Prometheus and Alertmanager on the
 * drills' rules ({@code drills.rules}), started once and left running for a team's external drills, which it did not
 * start.
 *
 * <pre>
 * ./mvnw -q compile exec:java@staging -Dstaging.info=&lt;file&gt; [-Dstaging.notify=&lt;url&gt;] [-Dstaging.dir=&lt;folder&gt;]
 * java -cp &lt;classpath&gt; -Dsalerush.root=&lt;repository root&gt; -Dstaging.info=&lt;file&gt; dev.salerush.sim.staging.StagingMain
 * </pre>
 *
 * <ul>
 *   <li>Every other {@code -D} setting applies as in a run (the configuration's layers, {@link ConfigLoader}), e.g.
 *       {@code -Ddataset.scale=0.01}; {@code embedded.topology} is {@code redundant} (another value is refused), and
 *       {@code target.baseUrl} must be empty.</li>
 *   <li>{@code staging.info} (required): once everything is ready, this file gets the staging's JSON ({@link StagingInfo}:
 *       baseUrl, prometheusUrl, alertmanagerUrl, opsUrl, gatewayAdminUrl, dbUrl, dbUser, dbPassword, pid, dir,
 *       events, instances [name, pid, port, version, running]), written atomically, rewritten whenever it changes
 *       (after each operation; instance deaths within a second), deleted when the staging stops.</li>
 *   <li>{@code staging.notify}: Alertmanager also posts every alert, Watchdog included, firing and resolved, to this
 *       webhook (a first route with {@code continue: true}; the stack's own receivers keep theirs).</li>
 *   <li>{@code staging.dir}: the folder of the logs ({@code staging.log}, one per part) and the events log
 *       ({@code events.jsonl}); default {@code staging-<yyyyMMdd-HHmmss>} under {@code results.dir}. Relative paths
 *       of the staging's keys are relative to the current directory.</li>
 *   <li>{@code POST <opsUrl>} with one operation as its body ({@code restart-instance shop-2}, {@code rolling-deploy
 *       v2}, {@code gateway-errors 500}, ...) performs it and answers when it is done ({@link OpsDesk}); {@code GET
 *       <opsUrl>} (or {@code /info}) answers the info JSON as last refreshed (at most a second old; during an
 *       operation, as before it).</li>
 *   <li>Ctrl-C or SIGTERM to this JVM stops everything it started, newest first. Exit status 3: refused before anything
 *       started (a bad setting, a folder that cannot be written, a missing program; one line naming it); 1: a part did
 *       not start (everything started was stopped).</li>
 * </ul>
 */
public final class StagingMain {
    static final int REFUSED = 3;
    static final int DID_NOT_START = 1;
    /** Where the JVM's own log goes ({@code logback-staging.xml} reads it). */
    static final String LOG_FILE_PROPERTY = "salerush.staging.log";
    static final String LOG_FILE = "staging.log";
    private static final String LOGBACK_CONFIG = "dev/salerush/sim/staging/logback-staging.xml";
    private static final String REDUNDANT = "redundant";
    private static final long REFRESH_MS = 1_000;

    private final StagingSettings settings;
    private final SuiteConfig config;
    private final Path dir;
    private final long startedNanos;
    private final Cleanup cleanup = new Cleanup();
    private final EventLog events;
    private final InfoFile infoFile;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile RedundantSaleEnvironment environment;
    private volatile AlertingStack alerting;
    private volatile OpsEndpoint ops;

    private StagingMain(StagingSettings settings, SuiteConfig config, Path dir, long startedNanos) {
        this.settings = settings;
        this.config = config;
        this.dir = dir;
        this.startedNanos = startedNanos;
        this.events = EventLog.open(dir.resolve(RunFiles.EVENTS));
        this.infoFile = new InfoFile(settings.infoFile(), this::info);
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        // before any HttpServer of this JVM exists (design notes: without it a response's two writes meet delayed ACKs)
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // before the first logger: nothing above this line logs
        setIfAbsent("logback.configurationFile", LOGBACK_CONFIG);
        StagingSettings settings = null;
        SuiteConfig config = null;
        Path dir = null;
        try {
            settings = StagingSettings.from(System.getProperties(), Path.of("").toAbsolutePath());
            config = load(ConfigLoader.projectRoot(), System.getProperties());
            settings.checkInfoFolder();
            Path rules = config.drills().alerting().rulesDir();
            if (!Files.isDirectory(rules)) {
                throw new ConfigError("drills.rules names " + rules + ", which is not a folder of rule files (the "
                        + "staging's Prometheus evaluates them)");
            }
            StandingAlerting.checkTools(config.drills().alerting());
            ExternalTool.HAPROXY.locate(config.embedded().redundancy().haproxy());
            dir = settings.createFolder(config.resultsDir(), LocalDateTime.now());
        } catch (ConfigError | EnvironmentError | LaunchException e) {
            System.err.println("salerush staging: " + e.getMessage());
            System.exit(REFUSED);
        }
        System.setProperty(LOG_FILE_PROPERTY, dir.resolve(LOG_FILE).toString());
        new StagingMain(settings, config, dir, started).run();
    }

    /**
     * The suite's configuration as a run reads it ({@code root} the project root), on the redundant topology.
     *
     * @throws ConfigError a bad setting, or one a standing staging cannot have (another topology, an external target)
     */
    static SuiteConfig load(Path root, Properties systemProperties) {
        String topology = systemProperties.getProperty("embedded.topology", REDUNDANT).trim();
        if (!REDUNDANT.equals(topology)) {
            throw new ConfigError("embedded.topology = " + topology + ": a standing staging is the redundant "
                    + "environment; leave embedded.topology unset or set it to " + REDUNDANT);
        }
        Properties properties = new Properties();
        systemProperties.stringPropertyNames().forEach(key -> properties.setProperty(key,
                systemProperties.getProperty(key)));
        properties.setProperty("embedded.topology", REDUNDANT);
        SuiteConfig config = ConfigLoader.load(root, properties);
        if (config.targetKind() != TargetKind.EMBEDDED_REDUNDANT) {
            throw new ConfigError("target.baseUrl = " + config.target().baseUrl() + ": a standing staging starts the "
                    + "embedded environment itself; leave target.baseUrl empty");
        }
        return config;
    }

    private void run() {
        // before anything starts, so Ctrl-C during the start stops what was started too
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "salerush-staging-stop"));
        say("logs and events log in " + dir);
        try {
            start();
        } catch (RuntimeException | Error e) {
            System.err.println("salerush staging: did not start: " + (e.getMessage() == null ? e : e.getMessage()));
            stop();
            System.exit(DID_NOT_START);
        }
        printReady();
        try {
            new CountDownLatch(1).await(); // until Ctrl-C or SIGTERM: the shutdown hook stops everything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start() {
        say("starting the redundant environment: database primary and standby, payment gateway, "
                + config.embedded().redundancy().instances() + " shop instances, load balancer (HAProxy)");
        environment = RedundantSaleEnvironment.start(config.embedded(), config.dataset(),
                new RunLogs(dir.resolve(RunFiles.SHOP_LOG), dir.resolve(RunFiles.GATEWAY_LOG)), cleanup, events);
        say("stocked " + StagingStock.stockUp(environment.database().orElseThrow()) + " products in stock with "
                + StagingStock.UNITS + " units each, so the drills' sales never sell out");
        say("starting Prometheus and Alertmanager (rules in " + config.drills().alerting().rulesDir() + ")"
                + settings.notifyUrl().map(url -> "; every alert also goes to " + url).orElse(""));
        alerting = cleanup.register("alerting", StandingAlerting.start(config.drills(), config.report(), environment,
                dir, events, settings.notifyUrl()));
        say("prometheus ready at " + alerting.prometheusUrl() + ", alertmanager at " + alerting.alertmanagerUrl());
        OpsDesk desk = new OpsDesk(environment.operations().orElseThrow(), events, infoFile::refresh);
        ops = cleanup.register("ops endpoint", OpsEndpoint.start(desk, infoFile::json));
        say("ops endpoint ready at " + ops.opsUrl());
        infoFile.refresh();
        cleanup.register("info refresh", Poller.every(REFRESH_MS, "salerush-staging-info", this::refreshQuietly));
    }

    private void refreshQuietly() {
        try {
            infoFile.refresh();
        } catch (RuntimeException e) {
            // the poller's schedule ends at an exception; the next refresh may well succeed
            org.slf4j.LoggerFactory.getLogger(StagingMain.class).warn("cannot rewrite {}: {}", infoFile.path(),
                    e.toString());
        }
    }

    /** The info as it is now (pids change with every restart). */
    private StagingInfo info() {
        DatabaseSettings database = environment.database().orElseThrow();
        List<StagingInfo.Instance> instances = environment.fleet().instances().stream().map(StagingMain::instance)
                .toList();
        return new StagingInfo(environment.baseUrl().toString(), alerting.prometheusUrl().toString(),
                alerting.alertmanagerUrl().toString(), ops.opsUrl().toString(), environment.gatewayBaseUrl().toString(),
                database.url(), database.user(), database.password(), ProcessHandle.current().pid(), dir.toString(),
                dir.resolve(RunFiles.EVENTS).toString(), instances);
    }

    private static StagingInfo.Instance instance(ShopInstance instance) {
        long pid = instance.pid();
        return new StagingInfo.Instance(instance.name(), pid < 0 ? null : pid, instance.port(),
                instance.version().toString(), pid >= 0);
    }

    private void printReady() {
        StagingInfo info = info();
        String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
        String instances = info.instances().stream().map(i -> i.name() + " (pid " + i.pid() + ", port " + i.port()
                + ", " + i.version() + ")").collect(Collectors.joining(", "));
        StringBuilder b = new StringBuilder();
        b.append('\n').append("salerush staging ready in ").append(seconds).append(" s\n");
        line(b, "load balancer", info.baseUrl());
        line(b, "operations", info.opsUrl() + "   POST one operation, e.g. curl -XPOST --data 'restart-instance "
                + "shop-1' " + info.opsUrl() + "; GET: this info as JSON");
        line(b, "prometheus", info.prometheusUrl());
        line(b, "alertmanager", info.alertmanagerUrl());
        settings.notifyUrl().ifPresent(url -> line(b, "alerts also to", url.toString()));
        line(b, "payment gateway", info.gatewayAdminUrl() + "   (WireMock; admin API under /__admin)");
        line(b, "database", info.dbUrl() + "   (user " + info.dbUser() + ")");
        line(b, "instances", instances);
        line(b, "info file", infoFile.path().toString());
        line(b, "logs, events", dir + "   (" + LOG_FILE + ", " + RunFiles.EVENTS + ")");
        b.append("Stop it with Ctrl-C, or kill -TERM ").append(info.pid())
                .append(": everything it started stops, and the info file is deleted.\n");
        System.out.print(b);
        System.out.flush();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
    }

    /** Stops everything, newest first, once (the shutdown hook, or a failed start). */
    private void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        say("stopping everything it started");
        try {
            infoFile.delete();
        } catch (IOException e) {
            System.err.println("salerush staging: cannot delete " + infoFile.path() + ": " + e);
        }
        cleanup.close();
        events.close();
        say("stopped");
    }

    private static void say(String line) {
        System.out.println("salerush staging: " + line);
        System.out.flush();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
