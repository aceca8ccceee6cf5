package dev.salerush.sim.it;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.BrowserPages;
import dev.salerush.sim.report.LanguageLint;
import dev.salerush.sim.results.RunFiles;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The stress staircase against targets of known capacity: {@code workers} workers each serving a request in
 * {@code serviceMs} ms (capacity = workers / service time), requests beyond it queue. The staircase's steps lie on a
 * deliberately coarse grid (100, 260, 420, 580 ... rps) and each capacity sits between two of them, so only the
 * refinement probes can find it: the run must stop by itself, and the refined breaking point must land within ±10 % of
 * the capacity the server really had (computed from the service time it measured itself). Each run starts at the grid
 * step below 80 % of the nominal capacity: the steps far below it prove nothing and only take time. (Not 85 %: a run
 * that spends longer near capacity measures its server's service time longer, its capacity 4 % lower, and put the
 * breaking point 9.4-9.6 % above it, too near the bound.) Probes are judged on 4 s after a 2 s settle: 4 % over
 * capacity already queues about 160 ms of work by then, the p95 bound.
 */
@Order(ItLanes.ALONE)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class CalibrationIT {

    /** The coarse grid of the staircase: 100, 260, 420, 580 ... rps. */
    private static final int GRID_START = 100;
    private static final int GRID_STEP = 160;

    @TempDir
    Path work;

    /** The grid step below 80 % of the nominal capacity (workers x 1000 / serviceMs rps). */
    static int firstStep(int workers, int serviceMs) {
        double nominal = workers * 1000.0 / serviceMs;
        return GRID_START + GRID_STEP * (int) Math.max(0, Math.floor((0.8 * nominal - GRID_START) / GRID_STEP));
    }

    @ParameterizedTest(name = "{0} workers x {1} ms")
    // two capacities far apart (200 and 700 rps) under the same grid: each lies between two steps only the
    // refinement can split (a third, 500 rps, cost 50 s of verify's 15 minutes and showed nothing these two do not)
    @CsvSource({"4, 20", "7, 10"})
    void refinedBreakingPointLandsWithinTenPercentOfTheTrueCapacity(int workers, int serviceMs) throws Exception {
        try (TestServer server = TestServer.start(serviceMs, workers)) {
            Path teamConf = work.resolve("calibration.conf");
            Files.writeString(teamConf, """
                    profiles.calibration {
                      stairs {
                        from = %d, step = %d, hold = 6s, steps = 8, breachSustain = 3s, headroom = 0, warmup = 3s
                        refine { probes = 4, hold = 6s, settle = 2s, within = 0.04 }
                      }
                      slo = [
                        { name = "p95", metric = p95Ms, threshold = %d, request = "fixed" }
                        { name = "errors", metric = koPercent, threshold = 1 }
                      ]
                    }
                    """.formatted(firstStep(workers, serviceMs), GRID_STEP, 8 * serviceMs));
            GatlingProcess.Result result = GatlingProcess.run(FixedDelayProbeSimulation.class.getName(),
                    work.resolve("gatling"), Map.of(
                            "salerush.conf", teamConf.toString(),
                            "profile", "calibration",
                            "target.baseUrl", server.baseUrl(),
                            "metrics.enabled", "false",
                            "results.dir", work.resolve("results").toString()), 300);

            JsonNode summary = TestServer.onlySummary(work.resolve("results"));
            double capacity = workers / (server.served().path("meanServiceMicros").asDouble() / 1_000_000);
            JsonNode point = summary.path("breakingPoint");
            double breakingPoint = point.path("rps").asDouble();
            System.out.printf("calibration %d x %d ms: true capacity %.1f rps, breaking point %.1f rps, bracket %s"
                    + " (%s)%n", workers, serviceMs, capacity, breakingPoint, point.path("bracket"),
                    point.path("reason").asText());

            assertThat(summary.path("endedBy").asText()).as(result.output()).isEqualTo("breach");
            assertThat(summary.path("injectorBound").asBoolean()).isFalse();
            assertThat(summary.path("steps").findValues("probe")).as("probes were run").isNotEmpty();
            assertThat(breakingPoint).isCloseTo(capacity, within(0.1 * capacity));
            assertThat(point.path("bracket").get(0).asDouble()).isLessThan(point.path("bracket").get(1).asDouble());
            assertThat(result.output()).contains("breaking point: ");
            RunChecks.assertPagesInOneLanguage(RunChecks.onlyRunFolder(work), ReportLocale.KO);
            assertFindings(summary, workers == 4 ? "findings-calibration" : null);
        }
    }

    /**
     * The run's results-and-countermeasures document (결과와 대응 방안): a staircase under a profile not called stress
     * is the stress run; its breaking point and knee are summary.json's, smoke and load are said not run, and the
     * server metrics this run did not collect are listed as not measured. Opened in Chromium once (one capacity is
     * enough to show the page renders), as {@code screenshot}.
     */
    private void assertFindings(JsonNode summary, String screenshot) throws Exception {
        Path folder = work.resolve("results").resolve(RunFiles.FINDINGS)
                .resolve(FixedDelayProbeSimulation.class.getName() + "@127.0.0.1");
        String md = Files.readString(folder.resolve(RunFiles.FINDINGS_MARKDOWN));
        JsonNode point = summary.path("breakingPoint");
        JsonNode knee = summary.path("knee");
        assertThat(md).contains("- **한계 지점:** " + rps(point) + " rps (", "| 스트레스 테스트 | [`" + summary.path("runId")
                .asText() + "`]");
        assertThat(md).contains(knee.path("rps").isNumber() ? "- **응답 시간 급증 지점:** " + rps(knee) + " rps ("
                : "- **응답 시간 급증 지점:** 찾지 못함");
        assertThat(md).contains("| 스모크 테스트 | – | – | **실행 안 됨** |", "| 부하 테스트 | – | – | **실행 안 됨** |",
                "- 스모크 테스트(`smoke`)를 실행하지 않았습니다", "- 부하 테스트(`load`)를 실행하지 않았습니다",
                "- 단계별 서버 지표(CPU, 커넥션 풀, DB 세션)를 수집하지 않았습니다");
        Path page = folder.resolve(RunFiles.FINDINGS_PAGE);
        assertThat(LanguageLint.offences(md, ReportLocale.KO)).isEmpty();
        assertThat(LanguageLint.offences(Files.readString(page), ReportLocale.KO)).isEmpty();
        if (screenshot != null && BrowserPages.browserAvailable()) {
            String dom = new BrowserPages(work).assertPageWorks(page, screenshot, 1);
            assertThat(dom).contains("<html lang=\"ko\">", "부하테스트 결과와 대응 방안", "data-chart=\"load-curve\"",
                    "id=\"breaking-point\" data-rps=\"" + point.path("rps").asDouble() + "\"");
        }
    }

    private static String rps(JsonNode point) {
        return Numbers.grouped(point.path("rps").asDouble(), 1);
    }
}
