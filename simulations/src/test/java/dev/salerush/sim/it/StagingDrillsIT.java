package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.env.events.Event;
import dev.salerush.env.events.EventLog;
import dev.salerush.example.staging.StagingShopperSimulation;
import dev.salerush.sim.config.ReportLocale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drills of a team's own staging, as a team runs them: a standing staging the drill runs did not start (its own
 * Prometheus and Alertmanager on the demo rules, an ops endpoint as its deploy system, WireMock as its payment
 * partner), and drills defined only in a team file with steps of the team's own — a {@code kill -9} by {@code run},
 * deploys and restarts by {@code http} to the ops endpoint, a payment fault by {@code http} to WireMock's admin API
 * with an {@code undo}. Detection comes from the staging's own alerts, notices from its Alertmanager through a route
 * to the drill receiver; the bad deploy has a person on call (this test) who rolls back and records it 12 s after the
 * notice. The three run as a game day under a team's own simulation. First, while the staging is quiet: preflight
 * alone (the plan), the undo under SIGTERM and the pending undo a SIGKILL leaves (named by the next run, whose
 * preflight refuses an alert the staging has no rule for), each with the built-in load and a fault of the team's own
 * that fires no alert (a stub nobody calls and a program that holds), so the game day starts from a steady staging.
 */
@Order(ItLanes.LANE_ONE + 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StagingDrillsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The payment partner's fault: a stub of the team's own, which wins over the partner's usual answers. */
    private static final String FAULT_STUB = "7eab0000-0000-4000-8000-00000000fa11";
    private static final String FIRED_HUMAN_NOTE = "rolling back to v1 (the deploy broke orders)";
    /** A stub of the team's own for a path the shop never calls: a change to the staging that fires no alert. */
    private static final String QUIET_STUB = "7eab0000-0000-4000-8000-0000000000a1";
    /** How long the held fault's program runs: longer than any run of this test, so only the drill's end stops it. */
    private static final int HELD_SECONDS = 287;

    @TempDir
    static Path work;
    private static StagingProcess staging;
    private static int receiverPort;
    private static Path teamFile;
    private static Run gameDay;
    /** When this test, on call, recorded its first action in the bad-deploy drill. */
    private static Instant actionPostedAt;

    private record Run(Path dir, JsonNode summary, String output, int exitCode) {
        JsonNode drill(String name) {
            for (JsonNode drill : summary.path("drills")) {
                if (drill.path("name").asText().equals(name)) {
                    return drill;
                }
            }
            throw new AssertionError("no drill " + name + " in " + summary.path("drills").toPrettyString() + "\n"
                    + output);
        }
    }

    @BeforeAll
    static void startTheStagingAndRunTheDrills() throws Exception {
        RequiredTools.assumeAlertingStack();
        receiverPort = freePort();
        staging = StagingProcess.start(work, "http://127.0.0.1:" + receiverPort + "/alerts", "dataset.scale=0.01");
        teamFile = Files.writeString(work.resolve("staging-drills.conf"), teamFile(staging));
    }

    @AfterAll
    static void stopTheStaging() throws Exception {
        if (staging != null) {
            List<Integer> ports = staging.ports();
            staging.close();
            ports.forEach(port -> assertThat(RunChecks.isListening(port)).as("port " + port + " after SIGTERM")
                    .isFalse());
        }
    }

    /** The team file: the staging as target, its alerting, and drills of the team's own steps. */
    private static String teamFile(StagingProcess staging) throws IOException {
        JsonNode info = staging.info();
        String ops = info.path("opsUrl").asText();
        String gateway = info.path("gatewayAdminUrl").asText();
        String faultStub = "{\"id\":\"" + FAULT_STUB + "\",\"priority\":1,\"request\":{\"method\":\"POST\",\"url\":"
                + "\"/v1/payments\"},\"response\":{\"status\":500,\"jsonBody\":{\"error\":\"PARTNER_DOWN\"}}}";
        String quietStub = "{\"id\":\"" + QUIET_STUB + "\",\"priority\":1,\"request\":{\"method\":\"POST\",\"url\":"
                + "\"/v1/partner-maintenance\"},\"response\":{\"status\":503}}";
        return """
                target.baseUrl = "%s"
                db { url = "%s", user = "%s", password = "%s" }
                plan.dau = 330000
                warmup.during = 3s
                report.locale = en
                ids.queries {
                  brands = "SELECT id AS \\"brandId\\" FROM brand WHERE product_count > 0"
                  users = "SELECT id AS \\"userId\\" FROM app_user ORDER BY id LIMIT 1000"
                }
                drills {
                  environment = external
                  external { prometheus.url = "%s", alertmanager.url = "%s", receiver.port = %d }
                  steadyState.hold = 5s
                  recoveryHold = 5s
                  responder.delay = 3s
                  catalogue {
                    staging-crash {
                      description = "The team's script kills shop-1 (kill -9); the load balancer routes around it."
                      point = "staging shop-1"
                      fault = [ { run = ["kill", "-9", "%d"] } ]
                      firstAction = [ { http { method = POST, url = "%s", body = "restart-instance shop-1", expectStatus = 200, timeout = 60s } } ]
                      rollback = false
                      absorbed = true
                      expectedAlerts = [ShopInstanceDown]
                      allowedAlerts = [High5xxRatio, HighLatencyP95]
                    }
                    staging-bad-deploy {
                      description = "The deploy system ships a version whose orders fail; the person on call rolls back."
                      point = "staging shop instances (deploy v2:broken-orders)"
                      fault = [ { http { method = POST, url = "%s", body = "rolling-deploy v2:broken-orders", expectStatus = 200, timeout = 120s } } ]
                      firstAction = []
                      responderMode = human
                      rollback = true
                      expectedAlerts = [ { alert = High5xxRatio, labels { severity = sev2 } } ]
                      allowedAlerts = [OrderRateDrop, ShopInstanceDown, HighLatencyP95, ProductDetailEntryDrop]
                      criteria { recoverWithin = 150s }
                    }
                    staging-payment-outage {
                      description = "The payment partner answers 500 (a fault stub in its admin API); the team switches it back."
                      point = "payment partner (WireMock)"
                      fault = [ { http { method = POST, url = "%s/__admin/mappings", body = %s, expectStatus = 201 } } ]
                      firstAction = [ { http { method = DELETE, url = "%s/__admin/mappings/%s", expectStatus = 200 } } ]
                      undo = [ { http { method = POST, url = "%s/__admin/mappings/reset", expectStatus = 200 } } ]
                      rollback = false
                      expectedAlerts = [PaymentBreakerOpen, PaymentFailureRatio]
                      allowedAlerts = [OrderRateDrop, High5xxRatio, PaymentGatewayDown]
                    }
                    staging-held-fault {
                      description = "A fault of the team's own that holds while its program runs; it fires no alert."
                      point = "the team's chaos tool"
                      fault = [ { http { method = POST, url = "%s/__admin/mappings", body = %s, expectStatus = 201 } },
                                { run = ["sleep", "%d"], holds = true, timeout = 300s } ]
                      firstAction = []
                      undo = [ { http { method = POST, url = "%s/__admin/mappings/reset", expectStatus = 200 } } ]
                      rollback = false
                      expectedAlerts = []
                      allowedAlerts = []
                    }
                    staging-unknown-alert {
                      description = "A drill that expects an alert the staging has no rule for."
                      point = "nowhere"
                      fault = [ { run = ["true"] } ]
                      firstAction = []
                      rollback = false
                      expectedAlerts = [CheckoutLatencyBudgetBurn]
                      allowedAlerts = []
                    }
                  }
                }
                """.formatted(info.path("baseUrl").asText(), info.path("dbUrl").asText(), info.path("dbUser").asText(),
                info.path("dbPassword").asText(), info.path("prometheusUrl").asText(),
                info.path("alertmanagerUrl").asText(), receiverPort, staging.pid("shop-1"), ops, ops, gateway,
                JSON.writeValueAsString(faultStub), gateway, FAULT_STUB, gateway, gateway,
                JSON.writeValueAsString(quietStub), HELD_SECONDS, gateway);
    }

    /**
     * The game day of three drills under the team's own simulation: the crash, whose first action the suite takes by
     * http; the bad deploy, where this test is on call: 12 s after the notice it records its first action and rolls
     * back; the payment outage with its undo.
     */
    private static Run runWithAPersonOnCall() throws Exception {
        Map<String, String> properties = properties(Map.of("profile", "gameday", "drills.gameday.schedule",
                "1s staging-crash; 2s staging-bad-deploy; 3s staging-payment-outage"));
        GatlingProcess.Running running = GatlingProcess.start(StagingShopperSimulation.class.getName(),
                work.resolve("gatling"), properties);
        Path runDir = awaitNewRunFolder(runFolders(), running);
        Instant notified = awaitEvent(runDir, running, "drill.notified", "staging-bad-deploy", 420).at();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), notified.plusSeconds(12)).toMillis()));
        actionPostedAt = Instant.now();
        assertThat(post("http://127.0.0.1:" + receiverPort + "/drill/action", FIRED_HUMAN_NOTE).statusCode())
                .isEqualTo(200);
        assertThat(staging.operate("rollback")).as("the person's rollback through the deploy system").isEqualTo(200);
        GatlingProcess.Result result = running.await(420);
        System.out.printf("game day of 3 drills on the staging: %d s%n", result.millis() / 1000);
        return new Run(runDir, RunChecks.summary(runDir), result.output(), result.exitCode());
    }

    private static Map<String, String> properties(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("salerush.conf", teamFile.toString());
        properties.put("results.dir", work.resolve("results").toString());
        // a bound, not the length: the load ends once the last drill has ended
        properties.putIfAbsent("duration", "600s");
        return properties;
    }

    @Test
    @Order(1)
    void preflightAloneChecksAndPrintsThePlanWithoutInjectingAnything() throws Exception {
        List<Path> before = runFolders();
        GatlingProcess.Result result = GatlingProcess.run(RunChecks.SIMULATION, work.resolve("gatling"),
                properties(Map.of("profile", "gameday", "drills.preflight", "true", "drills.gameday.schedule",
                        "1s staging-crash; 2s staging-bad-deploy; 3s staging-payment-outage")), 120);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("preflight passed; the plan:", "environment: external",
                "drill staging-crash at +1 s", "ShopInstanceDown (for 1.0 s)", "the person on call (POST /drill/action)",
                "undo:         [http POST " + url("gatewayAdminUrl") + "/__admin/mappings/reset]",
                "drills.preflight = true: nothing injected, no load sent");
        assertThat(runFolders()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void sigtermMidFaultStopsTheFaultsProgramAndRunsTheUndo() throws Exception {
        GatlingProcess.Running running = startHeldFault();
        ProcessHandle held = heldProgram(running);

        running.process().destroy();
        GatlingProcess.Result result = running.await(120);

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(stubPresent(QUIET_STUB)).as("SIGTERM ran the undo").isFalse();
        assertThat(held.isAlive()).as("the fault's program ended with the drill").isFalse();
        assertThat(pendingUndo()).isEmpty();
    }

    @Test
    @Order(3)
    void afterASigkillTheNextRunNamesTheUndoThatNeverRanAndPreflightRefusesAnUnknownAlert() throws Exception {
        GatlingProcess.Running running = startHeldFault();
        ProcessHandle held = heldProgram(running);
        running.process().destroyForcibly().waitFor();
        assertThat(pendingUndo()).as("a SIGKILL leaves the owed undo").hasSize(1);
        assertThat(stubPresent(QUIET_STUB)).as("nobody undid the fault").isTrue();
        // the team's program outlives the killed suite, as it would: this test ends it
        held.destroyForcibly();

        List<Path> before = runFolders();
        GatlingProcess.Result next = GatlingProcess.run(RunChecks.SIMULATION, work.resolve("gatling"),
                properties(Map.of("drill", "staging-unknown-alert", "drills.preflight", "true")), 120);

        assertThat(next.output()).contains("WARNING: drill staging-held-fault of run ", "never ran its undo: http "
                + "POST " + url("gatewayAdminUrl") + "/__admin/mappings/reset");
        assertThat(next.exitCode()).as(next.output()).isEqualTo(3);
        assertThat(next.output()).contains("salerush: drills.catalogue.staging-unknown-alert.expectedAlerts: "
                + "'CheckoutLatencyBudgetBurn' is not an alerting rule your Prometheus has loaded");
        assertThat(runFolders()).as("preflight writes no run folder").isEqualTo(before);
        assertThat(pendingUndo()).as("said once").isEmpty();
        // what the team does by hand after reading the warning
        assertThat(post(url("gatewayAdminUrl") + "/__admin/mappings/reset", "").statusCode()).isEqualTo(200);
        assertThat(stubPresent(QUIET_STUB)).isFalse();
    }

    @Test
    @Order(4)
    void aCrashByTheTeamsScriptIsDetectedNoticedAndRestartedThroughTheDeploySystem() throws Exception {
        JsonNode crash = gameDay().drill("staging-crash");
        assertRespondedAndRecovered(crash, gameDay, "ShopInstanceDown");
        assertThat(crash.path("fault").asText()).startsWith("run kill -9 ");
        assertThat(crash.path("firstAction").asText()).startsWith("http POST " + url("opsUrl"));
        assertThat(crash.path("detection").path("environment").asText()).isEqualTo("external");
        assertThat(crash.path("detection").path("groupWaitSeconds").asDouble()).as("the staging's own group_wait")
                .isZero();
        assertThat(stepOutputs(gameDay)).anyMatch(detail -> detail.startsWith("run kill -9 ") && detail.contains(
                "exit 0")).anyMatch(detail -> detail.contains("restart-instance shop-1") && detail.contains(
                "status 200"));
    }

    @Test
    @Order(5)
    void aPersonOnCallRollsBackABadDeployAndTheirRecordIsTheFirstAction() throws Exception {
        JsonNode deploy = gameDay().drill("staging-bad-deploy");
        assertRespondedAndRecovered(deploy, gameDay, "High5xxRatio");
        Instant injected = Instant.parse(deploy.path("injectedAt").asText());
        Instant notified = Instant.parse(deploy.path("notifiedAt").asText());
        Instant firstAction = Instant.parse(deploy.path("firstActionAt").asText());
        assertThat(Duration.between(actionPostedAt, firstAction).abs()).as("TTFA is the person's record")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(deploy.path("ttfaSeconds").asDouble()).isCloseTo(
                Duration.between(injected, actionPostedAt).toMillis() / 1000.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Duration.between(notified, firstAction).toMillis()).isBetween(11_500L, 13_500L);
        assertThat(deploy.path("detection").path("responder").asText()).isEqualTo("human");
        assertThat(deploy.path("firstAction").asText()).as("what the person did, not the runbook's")
                .isEqualTo("on call: " + FIRED_HUMAN_NOTE);
        assertThat(deploy.path("rollback").asBoolean()).isTrue();
        // the team's simulation does not save the shop's served-by header: a 500 may be the proxy's, so unknown
        JsonNode impact = deploy.path("impact");
        assertThat(impact.path("failedOrders").asLong() + impact.path("unknownOrders").asLong())
                .as("orders the broken version failed: " + impact).isPositive();
        assertThat(timeline(gameDay)).anyMatch(e -> e.kind().equals("drill.first-action")
                && e.detail().contains(FIRED_HUMAN_NOTE));
    }

    @Test
    @Order(6)
    void aPaymentOutageUnderTheTeamsOwnSimulationIsUndoneAfterwards() throws Exception {
        Run run = gameDay();
        assertThat(run.summary().path("simulation").asText()).isEqualTo(StagingShopperSimulation.class.getName());
        JsonNode outage = run.drill("staging-payment-outage");
        assertRespondedAndRecovered(outage, run, "PaymentBreakerOpen", "PaymentFailureRatio");
        assertThat(criterion(outage, "undo-ran").path("passed").asBoolean()).isTrue();
        assertThat(stepOutputs(run)).anyMatch(d -> d.startsWith("http POST " + url("gatewayAdminUrl")
                + "/__admin/mappings/reset") && d.contains("status 200"));
        assertThat(stubPresent(FAULT_STUB)).as("the undo removed the partner's fault").isFalse();
        assertThat(pendingUndo()).isEmpty();
    }

    @Test
    @Order(7)
    void aTeamThatWritesInEnglishGetsEveryPageInEnglish() throws Exception {
        RunChecks.assertPagesInOneLanguage(gameDay().dir(), ReportLocale.EN);
    }

    /** The game day, run once, by the first test that reads it (after the quiet cases above). */
    private static synchronized Run gameDay() throws Exception {
        if (gameDay == null) {
            gameDay = runWithAPersonOnCall();
        }
        return gameDay;
    }

    /** The held fault's drill with the built-in load, returned once its fault is in. */
    private static GatlingProcess.Running startHeldFault() throws Exception {
        // what these cases judge starts once the fault is in: no warm-up, the shortest steady state
        GatlingProcess.Running running = GatlingProcess.start(RunChecks.SIMULATION, work.resolve("gatling"),
                properties(Map.of("drill", "staging-held-fault", "warmup.during", "0s",
                        "drills.steadyState.hold", "2s")));
        Path runDir = awaitNewRunFolder(runFolders(), running);
        awaitEvent(runDir, running, "drill.fault", "staging-held-fault", 120);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!stubPresent(QUIET_STUB) || pendingUndo().isEmpty()) {
            assertThat(System.nanoTime()).as(running.outputSoFar()).isLessThan(deadline);
            Thread.sleep(100);
        }
        return running;
    }

    /** The fault's program (the {@code sleep} that holds it), a child of the run's JVM. */
    private static ProcessHandle heldProgram(GatlingProcess.Running running) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Optional<ProcessHandle> held = running.process().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("sleep " + HELD_SECONDS)).findFirst();
            if (held.isPresent()) {
                return held.get();
            }
            assertThat(System.nanoTime()).as(running.outputSoFar()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void assertRespondedAndRecovered(JsonNode drill, Run run, String... expectedAlerts) {
        assertThat(drill.path("verdict").asText()).as(drill.toPrettyString() + "\n" + run.output()).isEqualTo("pass");
        assertThat(drill.path("detectedBy").asText()).isIn((Object[]) expectedAlerts);
        assertThat(drill.path("ttdSeconds").asDouble()).isPositive().isLessThanOrEqualTo(15.0);
        assertThat(drill.path("ttnSeconds").asDouble()).isGreaterThanOrEqualTo(drill.path("ttdSeconds").asDouble());
        assertThat(drill.path("ttfaSeconds").asDouble()).isGreaterThan(drill.path("ttnSeconds").asDouble());
        assertThat(drill.path("ttrSeconds").asDouble()).isGreaterThan(drill.path("ttfaSeconds").asDouble());
        assertThat(drill.path("integrity").asText()).isEqualTo("pass");
        RunChecks.assertIntegrityPasses(run.summary().path("integrity"));
        assertThat(run.dir().resolve("incident-" + drill.path("name").asText() + ".md")).content()
                .contains("the team's staging (the team's `Prometheus` and `Alertmanager`");
        System.out.printf("%s: TTD %.1f s, TTN %.1f s, TTFA %.1f s, TTR %.1f s%n", drill.path("name").asText(),
                drill.path("ttdSeconds").asDouble(), drill.path("ttnSeconds").asDouble(),
                drill.path("ttfaSeconds").asDouble(), drill.path("ttrSeconds").asDouble());
    }

    private static JsonNode criterion(JsonNode drill, String name) {
        for (JsonNode c : drill.path("criteria")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + name + " in " + drill);
    }

    private static List<Event> timeline(Run run) {
        try {
            return EventLog.read(run.dir().resolve("events.jsonl"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What each team step did: its exit or status and its output's tail. */
    private static List<String> stepOutputs(Run run) {
        return timeline(run).stream().filter(e -> e.kind().equals("operation.step")).map(Event::detail).toList();
    }

    private static String url(String field) {
        try {
            return staging.url(field);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean stubPresent(String id) throws Exception {
        return get(url("gatewayAdminUrl") + "/__admin/mappings/" + id).statusCode() == 200;
    }

    private static List<Path> pendingUndo() throws IOException {
        Path dir = work.resolve("results").resolve("pending-undo");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    private static List<Path> runFolders() throws IOException {
        Path results = work.resolve("results");
        if (!Files.isDirectory(results)) {
            return new java.util.ArrayList<>();
        }
        try (Stream<Path> dirs = Files.list(results)) {
            return new java.util.ArrayList<>(dirs.filter(d -> Files.exists(d.resolve("events.jsonl"))
                    || Files.exists(d.resolve("summary.json"))).sorted().toList());
        }
    }

    private static Path awaitNewRunFolder(List<Path> before, GatlingProcess.Running running) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            List<Path> now = runFolders();
            now.removeAll(before);
            if (!now.isEmpty()) {
                return now.get(0);
            }
            assertThat(running.process().isAlive() && System.nanoTime() < deadline).as(running.outputSoFar()).isTrue();
            Thread.sleep(200);
        }
    }

    private static Event awaitEvent(Path runDir, GatlingProcess.Running running, String kind, String source,
                                    long seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            Optional<Event> found = events(runDir).stream()
                    .filter(e -> e.kind().equals(kind) && e.source().equals(source)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(running.process().isAlive() && System.nanoTime() < deadline)
                    .as("waiting for " + kind + " of " + source + ":\n" + running.outputSoFar()).isTrue();
            Thread.sleep(200);
        }
    }

    /** The run's events so far; none while the file is missing or its last line is half written. */
    private static List<Event> events(Path runDir) {
        try {
            return Files.exists(runDir.resolve("events.jsonl")) ? EventLog.read(runDir.resolve("events.jsonl"))
                    : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
