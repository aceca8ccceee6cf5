package dev.salerush.sim.it;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.report.BrowserPages;
import dev.salerush.sim.report.LanguageLint;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.salerush.sim.it.RunChecks.SIMULATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through the whole process, as `mvn gatling:test -D...` runs it: one message, exit status 3, no run folder,
 * nothing started, and not one connection to the target (a listening socket that counts them). The full table of
 * bad values is BadInputTableTest; these rows prove the path from a message to the exit. A plan alone
 * ({@code -Dplan.only=true}) takes the same path to exit 0: the plan written, nothing else.
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
            "plan.only       | abc                | plan.only must be true or false, got 'abc'",
            "compare.pairs   | instance-crash,meteor-strike | compare.pairs: no comparison named 'meteor-strike'; known: db-failover, instance-crash, payment-outage",
            "salerush.conf   | /nonexistent/team.conf,/nonexistent/staging.conf | salerush.conf names /nonexistent/team.conf, which is not a readable file"})
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
            assertThat(result.output().lines().filter(line -> line.startsWith("salerush: "))).as("one line")
                    .hasSize(1);
            assertThat(work.resolve("results")).as("no run folder").doesNotExist();
            assertThat(connections.get()).as("connections to the target").isZero();
        }
    }

    /**
     * {@code -Dplan.only=true}: the test plan of the profile in results/plans/<profile>/, its path printed, exit 0;
     * no run folder, nothing started, not one connection to the target. The page opens in Chromium with Hangul.
     */
    @Test
    void planOnlyWritesTheTestPlanAndNothingElse() throws Exception {
        try (ServerSocket target = new ServerSocket(0)) {
            AtomicInteger connections = countConnections(target);
            Map<String, String> properties = RunChecks.shortSmokeRun(work);
            properties.put("target.baseUrl", "http://127.0.0.1:" + target.getLocalPort());
            properties.put("profile", "load");
            properties.put("plan.only", "true");

            GatlingProcess.Result result = GatlingProcess.run(SIMULATION, work.resolve("gatling"), properties, 120);

            Path plans = work.resolve("results/plans/load");
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("plan.only = true: test plan written to " + plans.resolve("plan.html")
                    + " and " + plans.resolve("plan.md") + "; nothing started, no load sent");
            try (Stream<Path> results = Files.list(work.resolve("results"))) {
                assertThat(results.filter(Files::isDirectory)).as("no run folder")
                        .containsExactly(work.resolve("results/plans"));
            }
            assertThat(connections.get()).as("connections to the target").isZero();
            String markdown = Files.readString(plans.resolve("plan.md"));
            assertThat(markdown).contains("1,650,000 × 2 / 86,400 = 38.2 rps", "38.2 × 8 = 305.6 rps",
                    "305.6 × 2 / 2 = 305.6 → 306 (올림)", "| 브랜드 | 2,063 | 21 |", "| 상품 | 223,986 | 2,240 |",
                    "**이번 테스트: `load` (부하 테스트)**");
            String page = Files.readString(plans.resolve("plan.html"));
            assertThat(LanguageLint.offences(page, ReportLocale.KO)).isEmpty();
            assertThat(LanguageLint.offences(markdown, ReportLocale.KO)).isEmpty();
            assertThat(work.resolve("results/index.html")).content().contains("href=\"plans/load/plan.html\"");

            if (BrowserPages.browserAvailable()) {
                BrowserPages.assertHangulFont();
                String dom = new BrowserPages(work).assertPageWorks(plans.resolve("plan.html"), "plan-load", 0);
                assertThat(dom).contains("<html lang=\"ko\">", "<h2 id=\"scope\">대상 범위</h2>",
                        "<h2 id=\"situation\">상황</h2>", "<h2 id=\"data\">데이터</h2>",
                        "<h2 id=\"cautions\">유의 사항 점검</h2>", "<h2 id=\"traffic\">트래픽 산정 (DAU → rps → VU)</h2>",
                        "<h2 id=\"profiles\">테스트 유형별 예상 응답과 소요 시간</h2>");
            }
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
