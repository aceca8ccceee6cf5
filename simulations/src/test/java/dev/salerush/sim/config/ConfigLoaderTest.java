package dev.salerush.sim.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    static final Path PROJECT_ROOT = TestConfigs.PROJECT_ROOT;

    static SuiteConfig load(String... keyValues) {
        return TestConfigs.load(keyValues);
    }

    @Test
    void theExampleTeamFileSelectsItsSimulationIdsAndRequestSlos() {
        SuiteConfig config = load("salerush.conf", "conf/examples/goods.conf", "profile", "load");

        assertThat(config.simulation().className()).isEqualTo("dev.salerush.example.goods.GoodsSimulation");
        assertThat(config.simulation().feederFile("brands"))
                .isEqualTo(PROJECT_ROOT.resolve("conf/examples/goods-brands.csv"));
        assertThat(config.profile().slos()).extracting(Slo::request)
                .contains("goods first page", "purchase").doesNotContain("list products");
        // the shipped file keeps the built-in simulation and asks for no team ids
        SuiteConfig shipped = load();
        assertThat(shipped.simulation().className()).isEqualTo("dev.salerush.sim.simulations.SaleSimulation");
        assertThat(shipped.simulation().feeders()).isEmpty();
        assertThat(shipped.simulation().queries()).isEmpty();
    }

    @Test
    void shippedConfigurationIsValidAndDefaultsToTheEmbeddedSmokeRun() {
        SuiteConfig config = load();

        assertThat(config.profile().name()).isEqualTo("smoke");
        assertThat(config.target().embedded()).isTrue();
        assertThat(config.profile().slos()).extracting(Slo::metric).contains(SloMetric.P95_MS, SloMetric.KO_PERCENT);
        assertThat(config.resultsDir()).isEqualTo(PROJECT_ROOT.resolve("results"));
    }

    @Test
    void commandLinePropertiesOverrideTheFile() {
        SuiteConfig config = load("target.baseUrl", "http://127.0.0.1:9999", "target.requestTimeout", "3s");

        assertThat(config.target().baseUrl()).hasToString("http://127.0.0.1:9999");
        assertThat(config.target().requestTimeout()).hasSeconds(3);
    }

    @Test
    void jvmPropertiesOutsideTheConfigurationAreIgnored() {
        SuiteConfig config = load("java.version", "17", "user.dir", "/tmp", "it.test", "SmokeRunIT", "test", "none");

        assertThat(config.raw().hasPath("java.version")).isFalse();
    }

    @Test
    void aTeamProfileMayBeAStaircaseInUsersPerSecond(@TempDir Path dir) throws IOException {
        Path team = Files.writeString(dir.resolve("team.conf"), """
                profile = mine
                profiles.mine {
                  stairs { from = 10, step = 5, hold = 5s, steps = 3, breachSustain = 2s, headroom = 0, warmup = 1s }
                  slo = [ { name = "p95", metric = p95Ms, threshold = 75 } ]
                }
                """);

        assertThat(load("salerush.conf", team.toString()).profile().stairs().steps()).isEqualTo(3);
    }

    @Test
    void unknownProfileListsTheAvailableOnes() {
        assertThatThrownBy(() -> load("profile", "nope"))
                .isInstanceOf(ConfigError.class)
                .hasMessage("unknown profile 'nope'; available profiles: " + String.join(", ", load().profileNames()));
    }

    @Test
    void urlWithoutSchemeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load("target.baseUrl", "127.0.0.1:8080"))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("target.baseUrl must be an http:// or https:// URL");
    }

    @Test
    void hostOutsideTheAllowListIsRefusedNamingTheHostAndTheKey() {
        assertThatThrownBy(() -> load("target.baseUrl", "http://shop.example.com"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("'shop.example.com'")
                .hasMessageContaining("target.allowedHosts");
    }

    @Test
    void bracketedIpv6LoopbackIsAllowed() {
        assertThat(load("target.baseUrl", "http://[::1]:8080").target().baseUrl().getHost()).isEqualTo("[::1]");
    }

    @Test
    void malformedDurationNamesTheKeyAndTheForm() {
        assertThatThrownBy(() -> load("target.healthTimeout", "abc"))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("target.healthTimeout must be a duration with a unit");
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> load("embedded.shop.port", "70000"))
                .hasMessage("embedded.shop.port must be between 0 and 65535, got 70000");
    }

    @Test
    void negativeRateAndEmptySloListAreRefusedNamingTheProfileKey(@TempDir Path root) throws IOException {
        writeConfigWithProfile(root, "bad { injection = [ { type = constant, usersPerSec = -5, during = 10s } ], "
                + "slo = [ { name = x, metric = p95Ms, threshold = 10 } ] }");
        assertThatThrownBy(() -> ConfigLoader.load(root, props("profile", "bad")))
                .hasMessageStartingWith("profiles.bad.injection[0].usersPerSec must be a number greater than 0");

        writeConfigWithProfile(root, "bad { injection = [ { type = constant, usersPerSec = 5, during = 10s } ], slo = [] }");
        assertThatThrownBy(() -> ConfigLoader.load(root, props("profile", "bad")))
                .hasMessageStartingWith("profiles.bad.slo is empty");
    }

    @Test
    void unknownSloMetricListsTheAllowedOnes(@TempDir Path root) throws IOException {
        writeConfigWithProfile(root, "bad { injection = [ { type = constant, usersPerSec = 5, during = 10s } ], "
                + "slo = [ { name = x, metric = p42, threshold = 10 } ] }");
        assertThatThrownBy(() -> ConfigLoader.load(root, props("profile", "bad")))
                .hasMessage("profiles.bad.slo[0].metric must be one of p50Ms, p90Ms, p95Ms, p99Ms, p999Ms, maxMs, koPercent,"
                        + " got 'p42'");
    }

    @Test
    void aPeakRatioBelowOneIsRefused() {
        assertThatThrownBy(() -> load("plan.peakToAverage", "0.5"))
                .hasMessage("plan.peakToAverage must be a number between 1.0 and 10000.0, got 0.5");
    }

    @Test
    void hotStockIsOptionalAndMustBeAWholeNumberOfUnits() {
        assertThat(load().journeys().ordering().hotStock()).isZero();
        assertThat(load("journeys.ordering.hotStock", "25").journeys().ordering().hotStock()).isEqualTo(25);
        assertThatThrownBy(() -> load("journeys.ordering.hotStock", "-1"))
                .isInstanceOf(ConfigError.class)
                .hasMessage("journeys.ordering.hotStock must be between 0 and 1000000, got -1");
        assertThatThrownBy(() -> load("journeys.ordering.hotStock", "lots"))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("journeys.ordering.hotStock must be a whole number");
    }

    @Test
    void aDurationWithoutUnitIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load("duration", "abc"))
                .hasMessage("duration must be a duration with a unit, e.g. 30s or 500ms, got 'abc'");
    }

    @Test
    void durationSetsTheMainStepOfTheProfile() {
        Profile load = load("profile", "load", "duration", "60s").profile();

        // the default warm-up first, unmeasured and untouched by -Dduration
        assertThat(load.injection()).extracting(InjectionStep::during).containsExactly(java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(2), java.time.Duration.ofSeconds(60));
        assertThat(load.injection()).extracting(InjectionStep::measured).containsExactly(false, true, true);
    }

    @Test
    void everyProfileGetsTheDefaultWarmUpUnlessItHasItsOwnOrItIsOff() {
        assertThat(load("profile", "smoke").profile().warmup()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(load("profile", "smoke", "warmup.during", "0s").profile().warmup()).isZero();
        assertThat(load("profile", "smoke", "warmup.during", "3s").profile().injection().get(0).from())
                .isEqualTo(new InjectionStep.Rate(0.5, true));
        // the staircase's own 10 s warm-up at its first step's rate, not the default
        assertThat(load("profile", "stress", "warmup.during", "3s").profile().warmup())
                .isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void aTeamFileMaySetAFixedWarmUpRate(@TempDir Path dir) throws IOException {
        Path team = Files.writeString(dir.resolve("team.conf"), "warmup { usersPerSec = 10, peak = null }\n");

        assertThat(load("salerush.conf", team.toString(), "profile", "smoke").profile().injection().get(0).from())
                .isEqualTo(new InjectionStep.Rate(10, false));
    }

    @Test
    void theShippedPlanGivesTheScenarioDocumentsAverage() {
        assertThat(Math.round(load().plan().averageRps() * 10) / 10.0).isEqualTo(38.2);
    }

    @Test
    void idsFromTheDatabaseNeedADatabase() {
        assertThatThrownBy(() -> load("ids.source", "database"))
                .hasMessage("ids.source = database needs db.url: the database to sample ids from");
    }

    @Test
    void idsComeFromTheDatabaseOfAnExternalTargetWhenOneIsConfigured() {
        SuiteConfig config = load("target.baseUrl", "http://127.0.0.1:8080",
                "db.url", "jdbc:postgresql://127.0.0.1:5432/shop");

        assertThat(config.ids().fromDatabase()).isTrue();
        assertThat(load().ids().fromDatabase()).isFalse();
    }

    @Test
    void aDatabaseTheSuiteMayNotReadIsRefusedNamingReadHosts() {
        assertThatThrownBy(() -> load("db.url", "jdbc:postgresql://db.prod.example.com:5432/shop",
                "target.baseUrl", "http://127.0.0.1:8080"))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("'db.prod.example.com'")
                .hasMessageContaining("db.readHosts");
    }

    @Test
    void aReadableDatabaseIsNotWritableUnlessAllowedHostsSaysSo() {
        String replica = "jdbc:postgresql://replica.example.com:5432/shop";
        SuiteConfig reading = load("db.url", replica, "db.readHosts", "replica.example.com",
                "target.baseUrl", "http://127.0.0.1:8080");
        assertThat(reading.database().readHosts()).containsExactly("replica.example.com");
        assertThat(reading.database().writeHosts()).doesNotContain("replica.example.com");
        // the embedded demo shop seeds the database it is given: that is a write
        assertThatThrownBy(() -> load("db.url", replica, "db.readHosts", "replica.example.com"))
                .hasMessageContaining("is not in db.allowedHosts");
    }

    @Test
    void everyShippedProfileIsValid() {
        for (String profile : load().profileNames()) {
            SuiteConfig config = profile.equals("drill") ? load("drill", "bad-deploy") : load("profile", profile);
            // a profile without SLOs is judged by the drills it runs (a comparison, by its runs' drills)
            assertThat(config.profile().slos().isEmpty()).as(profile)
                    .isEqualTo(config.drills().active() || config.comparesMitigations());
        }
    }

    @Test
    void aDrillRunsTheDrillProfileOnTheRedundantTopology() {
        SuiteConfig config = load("drill", "instance-crash");
        assertThat(config.profile().name()).isEqualTo("drill");
        assertThat(config.embedded().topology()).isEqualTo(dev.salerush.env.EmbeddedSettings.Topology.REDUNDANT);
        assertThat(config.drills().scheduled()).extracting(s -> s.drill().name()).containsExactly("instance-crash");
        assertThat(config.drills().scheduled().get(0).drill().firstAction()).extracting(Object::toString)
                .containsExactly("restart-instance shop-1");
    }

    @Test
    void theGameDayRunsItsScheduleInOrder() {
        SuiteConfig config = load("profile", "gameday");
        assertThat(config.drills().scheduled()).extracting(s -> s.drill().name())
                .containsExactly("instance-crash", "payment-outage", "payment-slow", "mixed-version", "bad-deploy",
                        "db-failover");
        assertThat(config.drills().scheduled().get(2).at()).hasMinutes(9);
        assertThat(config.drills().alerting().toString()).doesNotContain("https://");
    }

    @Test
    void aTeamDrillInTheCatalogueMayOverrideTheRespondersDelay(@TempDir Path dir) throws Exception {
        java.nio.file.Path team = java.nio.file.Files.writeString(dir.resolve("team.conf"), """
                drills.catalogue.expiring-lock {
                  description = "a lock that lets go before anyone acts", point = "PostgreSQL"
                  fault = ["lock-hot-rows 20s"], firstAction = ["release-locks"], rollback = false
                  expectedAlerts = [DbPoolWaits], allowedAlerts = [], responderDelay = 40s
                }
                """);
        SuiteConfig config = load("salerush.conf", team.toString(), "drill", "expiring-lock");

        DrillSettings.DrillSpec spec = config.drills().scheduled().get(0).drill();
        assertThat(spec.responderDelay()).hasSeconds(40);
        // the others keep drills.responder.delay
        assertThat(config.drills().catalogue().get("db-lock").responderDelay()).isEqualTo(config.drills().responderDelay());
    }

    @Test
    void aRootWithoutAProjectFileRunsOnTheDefaults(@TempDir Path root) {
        SuiteConfig config = ConfigLoader.load(root, new Properties());

        assertThat(config.profile().name()).isEqualTo("smoke");
        assertThat(config.resultsDir()).isEqualTo(root.resolve("results"));
    }

    private static void writeConfigWithProfile(Path root, String profile) throws IOException {
        Files.writeString(root.resolve("salerush.conf"), "profiles { " + profile + " }\n");
    }

    private static Properties props(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
