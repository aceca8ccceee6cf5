package dev.salerush.sim.drills;

import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks before any fault against a team's alerting (a stub Prometheus and Alertmanager on loopback): each
 * problem is one line naming the key, and a staging that has everything passes with its plan printed. How each check
 * can fail is a row here: the stub is set up to break exactly one thing.
 */
class PreflightTest {
    @TempDir
    Path dir;
    private final TeamAlertingStub stub = new TeamAlertingStub();
    private final int receiverPort = freePort();

    PreflightTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Preflight.Report check(String fault, String... more) throws IOException {
        Path team = Files.writeString(dir.resolve("team.conf"), """
                target.baseUrl = "http://127.0.0.1:1"
                drills.environment = external
                drills.external { prometheus.url = "%s", alertmanager.url = "%s", receiver.port = %d }
                drills.catalogue.staging-crash { description = "x", point = "shop", fault = %s, firstAction = [],
                  rollback = false, expectedAlerts = [ShopInstanceDown], allowedAlerts = [] }
                drill = staging-crash
                """.formatted(stub.url(), stub.url(), receiverPort, fault) + String.join("\n", more));
        return Preflight.check(TestConfigs.load("salerush.conf", team.toString()).drills());
    }

    private static final String TRUE = "[ { run = [\"true\"] } ]";

    @Test
    void aStagingWithEverythingPassesAndPrintsThePlan() throws IOException {
        stub.routeTo(receiverPort);
        Preflight.Report report = check(TRUE);

        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(String.join("\n", report.plan())).contains("environment: external", "group_wait 10.0 s",
                "drill staging-crash", "fault:        [run true]", "ShopInstanceDown (for 5.0 s)");
    }

    @Test
    void anExpectedAlertYourPrometheusHasNotLoadedIsRefused() throws IOException {
        stub.rules("High5xxRatio");
        assertThat(check(TRUE).problems()).containsExactly("drills.catalogue.staging-crash.expectedAlerts: "
                + "'ShopInstanceDown' is not an alerting rule your Prometheus has loaded (1 rules: High5xxRatio)");
    }

    @Test
    void anUnreachablePrometheusIsRefused() throws IOException {
        String url = stub.url();
        stub.close();
        List<String> problems = check(TRUE).problems();
        assertThat(problems).isNotEmpty().allMatch(p -> !p.contains("\n"));
        assertThat(problems.get(0)).startsWith("drills.external.prometheus.url: cannot reach " + url);
    }

    @Test
    void aPrometheusThatWantsATokenSaysSo() throws IOException {
        stub.requiredAuthorization = "Bearer t0ken";
        assertThat(check(TRUE).problems().get(0)).startsWith("drills.external.prometheus.url: ")
                .contains("answered 401 (drills.external.headers: a token missing or refused?)");
    }

    @Test
    void aPrometheusWithNoAlertmanagerIsRefused() throws IOException {
        stub.answers.put("/api/v1/alertmanagers", "{\"data\":{\"activeAlertmanagers\":[]}}");
        assertThat(check(TRUE).problems()).containsExactly("drills.external.prometheus.url: your Prometheus sends "
                + "alerts to no Alertmanager (/api/v1/alertmanagers is empty): no notice can be posted");
    }

    @Test
    void anAlertmanagerThatCannotBeAskedIsRefused() throws IOException {
        stub.answers.remove("/api/v2/status");
        assertThat(check(TRUE).problems()).singleElement().asString()
                .startsWith("drills.external.alertmanager.url: ").contains("answered 404");
    }

    @Test
    void noRouteToTheReceiverIsAWarningThatNoticeTimesWillNotBeMeasured() throws IOException {
        Preflight.Report report = check(TRUE);
        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).singleElement().asString().contains("no webhook to the drill receiver (:"
                + receiverPort + "/alerts): time to notice will not be measured");
    }

    @Test
    void aProgramNotOnPathIsRefused() throws IOException {
        assertThat(check("[ { run = [\"kubectl-that-is-not-here\", \"delete\", \"pod\", \"shop-0\"] } ]").problems())
                .containsExactly("drills.catalogue.staging-crash: program 'kubectl-that-is-not-here' of step "
                        + "'run kubectl-that-is-not-here delete pod shop-0' is not found on PATH");
    }

    @Test
    void aProgramPathThatIsNotExecutableIsRefused() throws IOException {
        Path script = Files.writeString(dir.resolve("rollback.sh"), "echo no run bit\n");
        assertThat(check("[ { run = [\"" + script + "\"] } ]").problems()).containsExactly(
                "drills.catalogue.staging-crash: program '" + script + "' of step 'run " + script + "' is not found "
                        + "or not executable");
    }

    @Test
    void aTakenReceiverPortIsRefused() throws IOException {
        stub.routeTo(receiverPort);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", receiverPort));
            assertThat(check(TRUE).problems()).singleElement().asString().startsWith(
                    "drills.external.receiver.port: 127.0.0.1:" + receiverPort + " is taken");
        }
    }

    @Test
    void everyProblemIsOneLineAndAllAreReportedAtOnce() throws IOException {
        stub.rules("High5xxRatio");
        stub.answers.put("/api/v1/alertmanagers", "{\"data\":{\"activeAlertmanagers\":[]}}");
        List<String> problems = new ArrayList<>(check("[ { run = [\"no-such-program-x\"] } ]").problems());

        assertThat(problems).hasSize(3).allMatch(p -> !p.contains("\n"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
