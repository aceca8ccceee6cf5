package dev.salerush.sim.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EmbeddedSettings;
import dev.salerush.env.ops.OperationSchedule;
import dev.salerush.env.ops.ScheduledOperation;
import dev.salerush.seeder.spec.DatasetSpec;
import dev.salerush.seeder.safety.SafetyException;
import dev.salerush.seeder.safety.TargetGuard;
import dev.salerush.sim.plan.TrafficPlan;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
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

    private final Config config;
    private final ConfigReader reader;
    private final Path root;
    private final TreeSet<String> profileNames;
    private final Profile profile;
    private final Duration expectedRequestDuration;
    private final Duration networkAllowance;
    private final TrafficPlan plan;
    private final LocalizedText situation;
    private final boolean planOnly;
    private final JourneySettings journeys;
    private final TargetSettings target;
    private final DatabaseSettings database;
    private final IdSettings ids;
    private final MetricsSettings metrics;
    private final InjectorSettings injector;
    private final EmbeddedSettings embedded;
    private final TargetKind targetKind;
    private final Path resultsDir;
    private final int resultsKeep;
    private final RegressionSettings regression;
    private final DatasetSpec dataset;
    private final List<ScheduledOperation> operations;
    private final DrillSettings drills;
    private final List<Comparison> comparisons;
    private final ReportSettings report;
    private final SimulationSettings simulation;
    private final int shards;
    private final Duration shardStartDelay;
    private final IntegritySettings integrity;
    private final SloSource sloSource;
    private final Secrets secrets;

    SuiteConfig(Config config, Path root, SloSource sloSource, Secrets secrets, Map<String, String> drillHeaders) {
        this.config = config;
        this.reader = new ConfigReader(config, "");
        this.root = root;
        this.sloSource = sloSource;
        this.secrets = secrets;
        this.profileNames = new TreeSet<>(reader.section("profiles").root().keySet());
        this.profile = parseProfile();
        this.expectedRequestDuration = reader.positiveDuration("plan.expectedRequestDuration");
        this.networkAllowance = reader.nonNegativeDuration("plan.networkAllowance");
        this.plan = parsePlan();
        this.situation = LocalizedText.read(reader, "plan.situation", false);
        this.planOnly = reader.bool("plan.only");
        this.journeys = JourneySettings.from(reader.child("journeys"));
        this.target = parseTarget();
        this.database = parseDatabase();
        this.ids = parseIds();
        this.metrics = MetricsSettings.from(reader.child("metrics"), reader.hostList("target.allowedHosts"));
        this.injector = InjectorSettings.from(reader.child("injector"));
        this.embedded = EmbeddedSection.read(reader.child("embedded"));
        this.targetKind = TargetKind.of(target, embedded);
        if (targetKind.redundant() && !database.embedded()) {
            throw new ConfigError("embedded.topology = redundant starts its own PostgreSQL primary and standby: leave "
                    + "db.url empty (it is " + database.url() + ")");
        }
        this.resultsDir = root.resolve(reader.nonBlank("results.dir")).normalize();
        this.resultsKeep = reader.wholeNumberFrom("results.keep", 0,
                "a whole number of runs to keep in each group, 0 (every run) or more");
        this.regression = parseRegression();
        this.dataset = DatasetSection.read(reader.child("dataset"));
        this.operations = parseOperations();
        this.drills = parseDrills(drillHeaders);
        this.comparisons = CompareSection.read(reader, drills.catalogue().keySet());
        this.report = parseReport();
        this.simulation = SimulationSettings.from(reader, root, !database.embedded());
        this.shards = reader.intInRange("shards", 1, MAX_LOCAL_SHARDS);
        this.shardStartDelay = reader.positiveDuration("shardStartDelay");
        this.integrity = IntegritySettings.from(reader.child("integrity"));
    }

    /** The simulation to run and what the suite must know of it (simulation, journeys.requestsPerUser, ids.feeders). */
    public SimulationSettings simulation() {
        return simulation;
    }

    /** Most shards the local launcher starts on one machine. */
    public static final int MAX_LOCAL_SHARDS = 64;

    /** {@code shards}: how many local shard JVMs the launcher starts; 1 runs one injector as usual. */
    public int shards() {
        return shards;
    }

    /** {@code shardStartDelay}: how far ahead the launcher sets the shards' common start time. */
    public Duration shardStartDelay() {
        return shardStartDelay;
    }

    /** How the order-integrity check reads the target's orders (integrity.queries, integrity.paidStatus). */
    public IntegritySettings integrity() {
        return integrity;
    }

    /** Whose SLOs judge the run: the defaults' (the demo's) or the team's own. */
    public SloSource sloSource() {
        return sloSource;
    }

    /** The secrets the configuration declares, for the simulation only (never written to the run folder). */
    public Secrets secrets() {
        return secrets;
    }

    /** How every page and notice is written: language, time zone, the team's templates, the reports' authors. */
    public ReportSettings report() {
        return report;
    }

    private ReportSettings parseReport() {
        ReportLocale locale = ReportLocale.parse(reader.oneOf("report.locale", List.of("ko", "en")));
        return new ReportSettings(locale, ReportSettings.parseZone(reader.string("report.zone"), locale),
                ReportSettings.parseTemplates(reader.string("report.templates"), root),
                ReportSettings.parseAuthors(reader.has("report.authors") && config.getValue("report.authors")
                        .valueType() == com.typesafe.config.ConfigValueType.STRING
                        ? List.of(reader.string("report.authors")) : reader.stringList("report.authors")));
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

    /** {@code plan.expectedRequestDuration}: the expected duration of one request, which T is derived from. */
    public Duration expectedRequestDuration() {
        return expectedRequestDuration;
    }

    /** {@code plan.networkAllowance}: the network time one iteration adds to T. */
    public Duration networkAllowance() {
        return networkAllowance;
    }

    /** {@code plan.situation}: the situation the test plan describes, per report language. */
    public LocalizedText situation() {
        return situation;
    }

    /** {@code plan.only}: write the test plan and exit, starting nothing and sending no load. */
    public boolean planOnly() {
        return planOnly;
    }

    /**
     * The profile of that name as a run of it would have it (with the default warm-up); {@code duration} changes the
     * selected profile only. The test plan lists every profile, so one that does not parse throws its
     * {@link ConfigError} here, not when the configuration is loaded.
     */
    public Profile profileNamed(String name) {
        if (name.equals(profile.name())) {
            return profile;
        }
        if (!profileNames.contains(name)) {
            throw new ConfigError("unknown profile '" + name + "'; available profiles: "
                    + String.join(", ", profileNames));
        }
        return readProfile(name);
    }

    /** The named profile with the default warm-up before it, unless it has its own. */
    private Profile readProfile(String name) {
        String key = "profiles." + ConfigUtil.quoteString(name);
        return Profile.from(name, new ConfigReader(config.getConfig(key), "profiles." + name))
                .withWarmupIfNone(parseWarmup());
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

    /** {@code results.keep}: how many runs of each simulation, profile and target to keep; 0 keeps every run. */
    public int resultsKeep() {
        return resultsKeep;
    }

    public RegressionSettings regression() {
        return regression;
    }

    /** The {@code dataset} section: what the seeder loads, and where the journeys draw their ids from. */
    public DatasetSpec dataset() {
        return dataset;
    }

    /** The {@code operations} performed on the environment while the load runs, in time order. */
    public List<ScheduledOperation> operations() {
        return operations;
    }

    /** What the target is: external, or the embedded environment in its topology. */
    public TargetKind targetKind() {
        return targetKind;
    }

    /** The {@code drills} section, and the drills this run performs (none unless -Ddrill= or the game day). */
    public DrillSettings drills() {
        return drills;
    }

    /** The profile of a mitigation comparison's runs: both sides of every pair, linked from its page. */
    public static final String COMPARISON_PROFILE = DrillsSection.COMPARE_PROFILE;

    /**
     * Whether this run compares mitigations ({@code -Dprofile=compare} without a drill): it sends no load itself but
     * runs each of {@link #comparisons()} twice, as drill runs of the same profile.
     */
    public boolean comparesMitigations() {
        return DrillsSection.COMPARE_PROFILE.equals(profile.name()) && reader.string("drill").trim().isEmpty();
    }

    /** {@code compare.pairs}: the comparisons a comparison run performs, in order. */
    public List<Comparison> comparisons() {
        return comparisons;
    }

    private DrillSettings parseDrills(Map<String, String> headers) {
        DrillSettings parsed = DrillsSection.read(reader, profile.name(), root, headers);
        if (profile.slos().isEmpty() && !parsed.active() && !comparesMitigations()) {
            throw new ConfigError("profile " + profile.name() + " is judged by drills: run it with -Ddrill=<name> ("
                    + String.join(", ", parsed.catalogue().keySet()) + ")");
        }
        if (parsed.active() && parsed.isExternal() && targetKind != TargetKind.EXTERNAL) {
            throw new ConfigError("drills.environment = external drills a service you run: set target.baseUrl to it "
                    + "(the embedded demo world has its own alerting: drills.environment = embedded)");
        }
        if (parsed.active() && !parsed.isExternal() && targetKind == TargetKind.EXTERNAL) {
            throw new ConfigError("drills.environment = embedded runs on the embedded sale environment only "
                    + "(target.baseUrl empty): the suite never injects faults into a service it did not start unless "
                    + "told so: drills.environment = external drills your own staging with your steps and your "
                    + "alerting");
        }
        if (parsed.active() && !parsed.isExternal()) {
            checkSteps(parsed);
        }
        if (parsed.active() && !operations.isEmpty()) {
            throw new ConfigError("operations and a drill together: the drill performs its own fault and first action;"
                    + " leave operations empty");
        }
        return parsed;
    }

    /** Every operation a drill of this run performs must be one the environment can perform as configured. */
    private void checkSteps(DrillSettings drills) {
        for (DrillSettings.ScheduledDrill scheduled : drills.scheduled()) {
            DrillSettings.DrillSpec drill = scheduled.drill();
            for (DrillSettings.DrillStep step : drill.steps().filter(s -> s.operation() != null).toList()) {
                ScheduledOperation operation = step.operation();
                OperationSupport.refusal(operation.operation(), operation.argument(), embedded).ifPresent(why -> {
                    throw new ConfigError("drills.catalogue." + drill.name() + ": '" + step + "' " + why);
                });
            }
        }
    }

    private List<ScheduledOperation> parseOperations() {
        List<ScheduledOperation> schedule;
        try {
            schedule = OperationSchedule.parse(reader.string("operations"));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("operations: " + e.getMessage(), e);
        }
        for (ScheduledOperation entry : schedule) {
            if (!target.embedded()) {
                throw new ConfigError("operations: '" + entry + "' needs the embedded sale environment (target.baseUrl "
                        + "empty); the suite never operates on a service it did not start");
            }
            OperationSupport.refusal(entry.operation(), entry.argument(), embedded).ifPresent(why -> {
                throw new ConfigError("operations: '" + entry + "' " + why);
            });
        }
        return schedule;
    }

    private Profile parseProfile() {
        String name = reader.string("profile").trim();
        if (name.isEmpty()) {
            throw new ConfigError("profile is empty; available profiles: " + String.join(", ", profileNames));
        }
        if (!profileNames.contains(name)) {
            throw new ConfigError("unknown profile '" + name + "'; available profiles: " + String.join(", ", profileNames));
        }
        Profile profile = readProfile(name);
        String duration = reader.string("duration").trim();
        return duration.isEmpty() ? profile : profile.withMainPhase(reader.positiveDuration("duration"));
    }

    /** The default warm-up as an unmeasured constant step, or null for none. */
    private InjectionStep parseWarmup() {
        ConfigReader warmup = reader.child("warmup");
        java.time.Duration during = warmup.nonNegativeDuration("during");
        if (during.isZero()) {
            return null;
        }
        InjectionStep.Rate rate = InjectionStep.rate(warmup, "usersPerSec", "peak", false);
        return new InjectionStep(InjectionStep.Type.CONSTANT, rate, rate, during, false);
    }

    private TargetSettings parseTarget() {
        String baseUrl = reader.string("target.baseUrl").trim();
        URI uri = baseUrl.isEmpty() ? null : reader.httpUrl("target.baseUrl");
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
        TargetSettings target = new TargetSettings(uri, reader.hostList("target.allowedHosts"), healthPath,
                reader.positiveDuration("target.healthTimeout"), giveUpAfter(), paths,
                reader.positiveDuration("target.connectTimeout"), reader.positiveDuration("target.requestTimeout"),
                reader.bool("target.shareConnections"), reader.string("target.servedByHeader").trim());
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

    private DatabaseSettings parseDatabase() {
        String url = reader.string("db.url").trim();
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigError("db.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database) or empty for"
                    + " the embedded database, got '" + url + "'");
        }
        List<String> writeHosts = reader.hostList("db.allowedHosts");
        List<String> readHosts = reader.hostList("db.readHosts");
        if (!url.isEmpty()) {
            try {
                TargetGuard.checkReadHosts(url, readHosts);
                if (target.embedded()) {
                    // the embedded demo shop seeds the database it is given before it serves
                    TargetGuard.checkHosts(url, writeHosts);
                }
            } catch (SafetyException | IllegalArgumentException e) {
                throw new ConfigError(e.getMessage(), e);
            }
        }
        return new DatabaseSettings(url, reader.string("db.user"), reader.string("db.password"), writeHosts,
                readHosts);
    }

    private TrafficPlan parsePlan() {
        double peakToAverage = reader.numberInRange("plan.peakToAverage", 1, 10_000);
        return TrafficPlan.of(
                reader.longInRange("plan.dau", 1, 10_000_000_000L),
                reader.positiveNumber("plan.requestsPerUserPerDay", 100_000),
                peakToAverage,
                reader.intInRange("plan.requestsPerIteration", 1, 1_000), expectedRequestDuration, networkAllowance);
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

    private RegressionSettings parseRegression() {
        String baseline = reader.string("regression.baseline").trim();
        return new RegressionSettings(reader.bool("regression.enabled"),
                baseline.isEmpty() ? null : root.resolve(baseline).normalize(),
                reader.numberInRange("regression.p95Percent", 0, 10_000),
                reader.numberInRange("regression.latencyFloorMs", 0, 1_000_000),
                reader.numberInRange("regression.koPercentPoints", 0, 100),
                reader.numberInRange("regression.breakingPointPercent", 0, 100));
    }
}
