package dev.salerush.env.embedded;

import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.RunLogs;
import dev.salerush.env.db.DatabaseCluster;
import dev.salerush.env.db.DatabaseClusterException;
import dev.salerush.env.demo.GatewayAdmin;
import dev.salerush.env.demo.PaymentGatewayProcess;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.lb.HaproxyProcess;
import dev.salerush.env.lb.HaproxySettings;
import dev.salerush.env.ops.GatewayOperations;
import dev.salerush.env.ops.Operations;
import dev.salerush.env.process.Cleanup;
import dev.salerush.env.process.ExternalTool;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.redundant.FleetOperations;
import dev.salerush.env.redundant.ShopFleet;
import dev.salerush.env.redundant.ShopInstance;
import dev.salerush.env.redundant.Watches;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.safety.JdbcUrls;
import dev.salerush.seeder.spec.DatasetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The redundant sale environment ({@code embedded.topology = redundant}): HAProxy in front of N demo-shop instances,
 * a PostgreSQL primary with a streaming standby (synchronous by default, fsync on; none with
 * {@code embedded.redundancy.standby = false}) reached through a multi-host URL, and the payment gateway — each its
 * own process on 127.0.0.1. Its {@link #operations()} kill, restart, replace and add instances, roll versions out and
 * back, crash the database and fail it over (or, without a standby, restart it in place) while load runs; the load
 * balancer's and the breakers' state changes go to the run's event log.
 */
public final class RedundantSaleEnvironment extends StartedSaleEnvironment {
    private static final Logger log = LoggerFactory.getLogger(RedundantSaleEnvironment.class);
    /** How long a drained instance may keep its sessions before it is stopped anyway. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** The shortest wait in the load balancer's queue: below it a blip sheds requests a moment later would serve. */
    private static final long MIN_QUEUE_WAIT_MS = 1_000;

    private final ShopFleet fleet;
    private final FleetOperations operations;
    private final Map<String, Object> description;

    private RedundantSaleEnvironment(URI baseUrl, DatabaseSettings database, GatewayAdmin gateway, ShopFleet fleet,
                                     FleetOperations operations, Map<String, Object> description) {
        super(baseUrl, database, gateway);
        this.fleet = fleet;
        this.operations = operations;
        this.description = description;
    }

    /**
     * Finds haproxy first (missing: one line naming the package, nothing started), then starts the gateway while the
     * database pair is prepared from the dataset's snapshot, then the shop instances in parallel, then the load
     * balancer. Throws {@link EnvironmentError} naming the failed part; what was started is in {@code cleanup}.
     */
    public static RedundantSaleEnvironment start(EmbeddedSettings settings, DatasetSpec spec, RunLogs logs,
                                                 Cleanup cleanup, EventLog events) {
        EmbeddedSettings.Redundancy redundancy = settings.redundancy();
        Path haproxy = locateHaproxy(redundancy);
        CompletableFuture<PaymentGatewayProcess> startingGateway = DemoParts.inParallel("payment gateway",
                () -> DemoParts.startGateway(settings, logs.gateway(), cleanup));
        DatabaseCluster cluster;
        DatabaseSettings database;
        SeededDataset seeded;
        String source;
        try {
            try (SnapshotSource.Obtained obtained = SnapshotSource.obtain(spec, settings.snapshots())) {
                cluster = cleanup.register("database primary and standby", DatabaseCluster.start(obtained.snapshot(),
                        replication(redundancy), redundancy.standbyTimeout()));
                source = obtained.how();
            }
            database = new DatabaseSettings(cluster.multiHostUrl(), cluster.user(), cluster.password(),
                    DbTarget.LOOPBACK);
            seeded = SeededDataset.seedAndCheck(new DbTarget(database.url(), database.user(), database.password(),
                    database.writeHosts()), spec);
        } catch (DatabaseClusterException e) {
            DemoParts.settle(startingGateway);
            throw new EnvironmentError("database primary and standby: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            DemoParts.settle(startingGateway);
            throw e;
        }
        PaymentGatewayProcess gatewayProcess = DemoParts.await(startingGateway);

        ShopFleet fleet = ShopFleet.start(redundancy.instances(), settings.shop().version(),
                (name, version, port) -> DemoParts.startShop(name,
                        DemoParts.shopArgs(settings.shop(), database, gatewayProcess.baseUrl())
                                .withPort(port).withVersion(version.toShop()),
                        settings, logs.instance(name), cleanup),
                events, new ShopFleet.Timeouts(DRAIN_TIMEOUT, settings.startupTimeout()));
        HaproxyProcess loadBalancer = cleanup.register(HaproxyProcess.PART, startLoadBalancer(settings, fleet,
                logs, haproxy));
        cleanup.register("state watches", Watches.start(fleet, loadBalancer.runtime(), events));
        log.info("load balancer ready at {} in front of {}", loadBalancer.baseUrl(), fleet.instances());

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", "embedded");
        description.put("topology", EmbeddedSettings.Topology.REDUNDANT.configName());
        description.put("loadBalancer", loadBalancer.baseUrl());
        description.put("loadBalancerMetrics", loadBalancer.metricsUrl());
        description.put("version", settings.shop().version().toString());
        description.put("gateway", gatewayProcess.baseUrl());
        description.put("database", JdbcUrls.mask(database.url()));
        description.put("replication", cluster.replication().name().toLowerCase(java.util.Locale.ROOT));
        description.put("dataset", seeded.facts(source));
        FleetOperations operations = new FleetOperations(fleet, cluster, new GatewayOperations(gatewayProcess.admin()),
                events);
        return new RedundantSaleEnvironment(URI.create(loadBalancer.baseUrl()), database, gatewayProcess.admin(),
                fleet, operations, description);
    }

    private static DatabaseCluster.Replication replication(EmbeddedSettings.Redundancy redundancy) {
        return !redundancy.standby() ? DatabaseCluster.Replication.NONE
                : redundancy.synchronous() ? DatabaseCluster.Replication.SYNC : DatabaseCluster.Replication.ASYNC;
    }

    /** The load balancer in front of the fleet; a failure names its settings' key. */
    private static HaproxyProcess startLoadBalancer(EmbeddedSettings settings, ShopFleet fleet, RunLogs logs,
                                                    Path haproxy) {
        try {
            return HaproxyProcess.start(loadBalancerSettings(settings.redundancy().loadBalancer(),
                    settings.shop().admission(), fleet.instances()),
                    DemoParts.options(logs.loadBalancer(), settings, null), haproxy);
        } catch (LaunchException | IllegalArgumentException e) {
            throw new EnvironmentError(e.getMessage() + " (settings: embedded.redundancy.loadBalancer; log "
                    + logs.loadBalancer() + ")", e);
        }
    }

    private static Path locateHaproxy(EmbeddedSettings.Redundancy redundancy) {
        try {
            return ExternalTool.HAPROXY.locate(redundancy.haproxy());
        } catch (LaunchException e) {
            throw new EnvironmentError(e.getMessage(), e);
        }
    }

    private static HaproxySettings loadBalancerSettings(EmbeddedSettings.LoadBalancer lb,
                                                        EmbeddedSettings.Admission admission,
                                                        List<ShopInstance> instances) {
        HaproxySettings defaults = HaproxySettings.defaults(instances.stream()
                .map(i -> new HaproxySettings.Server(i.name(), i.port())).toList());
        HaproxySettings.HealthChecks checks = defaults.checks();
        return defaults.withPorts(lb.port(), 0, 0)
                .withChecks(new HaproxySettings.HealthChecks(checks.path(), lb.checkInterval(),
                        checks.fastInterval(), lb.checkInterval(), lb.fall(), lb.rise(), lb.errorLimit()))
                .withSlowStart(lb.slowStart())
                // The load balancer sheds first: `observe layer7` counts an instance's own 503 as a server error and
                // would take a saturated but healthy instance out, turning an overload into an outage. So each
                // instance gets at most the shop's own concurrency limit, the excess waits in HAProxy's queue, and
                // what waits too long gets the shop's own overload answer from HAProxy.
                .withMaxConn(defaults.maxConn(), admission.maxConcurrent())
                .withExtraBackendLines(List.of(
                        "timeout queue " + Math.max(admission.queueWait().toMillis(), MIN_QUEUE_WAIT_MS) + "ms",
                        "http-error status 503 content-type application/json hdr Retry-After 1 "
                                + "string '{\"error\":\"OVERLOADED\"}'"));
    }

    @Override
    public Optional<URI> loadBalancerMetricsUrl() {
        return Optional.of(URI.create(description.get("loadBalancerMetrics").toString()));
    }

    @Override
    public List<Shop> shops() {
        return fleet.instances().stream().map(instance -> new Shop(instance.name(), instance.port())).toList();
    }

    @Override
    public URI gatewayBaseUrl() {
        return URI.create(description.get("gateway").toString());
    }

    /** The shop instances (their names, ports, versions and processes as they are now). */
    public ShopFleet fleet() {
        return fleet;
    }

    @Override
    public URI metricsBaseUrl() {
        return URI.create(fleet.instances().get(0).baseUrl());
    }

    @Override
    public Optional<Operations> operations() {
        return Optional.of(operations);
    }

    /** The start's facts, and each instance as it is now: name, version, whether its process runs. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> now = new LinkedHashMap<>(description);
        now.put("instances", fleet.instances().stream().map(instance -> {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("name", instance.name());
            facts.put("url", instance.baseUrl());
            facts.put("version", instance.version().toString());
            facts.put("running", instance.running());
            return facts;
        }).toList());
        return now;
    }
}
