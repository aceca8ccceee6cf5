package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.report.incident.IncidentPages;
import dev.salerush.sim.results.ReportFixtures;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRunPageTest {
    private static final ReportSettings EN = ReportSettings.of(ReportLocale.EN);
    private static final ReportSettings KO = ReportSettings.of(ReportLocale.KO);

    @TempDir
    Path dir;

    @Test
    void writesRunPageSummaryAndIndexForARun() throws Exception {
        Path results = ReportFixtures.resultsIn(dir);

        Path page = Reports.writeForRun(results.resolve(ReportFixtures.STRESS), results, EN);

        assertThat(page).isEqualTo(results.resolve(ReportFixtures.STRESS).resolve("report.html"));
        String html = Files.readString(page);
        assertThat(html).contains("data-verdict=\"pass\"", "data-chart=\"throughput\"", "data-chart=\"latency\"",
                "data-chart=\"steps\"", "data-chart=\"server-cpu\"", "data-chart=\"server-pools\"", "breaking point");
        assertThat(html).contains("data-chart=\"injector-stalls\"", "id=\"injector-stalled\"",
                "Injector stalled: the injector itself stalled up to 84 ms (p99 1.2 ms; bound 50 ms, exceeded in 2 s of the"
                        + " run)", "<td>0.4 / 12.6</td>");
        assertThat(results.resolve(ReportFixtures.STRESS).resolve("summary.md")).exists();
        String index = Files.readString(results.resolve("index.html"));
        assertThat(index).contains(ReportFixtures.NO_SUMMARY, "no summary.json", "summary.json is not valid JSON",
                "href=\"20261125-111500-stress/report.html\"");
    }

    @Test
    void summaryTextIsEscapedInTheHtmlAndInTheChartData() {
        Path results = ReportFixtures.resultsIn(dir);

        String html = RunPage.html(RunCatalog.read(results.resolve(ReportFixtures.SMOKE)), EN);

        assertThat(html).contains("&lt;b&gt;product&lt;/b&gt; detail").doesNotContain("<b>product</b>");
        assertThat(html).contains("<span class=\"muted\">not measured</span>");
        assertThat(html).contains("id=\"regression\"", "id=\"integrity\"", "id=\"dataset\"");
        assertThat(html).doesNotContain("id=\"stress\"").doesNotContain("id=\"server\"");
    }

    @Test
    void aKoreanRunPageWordsItsVerdictFromTheTypedSummaryAndShowsTheEnginesTextAsTheRecord() {
        Path results = ReportFixtures.resultsIn(dir);

        String html = RunPage.html(RunCatalog.read(results.resolve(ReportFixtures.SMOKE)), KO);

        assertThat(html).contains("<html lang=\"ko\">", "<span class=\"verdict\">실패</span>",
                "<li>SLO <code>failed | requests</code> 실패: 측정값 없음 (<code>no responses</code>)</li>",
                "<li>회귀 발견: <code>p95 of list products rose 60 % over the baseline</code></li>",
                "시작 2026-11-25 19:15:00 KST · 30초");
        assertThat(html).as("a request name is the team's identifier, escaped in code font")
                .contains("<td class=\"text\"><code>&lt;b&gt;product&lt;/b&gt; detail</code></td>");
    }

    @Test
    void aKoreanStressPageWordsTheStallAndTheStaircaseInKorean() {
        Path results = ReportFixtures.resultsIn(dir);

        String html = RunPage.html(RunCatalog.read(results.resolve(ReportFixtures.STRESS)), KO);

        assertThat(html).contains("부하 발생기 멈춤: 부하 발생기 자체가 최대 84 ms 멈췄습니다 (p99 1.2 ms, 허용 한계 50 ms,"
                        + " 실행 중 2초 동안 초과)",
                "<span class=\"tag bp\">한계 지점</span> <b>732.5 rps</b> (3단계) — <code>step 3 was the highest step",
                "<span class=\"tag knee\">응답 시간 급증 지점</span> <b>588.6 rps</b> (2단계)",
                "계단 종료: <code>stopped in step 4", "<span class=\"fail\">위반</span>");
        assertThat(html).as("the staircase's axis is titled").contains("\"xAxis\":\"step\",\"xTitle\":\"단계");
    }

    @Test
    void aKoreanIndexNamesItsZoneInTheStartColumnAndSaysWhyAFolderIsUnreadable() throws Exception {
        Path results = ReportFixtures.resultsIn(dir);

        String index = Files.readString(Reports.writeIndex(results, KO));

        assertThat(index).contains("<th class=\"text\">시작 시각 (KST)</th>", "<td class=\"text nowrap\">2026-11-25 20:15:00</td>",
                "<span class=\"corrupt\">읽을 수 없음</span>", "사유: <code>summary.json is not valid JSON",
                "<input type=\"radio\" name=\"profile\" value=\"stress\"> <code>stress</code>");
    }

    @Test
    void theIndexLinksAGameDaysSpofAndDeployAnalysis() throws Exception {
        Path results = ReportFixtures.resultsIn(dir);
        IncidentPages.write(results.resolve(ReportFixtures.SMOKE), ReportFixtures.SMOKE,
                List.of(DrillFixtures.badDeployPassed(), DrillFixtures.instanceCrashFailed()), KO);

        String index = Files.readString(Reports.writeIndex(results, KO));

        assertThat(index).contains("<a href=\"" + ReportFixtures.SMOKE + "/spof.html\">SPOF·배포 분석</a>")
                .doesNotContain(ReportFixtures.STRESS + "/spof.html");
    }

    @Test
    void theIndexListsTheMitigationComparisonsNewestFirst() throws Exception {
        Path results = ReportFixtures.resultsIn(dir);
        for (String time : List.of("20261207-100000", "20261207-110000")) {
            Files.createDirectories(results.resolve("compare").resolve(time));
            Files.writeString(results.resolve("compare").resolve(time).resolve("compare.html"), "<html></html>");
        }
        Files.createDirectories(results.resolve("compare/20261207-120000")); // settings only: a run that never ended

        String index = Files.readString(Reports.writeIndex(results, KO));

        assertThat(index).contains("<h2 id=\"comparisons\">적용 전후 비교</h2>").doesNotContain("20261207-120000");
        assertThat(index.indexOf("compare/20261207-110000/compare.html"))
                .isPositive().isLessThan(index.indexOf("compare/20261207-100000/compare.html"));
    }

    @Test
    void theIndexListsTheTestPlansWrittenAloneAndNoneWithoutThem() throws Exception {
        Path results = ReportFixtures.resultsIn(dir);
        assertThat(Files.readString(Reports.writeIndex(results, KO))).doesNotContain("id=\"plans\"", "plans/");
        for (String profile : List.of("stress", "load")) {
            Path plans = Files.createDirectories(results.resolve("plans").resolve(profile));
            Files.writeString(plans.resolve("plan.html"), "");
        }
        Files.createDirectories(results.resolve("plans/empty"));

        String index = Files.readString(Reports.writeIndex(results, KO));

        assertThat(index).contains("<h2 id=\"plans\">테스트 계획서</h2>",
                "<a href=\"plans/load/plan.html\"><code>load</code> 테스트 계획서</a>",
                "<a href=\"plans/stress/plan.md\"><code>plan.md</code></a>").doesNotContain("plans/empty");
        assertThat(index.indexOf("plans/load/")).as("by name").isLessThan(index.indexOf("plans/stress/"));
        assertThat(RunCatalog.scan(results)).extracting(RunRecord::runId).doesNotContain("plans");
    }

    @Test
    void chartDataCannotCloseItsScriptElement() {
        assertThat(ScriptJson.write(java.util.List.of("</script><script>alert(1)</script>")))
                .isEqualTo("[\"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E\"]");
    }

    @Test
    void runPageLinksTheIncidentPagesOfItsDrills() throws Exception {
        Path results = ReportFixtures.resultsIn(dir);
        Path run = results.resolve(ReportFixtures.SMOKE);
        IncidentPages.write(run, ReportFixtures.SMOKE,
                List.of(DrillFixtures.badDeployPassed(), DrillFixtures.instanceCrashFailed()), ReportSettings.of(ReportLocale.KO));

        String html = Files.readString(Reports.writeForRun(run, results, EN));

        assertThat(html).contains("href=\"#drills\"", "id=\"drills\"", "<a href=\"incident-bad-deploy.html\">bad-deploy</a>",
                "<a href=\"incident-instance-crash.html\">instance-crash</a>", "href=\"spof.html\"");
        assertThat(RunPage.html(RunCatalog.read(results.resolve(ReportFixtures.STRESS)), EN))
                .as("a run without drills").doesNotContain("id=\"drills\"");
    }

    @Test
    void regeneratingKeepsGoingPastBrokenFolders() {
        Path results = ReportFixtures.resultsIn(dir);

        int pages = Reports.regenerate(results, EN);

        assertThat(pages).isEqualTo(4);
        assertThat(results.resolve(ReportFixtures.BROKEN_JSON).resolve("report.html")).content()
                .contains("UNREADABLE", "summary.json is not valid JSON");
        assertThat(results.resolve(ReportFixtures.NO_SUMMARY).resolve("report.html")).content()
                .as("a killed run still shows what its latency log recorded").contains("data-chart=\"latency\"");
    }
}
