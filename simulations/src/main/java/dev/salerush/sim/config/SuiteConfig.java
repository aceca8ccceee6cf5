package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EmbeddedSettings;
import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.safety.SafetyException;
import dev.salerush.seeder.safety.TargetGuard;
import dev.salerush.sim.plan.TrafficPlan;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The validated configuration of one run, parsed once when it is loaded: every section becomes an immutable settings
 * value, and the first bad value throws a {@link ConfigError} naming the key and the allowed form, so bad input is
 * reported before anything starts. The getters only hand out what was parsed.
 */
public final class SuiteConfig {
    private static final List<String> PATH_NAMES = List.of("brands", "products", "product", "orders", "order");
    /** Rows of one table the dataset may ask for (scale 1); beyond it a typo is far likelier than intent. */
    private static final long MAX_ROWS = 10_000_000_000L;

    private final Config config;
    private final ConfigReader reader;
    private final Path root;
    private final TreeSet<String> profileNames;
    private final Profile profile;
    private final TrafficPlan plan;
    private final JourneySettings journeys;
    private final TargetSettings target;
    private final DatabaseSettings database;
    private final IdSettings ids;
    private final MetricsSettings metrics;
    private final InjectorSettings injector;
    private final EmbeddedSettings embedded;
    private final Path resultsDir;
    private final RegressionSettings regression;
    private final DatasetSpec dataset;

    SuiteConfig(Config config, Path root) {
        this.config = config;
        this.reader = new ConfigReader(config, "");
        this.root = root;
        this.profileNames = new TreeSet<>(reader.section("profiles").root().keySet());
        this.profile = parseProfile();
        this.plan = parsePlan();
        this.journeys = parseJourneys();
        this.target = parseTarget();
        this.database = parseDatabase();
        this.ids = parseIds();
        this.metrics = parseMetrics();
        this.injector = parseInjector();
        this.embedded = parseEmbedded();
        this.resultsDir = root.resolve(reader.nonBlank("results.dir")).normalize();
        this.regression = parseRegression();
        this.dataset = parseDataset();
    }

    /** The merged configuration as read (for tests of the loader). */
    Config raw() {
        return config;
    }

    public Path root() {
        return root;
    }

    public TreeSet<String> profileNames() {
        return new TreeSet<>(profileNames);
    }

    public Profile profile() {
        return profile;
    }

    public TrafficPlan plan() {
        return plan;
    }

    public JourneySettings journeys() {
        return journeys;
    }

    public TargetSettings target() {
        return target;
    }

    public DatabaseSettings database() {
        return database;
    }

    public IdSettings ids() {
        return ids;
    }

    public MetricsSettings metrics() {
        return metrics;
    }

    /** The {@code injector} section: the load generator's stall detector. */
    public InjectorSettings injector() {
        return injector;
    }

    /** The {@code embedded} section: the demo shop and its payment gateway. */
    public EmbeddedSettings embedded() {
        return embedded;
    }

    public Path resultsDir() {
        return resultsDir;
    }

    public RegressionSettings regression() {
        return regression;
    }

    /** The {@code dataset} section: what the seeder loads, and where the journeys draw their ids from. */
    public DatasetSpec dataset() {
        return dataset;
    }

    private Profile parseProfile() {
        String name = reader.string("profile").trim();
        if (name.isEmpty()) {
            throw new ConfigError("profile is empty; available profiles: " + String.join(", ", profileNames));
        }
        if (!profileNames.contains(name)) {
            throw new ConfigError("unknown profile '" + name + "'; available profiles: " + String.join(", ", profileNames));
        }
        String key = "profiles." + ConfigUtil.quoteString(name);
        Profile profile = Profile.from(name, new ConfigReader(config.getConfig(key), "profiles." + name));
        String duration = reader.string("duration").trim();
        return duration.isEmpty() ? profile : profile.withMainPhase(reader.positiveDuration("duration"));
    }

    private TargetSettings parseTarget() {
        String baseUrl = reader.string("target.baseUrl").trim();
        URI uri = baseUrl.isEmpty() ? null : httpUrl("target.baseUrl", baseUrl);
        Map<String, String> paths = new LinkedHashMap<>();
        for (String name : PATH_NAMES) {
            String path = reader.string("target.paths." + name);
            if (!path.startsWith("/")) {
                throw new ConfigError("target.paths." + name + " must start with '/', got '" + path + "'");
            }
            paths.put(name, path);
        }
        String healthPath = reader.string("target.healthPath");
        if (!healthPath.startsWith("/")) {
            throw new ConfigError("target.healthPath must start with '/', got '" + healthPath + "'");
        }
        TargetSettings target = new TargetSettings(uri, hostList("target.allowedHosts"), healthPath,
                reader.positiveDuration("target.healthTimeout"), giveUpAfter(), paths,
                reader.positiveDuration("target.connectTimeout"), reader.positiveDuration("target.requestTimeout"),
                reader.bool("target.shareConnections"));
        target.checkAllowed();
        return target;
    }

    private java.time.Duration giveUpAfter() {
        java.time.Duration giveUp = reader.positiveDuration("target.giveUpAfter");
        if (giveUp.toMillis() < 1_000 || giveUp.toMinutes() > 10) {
            throw new ConfigError("target.giveUpAfter must be between 1s and 10m, got " + giveUp.toMillis() + "ms");
        }
        return giveUp;
    }

    private EmbeddedSettings parseEmbedded() {
        EmbeddedSettings.Shop shop = new EmbeddedSettings.Shop(
                reader.intInRange("embedded.shop.port", 0, 65535),
                heapSize("embedded.shop.heap"),
                reader.intInRange("embedded.shop.browsePoolSize", 1, 500),
                reader.intInRange("embedded.shop.orderPoolSize", 1, 500),
                reader.positiveDuration("embedded.shop.gatewayConnectTimeout"),
                reader.positiveDuration("embedded.shop.gatewayTimeout"),
                breaker("embedded.shop.breaker"),
                reader.bool("embedded.shop.unsafeStockCheck"),
                reader.nonNegativeDuration("embedded.shop.artificialDelay"));
        EmbeddedSettings.Gateway gateway = new EmbeddedSettings.Gateway(
                reader.intInRange("embedded.gateway.port", 0, 65535),
                reader.positiveDuration("embedded.gateway.medianLatency"),
                reader.numberInRange("embedded.gateway.latencySigma", 0, 3),
                heapSize("embedded.gateway.heap"),
                reader.intInRange("embedded.gateway.maxRequestJournalEntries", 1, 10_000_000),
                reader.intInRange("embedded.gateway.containerThreads", 8, 2_000));
        return new EmbeddedSettings(reader.positiveDuration("embedded.startupTimeout"),
                reader.nonNegativeDuration("embedded.warmup"), shop, gateway);
    }

    private EmbeddedSettings.Breaker breaker(String key) {
        return new EmbeddedSettings.Breaker(
                reader.intInRange(key + ".window", 1, 10_000),
                reader.intInRange(key + ".minimumCalls", 1, 10_000),
                reader.intInRange(key + ".failureRate", 1, 100),
                reader.positiveDuration(key + ".slowCall"),
                reader.intInRange(key + ".slowCallRate", 1, 100),
                reader.positiveDuration(key + ".openWait"),
                reader.intInRange(key + ".halfOpenCalls", 1, 10_000));
    }

    private DatabaseSettings parseDatabase() {
        String url = reader.string("db.url").trim();
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigError("db.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database) or empty for"
                    + " the embedded database, got '" + url + "'");
        }
        List<String> allowedHosts = hostList("db.allowedHosts");
        if (!url.isEmpty()) {
            try {
                TargetGuard.checkHosts(url, allowedHosts);
            } catch (SafetyException | IllegalArgumentException e) {
                throw new ConfigError(e.getMessage(), e);
            }
        }
        return new DatabaseSettings(url, reader.string("db.user"), reader.string("db.password"), allowedHosts);
    }

    private TrafficPlan parsePlan() {
        double peakToAverage = reader.numberInRange("plan.peakToAverage", 1, 10_000);
        return TrafficPlan.of(
                reader.longInRange("plan.dau", 1, 10_000_000_000L),
                reader.positiveNumber("plan.requestsPerUserPerDay", 100_000),
                peakToAverage,
                reader.intInRange("plan.requestsPerIteration", 1, 1_000),
                reader.positiveDuration("plan.expectedRequestDuration"),
                reader.nonNegativeDuration("plan.networkAllowance"));
    }

    private JourneySettings parseJourneys() {
        Map<String, Double> sortWeights = new LinkedHashMap<>();
        for (String sort : JourneySettings.SORTS) {
            sortWeights.put(sort, reader.numberInRange("journeys.browsing.sortWeights." + sort, 0, 1_000_000));
        }
        if (sortWeights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new ConfigError("journeys.browsing.sortWeights must give at least one sort a positive weight");
        }
        JourneySettings.Browsing browsing = new JourneySettings.Browsing(sortWeights,
                reader.intInRange("journeys.browsing.pageSize", 1, 100),
                reader.numberInRange("journeys.browsing.nextPageProbability", 0, 1),
                reader.intInRange("journeys.browsing.maxPages", 1, 100),
                reader.numberInRange("journeys.browsing.detailProbability", 0, 1),
                thinkTime("journeys.browsing.thinkTime"));
        JourneySettings.Ordering ordering = new JourneySettings.Ordering(
                reader.intInRange("journeys.ordering.hotProducts", 1, 100_000),
                reader.intInRange("journeys.ordering.maxQuantity", 1, 10),
                reader.numberInRange("journeys.ordering.retryProbability", 0, 1),
                thinkTime("journeys.ordering.thinkTime"),
                reader.has("journeys.ordering.hotStock") ? reader.intInRange("journeys.ordering.hotStock", 0, 1_000_000) : 0);
        double browsingWeight = reader.numberInRange("journeys.saleDay.browsing", 0, 1_000_000);
        double orderingWeight = reader.numberInRange("journeys.saleDay.ordering", 0, 1_000_000);
        if (browsingWeight + orderingWeight <= 0) {
            throw new ConfigError("journeys.saleDay weights must not both be 0");
        }
        return new JourneySettings(browsing, ordering, browsingWeight, orderingWeight);
    }

    private JourneySettings.ThinkTime thinkTime(String key) {
        var min = reader.nonNegativeDuration(key + ".min");
        var max = reader.nonNegativeDuration(key + ".max");
        if (max.compareTo(min) < 0) {
            throw new ConfigError(key + ".max must not be shorter than " + key + ".min");
        }
        return new JourneySettings.ThinkTime(min, max);
    }

    private IdSettings parseIds() {
        String source = reader.string("ids.source").trim();
        boolean fromDatabase = switch (source) {
            case "dataset" -> false;
            case "database" -> true;
            case "auto" -> !target.embedded() && !database.embedded();
            default -> throw new ConfigError("ids.source must be one of auto, dataset, database; got '" + source + "'");
        };
        if (fromDatabase && database.embedded()) {
            throw new ConfigError("ids.source = database needs db.url: the database to sample ids from");
        }
        return new IdSettings(fromDatabase, reader.nonBlank("ids.brandsQuery"), reader.nonBlank("ids.hotProductsQuery"),
                reader.nonBlank("ids.maxUserIdQuery"));
    }

    private MetricsSettings parseMetrics() {
        boolean enabled = reader.bool("metrics.enabled");
        String url = reader.string("metrics.url").trim();
        if (!url.isEmpty()) {
            URI uri = httpUrl("metrics.url", url);
            List<String> allowedHosts = hostList("target.allowedHosts");
            if (!TargetSettings.isAllowed(uri.getHost(), allowedHosts)) {
                throw new ConfigError("metrics.url host '" + uri.getHost() + "' is not in target.allowedHosts "
                        + allowedHosts + "; add it there on purpose if the suite may scrape it");
            }
        }
        java.time.Duration interval = reader.positiveDuration("metrics.interval");
        if (interval.toMillis() < 100 || interval.toMillis() > 60_000) {
            throw new ConfigError("metrics.interval must be between 100ms and 60s, got " + interval.toMillis() + "ms");
        }
        java.util.function.Function<String, String> name = key -> {
            String value = reader.nonBlank("metrics.names." + key).trim();
            if (!value.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                throw new ConfigError("metrics.names." + key + " must be a Prometheus metric name"
                        + " ([a-zA-Z_:][a-zA-Z0-9_:]*), got '" + value + "'");
            }
            return value;
        };
        return new MetricsSettings(enabled, url, interval, new MetricsSettings.Names(name.apply("cpu"),
                name.apply("heap"), name.apply("requests"), name.apply("poolActive"), name.apply("poolPending"),
                name.apply("breakerState")));
    }

    private InjectorSettings parseInjector() {
        java.time.Duration period = reader.positiveDuration("injector.stallPeriod");
        if (period.toNanos() % 1_000_000 != 0 || period.toMillis() > 100) {
            throw new ConfigError("injector.stallPeriod must be a whole number of milliseconds between 1ms and 100ms,"
                    + " got " + millis(period));
        }
        java.time.Duration bound = reader.positiveDuration("injector.stallBound");
        if (bound.toMillis() < 1 || bound.toSeconds() > 60) {
            throw new ConfigError("injector.stallBound must be between 1ms and 60s, got " + millis(bound));
        }
        return new InjectorSettings(period, bound);
    }

    /** {@code 200ms}, {@code 1.5ms}: a duration as a user would have written it in milliseconds. */
    private static String millis(java.time.Duration duration) {
        long nanos = duration.toNanos();
        return (nanos % 1_000_000 == 0 ? String.valueOf(nanos / 1_000_000) : String.valueOf(nanos / 1e6)) + "ms";
    }

    private RegressionSettings parseRegression() {
        String baseline = reader.string("regression.baseline").trim();
        return new RegressionSettings(reader.bool("regression.enabled"),
                baseline.isEmpty() ? null : root.resolve(baseline).normalize(),
                reader.numberInRange("regression.p95Percent", 0, 10_000),
                reader.numberInRange("regression.latencyFloorMs", 0, 1_000_000),
                reader.numberInRange("regression.koPercentPoints", 0, 100),
                reader.numberInRange("regression.breakingPointPercent", 0, 100));
    }

    /** The seeder's own checks (e.g. stock.min <= stock.max) name their keys too. */
    private DatasetSpec parseDataset() {
        try {
            return new DatasetSpec(
                    reader.positiveNumber("dataset.scale", DatasetSpec.MAX_SCALE),
                    reader.longInRange("dataset.seed", Long.MIN_VALUE, Long.MAX_VALUE),
                    reader.longInRange("dataset.brands", 1, MAX_ROWS),
                    reader.longInRange("dataset.products", 1, MAX_ROWS),
                    reader.longInRange("dataset.users", 1, MAX_ROWS),
                    reader.longInRange("dataset.orders", 0, MAX_ROWS),
                    reader.intInRange("dataset.stock.min", 0, Integer.MAX_VALUE),
                    reader.intInRange("dataset.stock.max", 0, Integer.MAX_VALUE),
                    reader.numberInRange("dataset.zipfExponent", 0, 5));
        } catch (IllegalArgumentException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    private List<String> hostList(String key) {
        List<String> hosts = reader.stringList(key);
        if (hosts.isEmpty() || hosts.stream().anyMatch(String::isBlank)) {
            throw new ConfigError(key + " must list at least one host name or address, with no empty entries");
        }
        return hosts;
    }

    private String heapSize(String key) {
        String heap = reader.string(key).trim();
        if (!heap.matches("[1-9][0-9]*[kKmMgG]")) {
            throw new ConfigError(key + " must be a JVM heap size such as 512m or 2g, got '" + heap + "'");
        }
        return heap;
    }

    static URI httpUrl(String key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigError(key + " must be an http:// or https:// URL, e.g. http://127.0.0.1:8080, got '" + value
                    + "' (" + e.getReason() + ")", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigError(key + " must be an http:// or https:// URL, e.g. http://127.0.0.1:8080, got '" + value + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigError(key + " must name a host, e.g. http://127.0.0.1:8080, got '" + value + "'");
        }
        return uri;
    }
}
