package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import dev.salerush.sim.it.ItLanes;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.report.incident.IncidentPages;
import dev.salerush.sim.results.ReportFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens the rendered pages in headless Chromium. The pages report their own problems — script errors in
 * {@code body[data-js-errors]}, and {@code data-rendered="true"} on every chart Chart.js has drawn, with its x axis'
 * title and first tick — so the dumped DOM tells whether a reviewer would see every chart, and in which zone. The
 * pages are the Korean ones (report.locale's default; Hangul needs fonts-noto-cjk), the stress run's also in English.
 * Screenshots are kept in target/report-screenshots/.
 * Skipped without /usr/bin/chromium, unless SALERUSH_REQUIRE_BROWSER=1 (CI), where a missing browser fails.
 */
@Order(ItLanes.LANE_TWO + 6)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class ReportBrowserIT {

    private static final ReportSettings KOREAN = ReportSettings.of(ReportLocale.KO);

    @TempDir
    static Path dir;
    private static Path results;
    private static Path englishResults;

    @BeforeAll
    static void renderFixtures() throws IOException {
        BrowserPages.requireBrowser();
        results = ReportFixtures.resultsIn(dir);
        IncidentPages.write(results.resolve(ReportFixtures.SMOKE), ReportFixtures.SMOKE, List.of(
                DrillFixtures.badDeployPassed(), DrillFixtures.instanceCrashFailed(), DrillFixtures.abortedBeforeFault()),
                KOREAN);
        Reports.regenerate(results, KOREAN);
        englishResults = ReportFixtures.resultsIn(Files.createDirectories(dir.resolve("en")));
        Reports.writeRunPagesOnly(englishResults.resolve(ReportFixtures.STRESS), ReportSettings.of(ReportLocale.EN));
    }

    @Test
    void smokeRunPageDrawsEveryChartWithoutScriptErrors() throws Exception {
        assertPageWorks(results.resolve(ReportFixtures.SMOKE).resolve("report.html"), "smoke", 2);
    }

    @Test
    void stressRunPageDrawsStaircaseAndServerChartsInKoreanTimeLikeItsHeader() throws Exception {
        String dom = assertPageWorks(results.resolve(ReportFixtures.STRESS).resolve("report.html"), "stress", 9);
        assertThat(dom).contains("data-chart=\"steps\"", "data-chart=\"server-cpu\"", "data-chart=\"injector-stalls\"");
        assertThat(dom).contains("<html lang=\"ko\">", "스트레스 계단", "시작 2026-11-25 20:15:00 KST");
        assertThat(dom).as("the latency chart's axis, drawn by Chart.js").containsPattern(
                "data-chart=\"latency\"[^>]*data-x-title=\"시각 \\(KST\\)\"[^>]*data-x-first-tick=\"20:15:00\"");
    }

    @Test
    void englishRunPageShowsItsChartsInUtcLikeItsHeader() throws Exception {
        String dom = assertPageWorks(englishResults.resolve(ReportFixtures.STRESS).resolve("report.html"), "stress-en",
                9);

        assertThat(dom).contains("<html lang=\"en\">", "Stress staircase", "started 2026-11-25 11:15:00 UTC");
        assertThat(dom).as("the latency chart's axis, drawn by Chart.js").containsPattern(
                "data-chart=\"latency\"[^>]*data-x-title=\"time \\(UTC\\)\"[^>]*data-x-first-tick=\"11:15:00\"");
    }

    @Test
    void pagesOfUnreadableRunsStillOpenCleanly() throws Exception {
        assertPageWorks(results.resolve(ReportFixtures.BROKEN_JSON).resolve("report.html"), "broken-json", 0);
        assertPageWorks(results.resolve(ReportFixtures.NO_SUMMARY).resolve("report.html"), "no-summary", 2);
    }

    @Test
    void incidentPagesDrawTheirChartAndTheSpofTableOpens() throws Exception {
        Path run = results.resolve(ReportFixtures.SMOKE);
        String dom = assertPageWorks(run.resolve("incident-bad-deploy.html"), "incident-bad-deploy", 1);
        assertThat(dom).contains("data-chart=\"incident\"", "이 문서는 장애 대응 훈련 결과입니다");
        assertPageWorks(run.resolve("incident-instance-crash.html"), "incident-instance-crash", 1);
        assertPageWorks(run.resolve("incident-db-failover.html"), "incident-db-failover", 0);
        assertPageWorks(run.resolve("spof.html"), "spof", 0);
        assertThat(assertPageWorks(run.resolve("report.html"), "smoke-with-drills", 2))
                .contains("href=\"incident-bad-deploy.html\"");
    }

    @Test
    void indexDrawsTrendsAndListsEveryFolder() throws Exception {
        String dom = assertPageWorks(results.resolve("index.html"), "index", 3);
        assertThat(dom).contains(ReportFixtures.SMOKE, ReportFixtures.STRESS, ReportFixtures.BROKEN_JSON,
                ReportFixtures.NO_SUMMARY, "읽을 수 없음");
        assertThat(dom).as("the trends' axis").contains("data-x-title=\"실행 시작 시각 (KST)\"");
    }

    private static String assertPageWorks(Path page, String name, int expectedCharts) throws Exception {
        return new BrowserPages(dir).assertPageWorks(page, name, expectedCharts);
    }
}
