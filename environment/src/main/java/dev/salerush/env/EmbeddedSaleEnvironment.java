package dev.salerush.env;

import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.DbTarget;
import dev.salerush.seeder.load.SeedReport;
import dev.salerush.seeder.Seeder;
import dev.salerush.seeder.SeederException;
import dev.salerush.seeder.embedded.EmbeddedDatabase;
import dev.salerush.seeder.plan.PlanCheckResult;
import dev.salerush.seeder.embedded.EmbeddedDatabaseException;
import dev.salerush.seeder.safety.JdbcUrls;
import dev.salerush.seeder.safety.SafetyException;
import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.demo.GatewayAdmin;
import dev.salerush.env.demo.GatewaySettings;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.demo.PaymentGatewayProcess;
import dev.salerush.env.process.ProcessOptions;
import dev.salerush.shop.config.BreakerSettings;
import dev.salerush.shop.config.ShopSettings;
import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.process.Cleanup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default target: an embedded PostgreSQL filled by the data seeder, the payment gateway and the demo shop, each
 * in its own OS process on 127.0.0.1. Every part is registered with the run's {@link Cleanup} the moment it has
 * started, so a failure at any step — or Ctrl-C — stops what was started so far.
 */
public final class EmbeddedSaleEnvironment implements SaleEnvironment {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSaleEnvironment.class);

    private final URI baseUrl;
    private final DatabaseSettings database;
    private final GatewayAdmin gateway;
    private final Map<String, Object> description;

    private EmbeddedSaleEnvironment(URI baseUrl, DatabaseSettings database, GatewayAdmin gateway,
                                    Map<String, Object> description) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.gateway = gateway;
        this.description = description;
    }

    /**
     * Starts database, seed, gateway and shop in that order; throws {@link EnvironmentError} naming the failed part.
     * {@code database} is an external database to seed, or the embedded one when its URL is empty.
     */
    public static EmbeddedSaleEnvironment start(EmbeddedSettings settings, DatabaseSettings configuredDatabase,
                                                DatasetSpec spec, RunLogs logs, Cleanup cleanup) {
        DatabaseSettings database = startDatabase(configuredDatabase, cleanup);
        Seeded seeded = seed(new DbTarget(database.url(), database.user(), database.password(),
                database.allowedHosts()), spec);

        EmbeddedSettings.Gateway gatewaySettings = settings.gateway();
        PaymentGatewayProcess gateway = cleanup.register("payment gateway", launch("payment gateway", () ->
                PaymentGatewayProcess.start(new GatewaySettings(gatewaySettings.port(), gatewaySettings.medianLatency(),
                                gatewaySettings.latencySigma(), gatewaySettings.maxRequestJournalEntries(),
                                gatewaySettings.containerThreads()),
                        options(logs.gateway(), settings, gatewaySettings.heap()))));
        log.info("payment gateway ready at {}", gateway.baseUrl());

        EmbeddedSettings.Shop shopSettings = settings.shop();
        ShopSettings shopArgs = ShopSettings.defaults(database.url(), database.user(), database.password(), gateway.baseUrl())
                .withPort(shopSettings.port())
                .withPools(shopSettings.browsePoolSize(), shopSettings.orderPoolSize())
                .withGatewayTimeouts(shopSettings.gatewayConnectTimeout(), shopSettings.gatewayTimeout())
                .withBreaker(breaker(shopSettings.breaker()))
                .withUnsafeStockCheck(shopSettings.unsafeStockCheck())
                .withArtificialDelay(shopSettings.artificialDelay());
        DemoShopProcess shop = cleanup.register("demo shop", launch("demo shop", () ->
                DemoShopProcess.start(shopArgs, options(logs.shop(), settings, shopSettings.heap()))));
        log.info("demo shop ready at {}", shop.baseUrl());

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", "embedded");
        description.put("shop", shop.baseUrl());
        description.put("gateway", gateway.baseUrl());
        description.put("database", JdbcUrls.mask(database.url()));
        description.put("dataset", datasetFacts(seeded));
        return new EmbeddedSaleEnvironment(URI.create(shop.baseUrl()), database, gateway.admin(), description);
    }

    private static BreakerSettings breaker(EmbeddedSettings.Breaker breaker) {
        return new BreakerSettings(breaker.window(), breaker.minimumCalls(), breaker.failureRatePercent(),
                breaker.slowCall(), breaker.slowCallRatePercent(), breaker.openWait(), breaker.halfOpenCalls());
    }

    /** The configured external database, or a freshly started embedded one. */
    private static DatabaseSettings startDatabase(DatabaseSettings settings, Cleanup cleanup) {
        if (!settings.embedded()) {
            log.info("using the external database {}", settings.url());
            return settings;
        }
        try {
            EmbeddedDatabase db = cleanup.register("embedded PostgreSQL", EmbeddedDatabase.start());
            return new DatabaseSettings(db.jdbcUrl(), db.user(), db.password(), DbTarget.LOOPBACK);
        } catch (EmbeddedDatabaseException e) {
            throw new EnvironmentError(e.getMessage(), e);
        }
    }

    /** What was seeded and whether the key queries got their expected plans. */
    private record Seeded(SeedReport report, PlanCheckResult planCheck) {
    }

    /**
     * Seeds (or finds the dataset already loaded), then runs the plan check itself — also on an already loaded
     * database — so the run's summary can show its result. A plan mismatch stops the run as it always did.
     */
    private static Seeded seed(DbTarget database, DatasetSpec spec) {
        try {
            Seeder seeder = new Seeder(database).planCheckAfterSeed(false);
            SeedReport report = seeder.seed(spec);
            log.info("dataset {} ({} rows{})", report.fingerprint().substring(0, 12), report.totalRows(),
                    report.noOp() ? ", already loaded" : String.format(", loaded in %.1f s", report.totalSeconds()));
            PlanCheckResult plans = seeder.planCheck(spec);
            if (!plans.skipped() && !plans.passed()) {
                throw new EnvironmentError("the seeded database does not give the expected query plans: "
                        + plans.describe());
            }
            log.info(plans.skipped() ? "plan check skipped: " + plans.skipReason()
                    : "plan check passed (" + plans.entries().size() + " queries)");
            return new Seeded(report, plans);
        } catch (SafetyException | SeederException e) {
            throw new EnvironmentError("seeding the database failed: " + e.getMessage(), e);
        }
    }

    /** The plan check as summary.json records it: {passed, queries:[{name, description, matched}]}, or skipped. */
    private static Map<String, Object> planCheckFacts(PlanCheckResult result) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (result.skipped()) {
            facts.put("skipped", true);
            facts.put("reason", result.skipReason());
            return facts;
        }
        facts.put("passed", result.passed());
        facts.put("queries", result.entries().stream().map(entry -> {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("name", entry.name());
            query.put("description", entry.description());
            query.put("matched", entry.matched());
            return query;
        }).toList());
        return facts;
    }

    private static Map<String, Object> datasetFacts(Seeded seeded) {
        SeedReport report = seeded.report();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("fingerprint", report.fingerprint());
        facts.put("alreadyLoaded", report.noOp());
        facts.put("totalRows", report.totalRows());
        facts.put("loadSeconds", report.totalSeconds());
        Map<String, Long> rows = new LinkedHashMap<>();
        report.tables().forEach(table -> rows.put(table.table(), table.rows()));
        facts.put("rows", rows);
        facts.put("planCheck", planCheckFacts(seeded.planCheck()));
        return facts;
    }

    private static ProcessOptions options(Path logFile, EmbeddedSettings settings, String heap) {
        return new ProcessOptions(logFile, settings.startupTimeout(), heap, List.of());
    }

    private interface Launch<T> {
        T start();
    }

    private static <T> T launch(String part, Launch<T> launch) {
        try {
            return launch.start();
        } catch (LaunchException e) {
            throw new EnvironmentError(part + " did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public Optional<DatabaseSettings> database() {
        return Optional.of(database);
    }

    @Override
    public Optional<GatewayAdmin> paymentGateway() {
        return Optional.of(gateway);
    }

    @Override
    public Map<String, Object> describe() {
        return description;
    }

    @Override
    public void close() {
        // the parts are closed by the run's Cleanup, newest first
    }
}
