package dev.salerush.sim.config;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input, tried systematically: every row is a setting as a user would give it (-Dkey=value, or a line in a team
 * file) and the start of the one message it must produce. Validation runs before anything is started, so each of
 * these ends the run with that message, nothing sent and nothing written (see BadInputIT for the whole process).
 */
class BadInputTableTest {

    static Stream<Arguments> commandLine() {
        return Stream.of(
                // wrong types
                row("duration", "abc", "duration must be a duration with a unit, e.g. 30s or 500ms, got 'abc'"),
                row("target.requestTimeout", "fast", "target.requestTimeout must be a duration with a unit"),
                row("plan.dau", "many", "plan.dau must be a whole number, got 'many'"),
                row("target.shareConnections", "maybe", "target.shareConnections must be true or false, got 'maybe'"),
                row("plan.only", "abc", "plan.only must be true or false, got 'abc'"),
                row("metrics.interval", "1", "metrics.interval must be between 100ms and 60s, got 1ms"),
                row("journeys.browsing.detailProbability", "often", "journeys.browsing.detailProbability must be a number"),
                // the default warm-up
                row("warmup.during", "abc", "warmup.during must be a duration with a unit, e.g. 10s, or 0s for none, got 'abc'"),
                row("warmup.peak", "-1", "warmup.peak"),
                // a staircase's climb and refinement
                row("profiles.stress.stairs.refine.probs", "3", "unknown setting 'profiles.stress.stairs.refine.probs' (-D on the command line); did you mean 'profiles.stress.stairs.refine.probes'?"),
                // the redundant topology and its operations
                row("embedded.topology", "triple", "embedded.topology must be one of single, redundant, got 'triple'"),
                row("embedded.redundancy.instances", "0", "embedded.redundancy.instances must be between 1 and "),
                row("embedded.redundancy.instances", "999", "embedded.redundancy.instances must be between 1 and "),
                row("embedded.shop.behaviour", "flaky", "embedded.shop.behaviour must be one of normal, broken-orders, empty-lists, slow, got 'flaky'"),
                row("embedded.shop.version", "v 2", "embedded.shop.version: version label 'v 2' is not 1..64 of [A-Za-z0-9._-]"),
                row("embedded.shop.admission.poolWait", "100ms", "embedded.shop.admission.poolWait must be at least 250ms"),
                row("embedded.redundancy.standbyTimeout", "0s", "embedded.redundancy.standbyTimeout must be a positive duration"),
                row("operations", "20s explode", "operations: '20s explode': unknown operation 'explode'; allowed: kill-instance"),
                row("operations", "20s scale-out", "operations: '20.0s scale-out' needs embedded.topology = redundant (it is single)"),
                row("operations", "20s kill-instance shop-2", "operations: '20.0s kill-instance shop-2' names no instance of the single topology, whose one shop is shop-1"),
                row("embedded.redundancy.standby", "sometimes", "embedded.redundancy.standby must be true or false, got 'sometimes'"),
                row("embedded.shop.breaker.enabled", "off-ish", "embedded.shop.breaker.enabled must be true or false, got 'off-ish'"),
                // mitigation before/after: names of the comparisons
                row("compare.pairs", "instance-crash,meteor-strike", "compare.pairs: no comparison named 'meteor-strike'; known: db-failover, instance-crash, payment-outage"),
                row("compare.pairs", "db-failover,db-failover", "compare.pairs names 'db-failover' twice"),
                // drills: names from the catalogue, steps from the operations, a profile judged by drills needs one
                row("drill", "meteor-strike", "drill: no drill named 'meteor-strike'; the catalogue (drills.catalogue) has alerting-down, bad-deploy, db-failover"),
                row("profile", "drill", "profile drill is judged by drills: run it with -Ddrill=<name>"),
                row("drills.tolerance.koPercent", "120", "drills.tolerance.koPercent must be a number between 0.0 and 100.0, got 120"),
                row("drills.notify.slackWebhookUrl", "http://hooks.example/T0/B0/secret", "drills.notify.slackWebhookUrl must be an https:// URL (a Slack incoming webhook); the value given is not (not shown"),
                row("report.locale", "jp", "report.locale must be one of ko, en, got 'jp'"),
                row("report.zone", "Seoul", "report.zone must be a time zone ID such as Asia/Seoul or UTC (empty: Asia/Seoul for ko, UTC for en), got 'Seoul'"),
                row("report.templates", "conf/no-such-wording", "report.templates must name a readable folder of templates, got 'conf/no-such-wording'"),
                // a team simulation: its class, mean requests per user and id files
                row("simulation", " ", "simulation must not be empty"),
                row("journeys.requestsPerUser", "-1", "journeys.requestsPerUser must be a number between 0.0 and 100000.0, got -1"),
                row("journeys.requestsPerUser", "four", "journeys.requestsPerUser must be a number"),
                row("ids.feeders.brands", "conf/examples/no-such.csv", "ids.feeders.brands must name a readable CSV file (relative to the project root), got "),
                row("ids.feeders.brands", "conf", "ids.feeders.brands must name a readable CSV file"),
                row("ids.queries.members", "SELECT 1", "ids.queries.members needs db.url: the database to sample the ids from"),
                // how the integrity check reads a team's orders
                row("integrity.queries.stock", " ", "integrity.queries.stock must not be empty"),
                row("integrity.queries.lastOrderId", "", "integrity.queries.lastOrderId must not be empty"),
                row("integrity.queries.ordersAfter", "SELECT purchase_no, goods_no, qty, amount, state, request_id FROM purchase",
                        "integrity.queries.ordersAfter must have exactly one '?' (the last order id before the load), found 0"),
                row("integrity.queries.ordersAfter", "SELECT * FROM purchase WHERE purchase_no > ? AND purchase_no < ?",
                        "integrity.queries.ordersAfter must have exactly one '?' (the last order id before the load), found 2"),
                row("integrity.queries.ordersAftr", "SELECT 1", "unknown setting 'integrity.queries.ordersAftr' (-D on the command line); did you mean 'integrity.queries.ordersAfter'?"),
                row("integrity.paidStatus", "", "integrity.paidStatus must not be empty"),
                // the dataset is parsed with everything else, for external targets too
                row("dataset.scale", "abc", "dataset.scale must be a number, got 'abc'"),
                row("dataset.seed", "x", "dataset.seed must be a whole number, got 'x'"),
                row("dataset.scale", "0", "dataset.scale must be a number greater than 0 and at most 20.0, got 0"),
                row("dataset.scale", "25", "dataset.scale must be a number greater than 0 and at most 20.0, got 25"),
                row("dataset.products", "0", "dataset.products must be between 1 and 10000000000, got 0"),
                row("dataset.orders", "-1", "dataset.orders must be between 0 and 10000000000, got -1"),
                row("dataset.stock.max", "-3", "dataset.stock.max must be between 0 and 2147483647, got -3"),
                row("dataset.zipfExponent", "9", "dataset.zipfExponent must be a number between 0.0 and 5.0, got 9"),
                // empty strings
                row("profile", "", "profile is empty; available profiles: "),
                row("target.healthPath", "", "target.healthPath must start with '/', got ''"),
                row("results.dir", " ", "results.dir must not be empty"),
                // how many runs results.keep keeps of each group: a count, never a fraction or below 0
                row("results.keep", "-1", "results.keep must be a whole number of runs to keep in each group, 0 (every run) or more, got -1"),
                row("results.keep", "2.5", "results.keep must be a whole number of runs to keep in each group, 0 (every run) or more, got 2.5"),
                row("results.keep", "all", "results.keep must be a whole number of runs to keep in each group, 0 (every run) or more, got 'all'"),
                row("ids.brandsQuery", "", "ids.brandsQuery must not be empty"),
                row("metrics.names.cpu", "", "metrics.names.cpu must not be empty"),
                row("embedded.shop.heap", "", "embedded.shop.heap must be a JVM heap size such as 512m or 2g, got ''"),
                // negative, zero and huge numbers
                row("plan.dau", "-5", "plan.dau must be between 1 and 10000000000, got -5"),
                row("plan.dau", "99999999999999999999999", "plan.dau must be between 1 and 10000000000, got 99999999999999999999999"),
                row("plan.peakToAverage", "0.5", "plan.peakToAverage must be a number between 1.0 and 10000.0, got 0.5"),
                row("plan.requestsPerUserPerDay", "0", "plan.requestsPerUserPerDay must be a number greater than 0"),
                row("embedded.shop.port", "70000", "embedded.shop.port must be between 0 and 65535, got 70000"),
                row("embedded.gateway.port", "-1", "embedded.gateway.port must be between 0 and 65535, got -1"),
                row("journeys.browsing.nextPageProbability", "1.5", "journeys.browsing.nextPageProbability must be a number between 0.0 and 1.0"),
                row("journeys.ordering.maxQuantity", "0", "journeys.ordering.maxQuantity must be between 1 and 10, got 0"),
                row("journeys.ordering.hotStock", "-1", "journeys.ordering.hotStock must be"),
                row("journeys.ordering.hotProducts", "1e9", "journeys.ordering.hotProducts must be"),
                row("duration", "-10s", "duration must be a positive duration, e.g. 30s, got -10s"),
                row("duration", "0s", "duration must be a positive duration"),
                row("target.giveUpAfter", "100ms", "target.giveUpAfter must be between 1s and 10m, got 100ms"),
                row("metrics.interval", "10m", "metrics.interval must be between 100ms and 60s, got 600000ms"),
                row("injector.stallPeriod", "0ms", "injector.stallPeriod must be a positive duration, e.g. 30s, got 0ms"),
                row("injector.stallPeriod", "500us", "injector.stallPeriod must be a whole number of milliseconds between 1ms and 100ms, got 0.5ms"),
                row("injector.stallPeriod", "1s", "injector.stallPeriod must be a whole number of milliseconds between 1ms and 100ms, got 1000ms"),
                row("injector.stallPeriod", "often", "injector.stallPeriod must be a duration with a unit"),
                row("injector.stallBound", "-5ms", "injector.stallBound must be a positive duration"),
                row("injector.stallBound", "2m", "injector.stallBound must be between 1ms and 60s, got 120000ms"),
                row("injector.stallBound", "500us", "injector.stallBound must be between 1ms and 60s, got 0.5ms"),
                row("regression.p95Percent", "-1", "regression.p95Percent must be a number between 0.0 and 10000.0, got -1"),
                row("regression.koPercentPoints", "101", "regression.koPercentPoints must be a number between 0.0 and 100.0"),
                row("embedded.shop.browsePoolSize", "0", "embedded.shop.browsePoolSize must be between 1 and 500, got 0"),
                row("embedded.shop.heap", "1.5g", "embedded.shop.heap must be a JVM heap size such as 512m or 2g, got '1.5g'"),
                // unknown keys, with the nearest known one
                row("target.baseUrll", "http://127.0.0.1:8080", "unknown setting 'target.baseUrll' (-D on the command line); did you mean 'target.baseUrl'?"),
                row("profle", "load", "unknown setting 'profle' (-D on the command line); did you mean 'profile'?"),
                row("plan.daus", "1", "unknown setting 'plan.daus' (-D on the command line); did you mean 'plan.dau'?"),
                row("regresion.enabled", "false", "unknown setting 'regresion.enabled' (-D on the command line); did you mean 'regression.enabled'?"),
                row("metrics.intreval", "1s", "unknown setting 'metrics.intreval' (-D on the command line); did you mean 'metrics.interval'?"),
                row("target.healthpath", "/up", "unknown setting 'target.healthpath' (-D on the command line); did you mean 'target.healthPath'?"),
                row("injector.stallBond", "50ms", "unknown setting 'injector.stallBond' (-D on the command line); did you mean 'injector.stallBound'?"),
                row("dataset.frobnicate", "1", "unknown setting 'dataset.frobnicate' (-D on the command line); every setting is listed in the suite's reference.conf"),
                // malformed URLs and hosts nobody allowed
                row("target.baseUrl", "127.0.0.1:8080", "target.baseUrl must be an http:// or https:// URL, e.g. http://127.0.0.1:8080, got '127.0.0.1:8080'"),
                row("target.baseUrl", "http://", "target.baseUrl must be an http:// or https:// URL"),
                row("target.baseUrl", "http://exa mple.com", "target.baseUrl must be an http:// or https:// URL"),
                row("target.baseUrl", "ftp://127.0.0.1/", "target.baseUrl must be an http:// or https:// URL"),
                row("target.baseUrl", "http://192.168.1.10:8080", "target.baseUrl host '192.168.1.10' is not in target.allowedHosts"),
                row("target.baseUrl", "http://127.0.0.1.evil.example", "target.baseUrl host '127.0.0.1.evil.example' is not in target.allowedHosts"),
                row("target.baseUrl", "http://localhost@evil.example/", "target.baseUrl host 'evil.example' is not in target.allowedHosts"),
                row("metrics.url", "http://10.1.2.3/metrics", "metrics.url host '10.1.2.3' is not in target.allowedHosts"),
                row("metrics.url", "metrics", "metrics.url must be an http:// or https:// URL"),
                row("db.url", "postgres://localhost/x", "db.url must be a PostgreSQL JDBC URL"),
                row("db.url", "jdbc:postgresql://db.prod.internal/shop", "refused: host 'db.prod.internal' of db.url jdbc:postgresql://db.prod.internal/shop is not in db.readHosts"),
                row("slo.peak", "p95", "slo.peak is a list of settings, which -D cannot set"),
                // injection-shaped names and ids
                row("profile", "smoke; rm -rf /", "unknown profile 'smoke; rm -rf /'; available profiles: "),
                row("profile", "../../etc/passwd", "unknown profile '../../etc/passwd'"),
                row("profile", "' OR 1=1 --", "unknown profile '' OR 1=1 --'"),
                row("journeys.ordering.hotProducts", "20 OR 1=1", "journeys.ordering.hotProducts must be a whole number, got '20 OR 1=1'"),
                row("target.paths.product", "api/products/{id}", "target.paths.product must start with '/', got 'api/products/{id}'"),
                row("ids.source", "dataset; DROP TABLE product", "ids.source must be one of auto, dataset, database; got 'dataset; DROP TABLE product'"),
                row("profiles.smoke.journey", "browsing<script>", "profiles.smoke.journey must be one of browsing, ordering, sale-day, got 'browsing<script>'"),
                row("metrics.names.cpu", "cpu{job=\"x\"}", "metrics.names.cpu must be a Prometheus metric name"));
    }

    static Stream<Arguments> teamFiles() {
        return Stream.of(
                file("profiles.smoke.injecton = []", "unknown setting 'profiles.smoke.injecton' (team.conf); did you mean 'profiles.smoke.injection'?"),
                file("profiles.mine { journey = browsing, injecton = [] }", "unknown setting 'profiles.mine.injecton' (team.conf)"),
                file("profiles.mine.stairs { from = 10, step = 10, hold = 5s, steps = 3, breachSustain = 2s, headroom = 0, warmp = 1s }",
                        "unknown setting 'profiles.mine.stairs.warmp' (team.conf)"),
                file("targt { baseUrl = \"http://127.0.0.1:1\" }", "unknown setting 'targt.baseUrl' (team.conf); did you mean 'target.baseUrl'?"),
                file("target { baseUrl = ", "team.conf"),
                file("results { keep = -3 }", "results.keep must be a whole number of runs to keep in each group, 0 (every run) or more, got -3"),
                file("profile = stress\nprofiles.stress.stairs.climb.factor = 1",
                        "profiles.stress.stairs.climb.factor must be a number between 1.05 and 10.0, got 1"),
                file("profile = stress\nprofiles.stress.stairs.climb.maxDuration = 1m",
                        "profiles.stress.stairs.climb.maxDuration must be at least steps x hold (120 s)"),
                file("profile = stress\nprofiles.stress.stairs.refine.settle = 15s",
                        "profiles.stress.stairs.refine.settle must be shorter than profiles.stress.stairs.refine.hold"),
                file("profile = stress\nprofiles.stress.stairs.refine.probes = 0",
                        "profiles.stress.stairs.refine.probes must be between 1 and 20, got 0"),
                file("drills.catalogue.my-lock { description = \"x\", point { ko = \"DB\" }, fault = [\"lock-hot-rows 5s\"],"
                        + " firstAction = [], rollback = false, expectedAlerts = [], allowedAlerts = [] }",
                        "drills.catalogue.my-lock.point must have exactly the keys ko and en, got [ko]"),
                file("drills.catalogue.bad-deploy.description { ko = \"x\", en = \"y\", jp = \"z\" }",
                        "unknown setting 'drills.catalogue.bad-deploy.description.jp' (team.conf)"),
                file("drills.catalogue.bad-deploy.point = [\"x\"]",
                        "drills.catalogue.bad-deploy.point must be a text, or { ko = \"…\", en = \"…\" } with one per language; got list"),
                file("drills.severity = [ { level = \"P1\" } ]", "drills.severity[0].id is missing"),
                file("drills.catalogue.bad-deploy.fault = [\"explode\"]",
                        "drills.catalogue.bad-deploy.fault: 'explode' is neither an operation"),
                // a team's own drill: the catalogue's keys, each checked as the shipped drills' are
                file("drills.catalogue.my-lock { description = \"x\", point = \"db\", fault = [\"lock-hot-rows 5s\"],"
                        + " firstAction = [], rollback = false, expectedAlerts = [], allowedAlerts = [],"
                        + " respondrDelay = 30s }", "unknown setting 'drills.catalogue.my-lock.respondrDelay'"),
                file("drills.catalogue.db-lock.responderDelay = soon",
                        "drills.catalogue.db-lock.responderDelay"),
                file("profile = gameday\ndrills.gameday.schedule = \"1m bad-deploy; 30s db-failover\"",
                        "drills.gameday.schedule: offsets must increase ('30s db-failover')"),
                file("profile = gameday\ndrills.gameday.schedule = \"1m outage\"",
                        "drills.gameday.schedule: no drill named 'outage'; the catalogue has alerting-down"),
                file("drill = bad-deploy\nprofile = load", "drill = bad-deploy runs the profile 'drill'; profile = load cannot"),
                file("drill = bad-deploy\noperations = \"10s scale-out\"", "operations and a drill together"),
                // a drill on the single topology has its one shop to crash and restart, nothing more
                file("embedded.topology = single\ndrill = db-failover",
                        "drills.catalogue.db-failover: 'crash-primary' needs embedded.topology = redundant (it is single)"),
                // without a standby nothing is promoted; with one the crashed primary is fenced, never restarted
                file("embedded.redundancy.standby = false\ndrill = db-failover",
                        "drills.catalogue.db-failover: 'failover' needs a standby to promote (embedded.redundancy.standby is false)"),
                file("embedded.topology = redundant\noperations = \"10s crash-primary; 20s restart-primary\"",
                        "operations: '20.0s restart-primary' needs embedded.redundancy.standby = false"),
                file("compare.comparisons.instance-crash.drill = meteor-strike",
                        "compare.comparisons.instance-crash.drill: no drill named 'meteor-strike'"),
                file("dataset.stock { min = 50, max = 10 }", "dataset.stock must satisfy 0 <= min <= max, was min=50 max=10"),
                file("profile = mine\nprofiles.mine { injection = [ { type = constant, usersPerSec = -3, during = 5s } ], slo = ${slo.peak} }",
                        "profiles.mine.injection[0].usersPerSec"),
                file("profile = mine\nprofiles.mine { injection = [ { type = constant, usersPerSec = 1, during = 5s } ], slo = [] }",
                        "profiles.mine.slo is empty"),
                file("profile = mine\nprofiles.mine { injection = [ { type = teleport, during = 5s } ], slo = ${slo.peak} }",
                        "profiles.mine.injection[0].type"),
                // drilling a team's own staging (drills.environment = external): checked before anything starts
                file("drills.environment = cloud", "drills.environment must be one of embedded, external, got 'cloud'"),
                file("drills.responder.mode = robot", "drills.responder.mode must be one of auto, human, got 'robot'"),
                file("drills.external.receiver.port = 70000", "drills.external.receiver.port must be between 1 and 65535"),
                file(STAGING + "drills.external.prometheus.url = \"\"\n" + stagingDrill("[ { run = [\"true\"] } ]"),
                        "drills.external.prometheus.url is empty: drills.environment = external detects with your Prometheus"),
                file(STAGING + stagingDrill("[\"kill-instance shop-1\"]"), "drills.catalogue.staging-crash: "
                        + "'kill-instance shop-1' is a step of the embedded environment; drills.environment = external"),
                file(STAGING + stagingDrill("[ { http { method = POST, url = \"https://deploy.example.com/rollback\" } } ]"),
                        "drills.catalogue.staging-crash.fault[0].http.url: host 'deploy.example.com' is not in "
                                + "drills.external.allowedHosts [127.0.0.1, localhost]"),
                file(STAGING + stagingDrill("[ { http { method = YEET, url = \"http://127.0.0.1:1/x\" } } ]"),
                        "drills.catalogue.staging-crash.fault[0].http.method must be one of GET, POST, PUT, PATCH, DELETE"),
                file(STAGING + stagingDrill("[ { run = [] } ]"),
                        "drills.catalogue.staging-crash.fault[0].run must name a program and its arguments"),
                file(STAGING + stagingDrill("[ { run = [\"true\"], http { url = \"http://127.0.0.1:1/\" } } ]"),
                        "drills.catalogue.staging-crash.fault[0] must have exactly one of run = [program, args...]"),
                file(STAGING + stagingDrill("[ { run = [\"true\"], timeout = 0s } ]"),
                        "drills.catalogue.staging-crash.fault[0].timeout must be a positive duration"),
                file(STAGING + stagingDrill("[ 42 ]"), "drills.catalogue.staging-crash.fault[0] must be a step"),
                file(STAGING + "drills.external.headers.Authorization = \"Bearer abc\"\n"
                        + stagingDrill("[ { run = [\"true\"] } ]"), "drills.external.headers.Authorization is written "
                        + "out"),
                file(STAGING + "drills.external.headers.Authorization = ${?SALERUSH_TEST_UNSET_VARIABLE}\n"
                        + stagingDrill("[ { run = [\"true\"] } ]"), "drills.external.headers.Authorization: environment "
                        + "variable SALERUSH_TEST_UNSET_VARIABLE is not set"),
                file(STAGING.replace("target.baseUrl = \"http://127.0.0.1:1\"\n", "") + stagingDrill("[ { run = [\"true\"] } ]"),
                        "drills.environment = external drills a service you run: set target.baseUrl"),
                file("target.baseUrl = \"http://127.0.0.1:1\"\n" + stagingDrill("[ { run = [\"true\"] } ]"),
                        "drills.environment = embedded runs on the embedded sale environment only"),
                file(STAGING + "drills.catalogue.staging-crash.expectedAlerts = [ 7 ]\n"
                        + stagingDrill("[ { run = [\"true\"] } ]").replace("expectedAlerts = [ShopInstanceDown], ", ""),
                        "drills.catalogue.staging-crash.expectedAlerts[0] must be an alert name or"),
                file("plan.situation { ko = \"세일\", jp = \"セール\" }", "unknown setting 'plan.situation.jp' (team.conf); did you mean 'plan.situation.ko'?"),
                file("plan.situation = [1, 2]", "plan.situation must be a text, or { ko = \"…\", en = \"…\" } with one per language; got list"),
                file("drills.preflight = true", "drills.preflight = true checks the drills of a run: give -Ddrill=<name>"));
    }

    /** A team's staging as drills.environment = external drills it. */
    private static final String STAGING = "target.baseUrl = \"http://127.0.0.1:1\"\ndrills.environment = external\n"
            + "drills.external.prometheus.url = \"http://127.0.0.1:9\"\n";

    /** A team's drill run with {@code fault} as its fault steps. */
    private static String stagingDrill(String fault) {
        return "drills.catalogue.staging-crash { description = \"x\", point = \"shop\", fault = " + fault
                + ", firstAction = [], rollback = false, expectedAlerts = [ShopInstanceDown], allowedAlerts = [] }\n"
                + "drill = staging-crash\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLine")
    void aBadCommandLineValueGivesOneMessageNamingTheKey(String[] keyValue, String expected) {
        ConfigError error = catchThrowableOfType(ConfigError.class, () -> TestConfigs.load(keyValue));

        assertThat(error).as("no error for -D%s=%s", keyValue[0], keyValue[1]).isNotNull();
        assertThat(error.getMessage()).startsWith(expected).doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("teamFiles")
    void aBadTeamFileGivesOneMessageNamingTheKey(String content, String expected, @TempDir Path dir) throws IOException {
        Path teamFile = Files.writeString(dir.resolve("team.conf"), content);

        ConfigError error = catchThrowableOfType(ConfigError.class,
                () -> TestConfigs.load("salerush.conf", teamFile.toString()));

        assertThat(error).as("no error for %s", content).isNotNull();
        assertThat(error.getMessage()).contains(expected).doesNotContain("\n");
    }

    private static Arguments row(String key, String value, String expected) {
        return arguments(named("-D" + key + "=" + value, new String[]{key, value}), expected);
    }

    private static Arguments file(String content, String expected) {
        return arguments(named(content.replace('\n', ' '), content), expected);
    }
}
