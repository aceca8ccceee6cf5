package dev.salerush.sim.run;

import com.sun.net.httpserver.HttpServer;
import dev.salerush.env.EnvironmentError;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.regression.RegressionResult;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunStatus;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.results.SummaryJson;
import dev.salerush.sim.shard.ShardSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run's finish without Gatling: a real (tiny) target answers /health, the test records responses the way the
 * simulation would, and the run judges, writes summary.json and junit.xml, and decides the exit status.
 */
class SaleRunFinishTest {
    @TempDir
    Path results;
    private HttpServer target;

    @BeforeEach
    void startTarget() throws IOException {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        target.start();
    }

    @AfterEach
    void stopTarget() {
        target.stop(0);
    }

    private SuiteConfig config(String baseUrl) {
        return TestConfigs.load("profile", "smoke", "target.baseUrl", baseUrl, "target.healthTimeout", "1s",
                "metrics.enabled", "false", "results.dir", results.toString());
    }

    private SaleRun startedRun() {
        SaleRun run = SaleRun.create(config("http://127.0.0.1:" + target.getAddress().getPort()), "FinishTest");
        run.startTarget();
        return run;
    }

    /** {@code count} browsing responses of {@code millis} each, as the simulation's timed requests record them. */
    private static void browse(ExactRecorder recorder, int count, long millis) {
        for (int i = 0; i < count; i++) {
            recorder.recordSent("list products");
            recorder.recordResponseTime("list products", millis);
            recorder.recordOutcome("list products", true);
        }
    }

    private static RunSummary written(SaleRun run) throws IOException {
        return SummaryJson.read(run.folder().file(RunFiles.SUMMARY));
    }

    @Test
    void aRunWithinItsSlosPassesAndExitsZero() throws IOException {
        SaleRun run = startedRun();
        browse(run.startRecording(1), 200, 5);

        RunSummary summary = run.finish(null);

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(summary.verdict()).isEqualTo(Verdict.PASS);
        assertThat(summary.global().count()).isEqualTo(200);
        assertThat(summary.global().p95Ms()).isEqualTo(5);
        assertThat(summary.regression()).extracting(RegressionResult::verdict).isEqualTo(Verdict.NO_BASELINE);
        assertThat(written(run)).isEqualTo(summary);
        assertThat(run.folder().file(RunFiles.JUNIT)).content().contains("browsing p95");
        assertThat(RunExit.status(summary)).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void theInjectorsStallDetectorRunsWhileRecordingAndItsFiguresReachSummaryConsoleAndLog() throws Exception {
        SaleRun run = startedRun();
        browse(run.startRecording(1), 10, 5);
        Thread.sleep(1_200);

        RunSummary summary = run.finish(null);

        assertThat(summary.injector().stallMaxMs()).isNotNull().isGreaterThanOrEqualTo(summary.injector().stallP99Ms());
        assertThat(summary.injector().stallBoundMs()).isEqualTo(50);
        assertThat(summary.injector().stalled()).isEqualTo(summary.injector().stallMaxMs() > 50);
        assertThat(written(run).injector()).isEqualTo(summary.injector());
        assertThat(run.folder().file(RunFiles.STALL_LOG)).content().contains("#[StartTime: ");
        assertThat(ConsoleReport.render(summary, "here")).containsAnyOf("injector stalls (how late its probe thread"
                + " woke): p99 ", "INJECTOR STALLED: the injector itself stalled up to ");
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("salerush-stall"));
    }

    @Test
    void aRunThatBreaksAnSloFailsAndExitsTwo() throws IOException {
        SaleRun run = startedRun();
        browse(run.startRecording(1), 200, 40);

        RunSummary summary = run.finish(null);

        assertThat(summary.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(summary.slo()).filteredOn(slo -> !slo.passed()).extracting("name").containsExactly("browsing p95");
        assertThat(RunExit.status(summary)).isEqualTo(OptionalInt.of(RunExit.EXIT_FAILURE));
    }

    @Test
    void aTeamRunThatRecordsNoOrderAttemptsHasItsIntegritySkippedSayingWhy() {
        SaleRun silent = SaleRun.create(config("http://127.0.0.1:" + target.getAddress().getPort()), "TeamSim", false,
                ShardSettings.SINGLE);
        silent.startTarget();
        browse(silent.startRecording(1), 10, 5);

        assertThat(silent.finish(null).integrity().reason()).isEqualTo("TeamSim records no order attempts: a team"
                + " simulation calls orderAttempt(...) after its order request to have its orders checked with"
                + " integrity.queries (docs/team-simulation.md)");

        SaleRun neverReached = SaleRun.create(config("http://127.0.0.1:" + target.getAddress().getPort()), "TeamSim",
                false, ShardSettings.SINGLE);
        neverReached.startTarget();
        neverReached.teamOrderLog(); // the simulation's orderAttempt(...) step exists, no user reaches it
        browse(neverReached.startRecording(1), 10, 5);

        RunSummary summary = neverReached.finish(null);

        assertThat(summary.integrity().verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(summary.integrity().reason()).startsWith("TeamSim recorded no order attempt during the run");
        assertThat(summary.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void finishIsIdempotentTheFirstCallWins() {
        SaleRun run = startedRun();
        browse(run.startRecording(1), 10, 5);

        RunSummary first = run.finish(null);

        assertThat(run.finish("interrupted")).isSameAs(first);
    }

    @Test
    void anInterruptedRunKeepsWhatItMeasuredAsPartialAndFails() {
        SaleRun run = startedRun();
        browse(run.startRecording(1), 10, 5);

        RunSummary summary = run.finish("interrupted before the run finished");

        assertThat(summary.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(summary.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(summary.global().count()).isEqualTo(10);
        assertThat(RunExit.status(summary)).isEqualTo(OptionalInt.of(RunExit.EXIT_FAILURE));
    }

    @Test
    void aTargetThatCannotBeReachedLeavesAPartialSummaryAndMeasuresNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SaleRun run = SaleRun.create(config("http://127.0.0.1:" + closedPort), "FinishTest");

        assertThatThrownBy(run::startTarget).isInstanceOf(EnvironmentError.class)
                .hasMessageContaining("target unreachable");

        RunSummary summary = written(run);
        assertThat(summary.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(summary.failure()).startsWith("could not start the run: target unreachable");
        assertThat(summary.global()).isNull();
        assertThat(RunExit.status(summary)).isEmpty();
        assertThat(Files.exists(run.folder().file(RunFiles.LATENCY_LOG))).isFalse();
    }
}
