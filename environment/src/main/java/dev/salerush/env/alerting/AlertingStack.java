package dev.salerush.env.alerting;

import dev.salerush.env.EnvironmentError;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.process.Cleanup;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.Poller;
import dev.salerush.env.process.ProcessOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real alerting stack for a drill: Prometheus scraping the shops, HAProxy, a {@link ProbeExporter} (the only part
 * in this JVM) and Alertmanager, which posts incident notices and heartbeats to a {@link WebhookStandIn} (and to a
 * real Slack webhook when one is set). Each of them runs in its own process on 127.0.0.1.
 *
 * <p>A poller every {@value #POLL_MS} ms keeps {@code shops.json} in line with the instances (they are killed and
 * added during drills), follows Prometheus' alerts ({@link #alertHistory()}, {@code alert.firing} and {@code
 * alert.resolved} events) and the stand-in's journal ({@link #notices()}, {@code notice.posted} events).
 *
 * <p>Everything started is registered with a {@link Cleanup} the moment it is started, so a failed start and
 * {@link #close} stop it all, newest first. Alertmanager and the stand-in can be stopped and started again on their
 * ports (the "alerting down" and "webhook down" drills).
 */
public final class AlertingStack implements AutoCloseable {

    static final long POLL_MS = 250;
    private static final Logger log = LoggerFactory.getLogger(AlertingStack.class);
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final AlertingSettings settings;
    private final AlertingTools tools;
    private final Path logDir;
    private final Cleanup cleanup = new Cleanup();
    private final Supplier<List<ScrapeTarget>> shops;
    private final Path shopsFile;
    private final NoticeWatch noticeWatch;
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final Restartable<WebhookStandIn> webhook;
    private Restartable<AlertmanagerProcess> alertmanager;
    private List<ScrapeTarget> shopsWritten;
    private ProbeExporter exporter;
    private PrometheusProcess prometheus;
    private AlertWatch alertWatch;
    private List<Path> ruleFiles;

    private AlertingStack(AlertingSettings settings, AlertingTools tools, Supplier<List<ScrapeTarget>> shops,
                          Path workDir, Path logDir, EventLog events) {
        this.settings = settings;
        this.tools = tools;
        this.shops = shops;
        this.logDir = logDir;
        this.shopsFile = workDir.resolve("shops.json").toAbsolutePath();
        this.noticeWatch = new NoticeWatch(events);
        this.webhook = new Restartable<>(WebhookStandIn.PART, port -> WebhookStandIn.start(port, ProcessOptions.of(
                logDir.resolve("webhook-stand-in.log")).withHeap("128m").withStartupTimeout(STARTUP)),
                this::readNotices);
    }

    /**
     * Starts the stand-in, the probe exporter, Alertmanager and Prometheus (each configuration checked by promtool or
     * amtool first) and the poller; returns when all are ready.
     *
     * @param shops             the shop instances now (asked again on every poll)
     * @param haproxyMetricsUrl HAProxy's exporter, e.g. {@code http://127.0.0.1:8404/metrics}; null = no load balancer
     * @param probes            the blackbox probes, e.g. {@link Probe#jdbc} and {@link Probe#http}
     * @param workDir           the configurations, {@code shops.json} and the stores of Prometheus and Alertmanager
     * @param logDir            {@code prometheus.log}, {@code alertmanager.log}, {@code webhook-stand-in.log}
     * @throws EnvironmentError a tool is missing (one line naming the packages and the {@code drills.tools.*}
     *                          setting), a configuration was rejected (with the checker's output), or a part did not
     *                          start; nothing is left running
     */
    /**
     * Finds the stack's programs without starting anything, so a run can refuse before it starts its environment.
     *
     * @throws EnvironmentError one is missing: one line naming the packages and the {@code drills.tools.*} setting
     */
    public static void checkTools(AlertingSettings settings) {
        AlertingTools.locate(settings);
    }

    public static AlertingStack start(AlertingSettings settings, Supplier<List<ScrapeTarget>> shops,
                                      URI haproxyMetricsUrl, List<Probe> probes, Path workDir, Path logDir,
                                      EventLog events) {
        AlertingTools tools = AlertingTools.locate(settings);
        AlertingStack stack = new AlertingStack(settings, tools, shops, workDir, logDir, events);
        try {
            stack.startParts(Optional.ofNullable(haproxyMetricsUrl), probes, workDir, events);
            return stack;
        } catch (LaunchException | IOException | UncheckedIOException e) {
            stack.close();
            throw new EnvironmentError("the alerting stack did not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startParts(Optional<URI> haproxy, List<Probe> probes, Path workDir, EventLog events)
            throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(logDir);
        versions.put("prometheus", AlertingTools.version(tools.prometheus()));
        versions.put("alertmanager", AlertingTools.version(tools.alertmanager()));

        String standInUrl = cleanup.register(WebhookStandIn.PART, webhook).start().baseUrl();
        exporter = cleanup.register("probe exporter", ProbeExporter.start(probes));

        Optional<Path> secret = settings.slackWebhookUrl().map(this::secretFile);
        Path alertmanagerConfig = workDir.resolve("alertmanager.yml").toAbsolutePath();
        AlertmanagerConfig amConfig = new AlertmanagerConfig(settings, standInUrl, secret);
        Files.writeString(alertmanagerConfig, amConfig.render(), StandardCharsets.UTF_8);
        tools.checkAlertmanagerConfig(alertmanagerConfig);
        tools.checkNoticeText(amConfig.text());
        Path alertmanagerStorage = storageDir(workDir, "alertmanager-data-");
        alertmanager = new Restartable<>(AlertmanagerProcess.PART, port -> AlertmanagerProcess.start(
                tools.alertmanager(), alertmanagerConfig, alertmanagerStorage, port,
                logDir.resolve("alertmanager.log"), STARTUP, settings.notice().zone()), am -> { });
        int alertmanagerPort = cleanup.register(AlertmanagerProcess.PART, alertmanager).start().port();

        ruleFiles = PrometheusConfig.ruleFiles(settings.rulesDir());
        if (ruleFiles.isEmpty()) {
            log.warn("no alert rules (*.yml) in {}: no alert will fire, and no heartbeat without a Watchdog rule",
                    settings.rulesDir());
        }
        writeShops(shops.get());
        Path config = workDir.resolve("prometheus.yml").toAbsolutePath();
        Files.writeString(config, new PrometheusConfig(settings, ruleFiles, alertmanagerPort, shopsFile, haproxy,
                exporter.target()).render(), StandardCharsets.UTF_8);
        tools.checkPrometheusConfig(config);
        prometheus = cleanup.register(PrometheusProcess.PART, PrometheusProcess.start(tools.prometheus(), config,
                storageDir(workDir, "prometheus-data-"), 0, logDir.resolve("prometheus.log"), STARTUP));
        alertWatch = new AlertWatch(prometheusUrl(), events);
        cleanup.register("alerting poller", Poller.every(POLL_MS, "salerush-alerting", this::poll));
        log.info("alerting stack ready: {}", describe());
    }

    /**
     * The real webhook URL in a file only this user can read, outside the run folder (which is shared and archived),
     * deleted when the stack closes. Alertmanager reads it through {@code api_url_file}.
     */
    private Path secretFile(String url) {
        try {
            Path file = Files.createTempFile("salerush-slack-", ".url",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            cleanup.register("slack webhook file", () -> Files.deleteIfExists(file));
            Files.writeString(file, url.strip(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Slack webhook file in " + System.getProperty(
                    "java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    /** A fresh store under {@code workDir}, deleted when the stack closes (a drill's TSDB is of no use after it). */
    private Path storageDir(Path workDir, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(workDir.toAbsolutePath(), prefix);
        cleanup.register(prefix + "store", () -> deleteTree(dir));
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void poll() {
        // every failure is caught: an exception would end the poller's schedule
        try {
            List<ScrapeTarget> now = shops.get();
            if (!now.equals(shopsWritten)) {
                writeShops(now);
            }
        } catch (RuntimeException | IOException e) {
            log.warn("cannot update {}: {}", shopsFile, e.toString());
        }
        try {
            alertWatch.poll();
        } catch (IOException e) {
            log.debug("cannot read Prometheus' alerts: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.warn("reading Prometheus' alerts failed: {}", e.toString());
        }
        webhook.ifRunning(this::readNotices);
    }

    private void readNotices(WebhookStandIn standIn) {
        try {
            noticeWatch.observe(standIn.journal());
        } catch (RuntimeException e) {
            log.debug("cannot read the webhook stand-in's journal: {}", e.toString());
        }
    }

    /** Written to a temporary file and moved into place, so Prometheus never reads half a file. */
    private void writeShops(List<ScrapeTarget> now) throws IOException {
        Path tmp = shopsFile.resolveSibling("shops.json.tmp");
        Files.writeString(tmp, PrometheusConfig.shopsJson(now), StandardCharsets.UTF_8);
        Files.move(tmp, shopsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        shopsWritten = List.copyOf(now);
        log.debug("shops.json: {}", now);
    }

    /** Every state change of every alert so far, in the order seen. */
    public List<AlertChange> alertHistory() {
        return alertWatch == null ? List.of() : alertWatch.history();
    }

    /**
     * Each alerting rule's {@code for:} in seconds, as Prometheus loaded it ({@code GET /api/v1/rules}): what a
     * detection time depends on. Empty when Prometheus cannot be asked.
     */
    public Map<String, Double> ruleForSeconds() {
        return RuleDurations.read(prometheusUrl());
    }

    /**
     * Every notice posted so far (incident notices and heartbeats), across restarts of the stand-in, as of the last
     * poll (at most {@value #POLL_MS} ms ago, like {@link #alertHistory()}).
     */
    public List<Notice> notices() {
        return noticeWatch.notices();
    }

    /** When the last heartbeat ({@code Watchdog} notice) arrived, as of the last poll; empty if none yet. */
    public Optional<Instant> lastHeartbeat() {
        return noticeWatch.lastHeartbeat();
    }

    /** Stops Alertmanager (alerts keep firing in Prometheus; nothing is posted). Idempotent. */
    public void stopAlertmanager() {
        alertmanager.stop();
    }

    /** Starts Alertmanager again on its port, with its configuration and store; returns when it is ready. */
    public void startAlertmanager() {
        alertmanager.start();
    }

    /** Stops the stand-in after taking in its last notices (Alertmanager's posts then fail). Idempotent. */
    public void stopWebhook() {
        // a restarted stand-in starts with an empty journal: what this one received must be taken in first
        webhook.ifRunning(this::readNotices);
        webhook.stop();
    }

    /** Starts the stand-in again on its port; returns when it is healthy. */
    public void startWebhook() {
        webhook.start();
    }

    /** {@code http://127.0.0.1:<port>} of Prometheus (its UI and HTTP API). */
    public URI prometheusUrl() {
        return URI.create(prometheus.baseUrl());
    }

    /** {@code http://127.0.0.1:<port>} of Alertmanager (its UI and HTTP API); the port stays the same across restarts. */
    public URI alertmanagerUrl() {
        return URI.create("http://127.0.0.1:" + alertmanager.port());
    }

    /** Ports, intervals, versions and rule files, for the run's record (never the real webhook URL). */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("prometheusPort", prometheus == null ? 0 : prometheus.port());
        d.put("alertmanagerPort", alertmanager == null ? 0 : alertmanager.port());
        d.put("webhookPort", webhook.port());
        d.put("probeExporterPort", exporter == null ? 0 : exporter.port());
        d.put("scrapeInterval", settings.scrapeInterval().toString());
        d.put("evaluationInterval", settings.evaluationInterval().toString());
        d.put("groupWait", settings.groupWait().toString());
        d.put("groupInterval", settings.groupInterval().toString());
        d.put("repeatInterval", settings.repeatInterval().toString());
        d.put("watchdogRepeat", settings.watchdogRepeat().toString());
        d.put("channel", settings.channel());
        d.put("realSlackWebhook", settings.slackWebhookUrl().isPresent());
        d.put("versions", Map.copyOf(versions));
        d.put("ruleFiles", ruleFiles == null ? List.of() : ruleFiles.stream().map(Path::toString).toList());
        return d;
    }

    /** Stops everything, newest first (the poller, Prometheus, Alertmanager, the exporter, the stand-in). */
    @Override
    public void close() {
        cleanup.close();
    }
}
