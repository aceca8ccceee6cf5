package dev.salerush.env.embedded;

import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.RunLogs;
import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.demo.GatewayAdmin;
import dev.salerush.env.ops.GatewayOperations;
import dev.salerush.env.ops.Operations;
import dev.salerush.env.demo.PaymentGatewayProcess;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.process.Cleanup;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.embedded.EmbeddedDatabaseException;
import dev.salerush.seeder.safety.JdbcUrls;
import dev.salerush.seeder.spec.DatasetSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The default target ({@code embedded.topology = single}): an embedded PostgreSQL filled by the data seeder (or copied
 * from the stored snapshot of its dataset), the payment gateway and the demo shop, each in its own OS process on
 * 127.0.0.1. The gateway starts while the database is prepared. Every part is registered with the run's
 * {@link Cleanup} the moment it has started, so a failure at any step — or Ctrl-C — stops what was started so far.
 * Its {@link #operations()} are the gateway's faults and a crash and restart of its one shop ({@code shop-1}).
 */
public final class EmbeddedSaleEnvironment extends StartedSaleEnvironment {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSaleEnvironment.class);

    private final Map<String, Object> description;
    private final SingleShopOperations operations;
    private final URI gatewayBaseUrl;

    private EmbeddedSaleEnvironment(URI baseUrl, DatabaseSettings database, GatewayAdmin gateway, URI gatewayBaseUrl,
                                    SingleShopOperations operations, Map<String, Object> description) {
        super(baseUrl, database, gateway);
        this.gatewayBaseUrl = gatewayBaseUrl;
        this.operations = operations;
        this.description = description;
    }

    /**
     * Starts database (seeded, or copied from its snapshot) and gateway in parallel, then the shop; throws
     * {@link EnvironmentError} naming the failed part. {@code configuredDatabase} is an external database to seed, or
     * the embedded one when its URL is empty; {@code events} gets the steps of its operations.
     */
    public static EmbeddedSaleEnvironment start(EmbeddedSettings settings, DatabaseSettings configuredDatabase,
                                                DatasetSpec spec, RunLogs logs, Cleanup cleanup, EventLog events) {
        CompletableFuture<PaymentGatewayProcess> startingGateway = DemoParts.inParallel("payment gateway",
                () -> DemoParts.startGateway(settings, logs.gateway(), cleanup));
        DatabaseSettings database;
        SeededDataset seeded;
        String source;
        try {
            if (configuredDatabase.embedded()) {
                StartedDatabase started = startEmbeddedDatabase(settings, spec, cleanup);
                database = started.settings();
                source = started.source();
            } else {
                log.info("using the external database {}", JdbcUrls.mask(configuredDatabase.url()));
                database = configuredDatabase;
                source = "external";
            }
            seeded = SeededDataset.seedAndCheck(new DbTarget(database.url(), database.user(), database.password(),
                    database.writeHosts()), spec);
        } catch (RuntimeException e) {
            DemoParts.settle(startingGateway);
            throw e;
        }
        PaymentGatewayProcess gateway = DemoParts.await(startingGateway);
        DemoShopProcess shop = DemoParts.startShop("demo shop",
                DemoParts.shopArgs(settings.shop(), database, gateway.baseUrl()), settings, logs.shop(), cleanup);
        // the same settings on the port it took: a restarted shop is the same shop to clients and Prometheus
        SingleShopOperations operations = new SingleShopOperations(shop, () -> DemoParts.startShop("demo shop",
                shop.settings(), settings, logs.shop(), cleanup), new GatewayOperations(gateway.admin()), events);

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", "embedded");
        description.put("topology", EmbeddedSettings.Topology.SINGLE.configName());
        description.put("shop", shop.baseUrl());
        description.put("gateway", gateway.baseUrl());
        description.put("database", JdbcUrls.mask(database.url()));
        description.put("dataset", seeded.facts(source));
        return new EmbeddedSaleEnvironment(URI.create(shop.baseUrl()), database, gateway.admin(),
                URI.create(gateway.baseUrl()), operations, description);
    }

    /** The embedded database of a start, and where its data came from: snapshot, seeded or (seeded) fresh. */
    private record StartedDatabase(DatabaseSettings settings, String source) {
    }

    /**
     * Starts the embedded database: on a copy of its dataset's stored snapshot when snapshots are reused (seeding
     * first and storing the snapshot when there is none yet), else a fresh database the seeder fills next.
     */
    private static StartedDatabase startEmbeddedDatabase(EmbeddedSettings settings, DatasetSpec spec,
                                                         Cleanup cleanup) {
        try {
            if (!settings.snapshots().reuse()) {
                EmbeddedDatabase fresh = cleanup.register("embedded PostgreSQL", EmbeddedDatabase.start());
                return new StartedDatabase(settingsOf(fresh), "seeded");
            }
            try (SnapshotSource.Obtained obtained = SnapshotSource.obtain(spec, settings.snapshots())) {
                EmbeddedDatabase copy = cleanup.register("embedded PostgreSQL",
                        EmbeddedDatabase.startOnCopy(obtained.snapshot(), Map.of()));
                return new StartedDatabase(settingsOf(copy), obtained.how());
            }
        } catch (EmbeddedDatabaseException e) {
            throw new EnvironmentError(e.getMessage(), e);
        }
    }

    private static DatabaseSettings settingsOf(EmbeddedDatabase db) {
        return new DatabaseSettings(db.jdbcUrl(), db.user(), db.password(), DbTarget.LOOPBACK);
    }

    @Override
    public Optional<Operations> operations() {
        return Optional.of(operations);
    }

    @Override
    public List<Shop> shops() {
        return List.of(new Shop(SingleShopOperations.NAME, operations.port()));
    }

    @Override
    public Optional<URI> loadBalancerMetricsUrl() {
        return Optional.empty();
    }

    @Override
    public URI gatewayBaseUrl() {
        return gatewayBaseUrl;
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }
}
