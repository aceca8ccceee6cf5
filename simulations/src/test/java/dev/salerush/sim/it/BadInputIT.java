package dev.salerush.sim.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.salerush.sim.it.RunChecks.SIMULATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through the whole process, as `mvn gatling:test -D...` runs it: one message, exit status 3, no run folder,
 * nothing started, and not one connection to the target (a listening socket that counts them). The full table of
 * bad values is BadInputTableTest; these rows prove the path from a message to the exit.
 */
@Order(ItLanes.LANE_TWO + 5)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class BadInputIT {
    @TempDir
    Path work;

    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "target.baseUrll | http://127.0.0.1:1 | unknown setting 'target.baseUrll' (-D on the command line); did you mean 'target.baseUrl'?",
            "duration        | abc                | duration must be a duration with a unit",
            "profile         | smoke; rm -rf /    | unknown profile 'smoke; rm -rf /'",
            "metrics.url     | http://10.1.2.3/m  | metrics.url host '10.1.2.3' is not in target.allowedHosts",
            "plan.dau        | -5                 | plan.dau must be between 1 and 10000000000, got -5",
            "dataset.scale   | abc                | dataset.scale must be a number, got 'abc'",
            "compare.pairs   | instance-crash,meteor-strike | compare.pairs: no comparison named 'meteor-strike'; known: db-failover, instance-crash, payment-outage"})
    void aBadSettingEndsTheRunBeforeAnythingStartsOrIsSent(String key, String value, String message) throws Exception {
        try (ServerSocket target = new ServerSocket(0)) {
            AtomicInteger connections = countConnections(target);
            Map<String, String> properties = RunChecks.shortSmokeRun(work);
            properties.put("target.baseUrl", "http://127.0.0.1:" + target.getLocalPort());
            properties.put(key, value);

            GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 120);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
            assertThat(result.output()).contains("salerush: configuration error: " + message)
                    .doesNotContain("embedded PostgreSQL started");
            assertThat(work.resolve("results")).as("no run folder").doesNotExist();
            assertThat(connections.get()).as("connections to the target").isZero();
        }
    }

    @Test
    void aMissingHaproxyIsOneLineNamingThePackageAndNothingStarts() throws Exception {
        Map<String, String> properties = RunChecks.shortSmokeRun(work);
        properties.put("embedded.topology", "redundant");
        properties.put("embedded.tools.haproxy", work.resolve("no-such-dir/haproxy").toString());

        GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 120);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("salerush: haproxy not found at " + work.resolve("no-such-dir/haproxy")
                        + " (set by embedded.tools.haproxy): install the package: apt-get install haproxy | brew install haproxy")
                .doesNotContain("embedded PostgreSQL started", "payment gateway ready", "database cluster up");
    }

    @Test
    void aDrillWithoutPrometheusIsOneLineNamingThePackagesAndNothingStarts() throws Exception {
        Map<String, String> properties = RunChecks.shortSmokeRun(work);
        properties.remove("profile");
        properties.put("drill", "instance-crash");
        properties.put("drills.tools.prometheus", work.resolve("no-such-dir/prometheus").toString());

        GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 120);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("salerush: prometheus is required for drills but "
                        + work.resolve("no-such-dir/prometheus") + " (set by drills.tools.prometheus) is not an "
                        + "executable: apt-get install prometheus prometheus-alertmanager")
                .doesNotContain("embedded PostgreSQL started", "payment gateway ready", "database cluster up");
    }

    static AtomicInteger countConnections(ServerSocket server) {
        AtomicInteger connections = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "connection-counter");
        acceptor.setDaemon(true);
        acceptor.start();
        return connections;
    }
}
