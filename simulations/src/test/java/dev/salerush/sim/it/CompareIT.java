package dev.salerush.sim.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.BrowserPages;
import dev.salerush.sim.report.LanguageLint;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real, shortened mitigation comparison, as {@code -Dprofile=compare -Dcompare.pairs=instance-crash} runs it: the
 * instance-crash drill on the single topology (its one shop killed, nothing in front of it), then on the redundant
 * one (HAProxy routes around the dead instance), each a Gatling JVM of its own with its own environment and alerting
 * stack, and the page written from their run folders. The page's figures are the runs' summary.json's, the
 * redundancy shows in them, the page opens in Chromium with its Hangul and chart drawn, and nothing is left running.
 * The cheapest pair (the single topology starts in seconds); the nightly runs all three at full length
 * ({@code -Dprofile=compare}). Phases as short as the checks allow: DrillsIT's plan, a 3 s warm-up, 3 s holds, the
 * responder 2 s after the notice, requests given up after 3 s (the load ends once they are answered).
 */
@Order(ItLanes.LANE_ONE + 6)
class CompareIT {
    /**
     * 3 s holds (DrillsIT's are 5 s, for a payment outage that once looked recovered in a quiet stretch of orders):
     * a crashed instance leaves no quiet stretch — every request fails on the single topology, none on the redundant
     * one, whose recovery before the first action is its mitigation (the drill is absorbed).
     */
    private static final String SHORT = """
            drills { steadyState.hold = 3s, recoveryHold = 3s }
            warmup.during = 3s
            drills.responder.delay = 2s
            drills.resolvedWithin = 5s
            target.requestTimeout = 3s
            """;

    @TempDir
    static Path work;
    private static GatlingProcess.Result result;
    private static Path folder;
    private static RunRecord without;
    private static RunRecord with;

    @BeforeAll
    static void runTheComparison() throws Exception {
        RequiredTools.assumeAlertingStack();
        Path teamConf = Files.writeString(work.resolve("compare.conf"),
                DrillsIT.PLAN + "\n" + SHORT);
        Map<String, String> properties = new HashMap<>();
        properties.put("salerush.conf", teamConf.toString());
        properties.put("profile", "compare");
        properties.put("compare.pairs", "instance-crash");
        // a bound: each run's load ends once its drill has
        properties.put("duration", "120s");
        properties.put("results.dir", work.resolve("results").toString());
        properties.put("dataset.scale", "0.01");
        result = GatlingProcess.run(RunChecks.SIMULATION, work.resolve("gatling"), properties, 600);
        System.out.printf("shortened comparison of instance-crash (two drill runs and the page): %d s%n",
                result.millis() / 1000);
        try (Stream<Path> comparisons = Files.list(work.resolve("results/compare"))) {
            folder = comparisons.findFirst().orElseThrow();
        }
        List<RunRecord> runs = RunCatalog.scan(work.resolve("results"));
        without = runs.stream().filter(r -> r.runId().endsWith("-compare-instance-crash-without")).findFirst()
                .orElseThrow(() -> new AssertionError("no run without the mitigation: " + runs + "\n" + result.output()));
        with = runs.stream().filter(r -> r.runId().endsWith("-compare-instance-crash-with")).findFirst().orElseThrow();
    }

    @Test
    void everyRunEndedAndThePageIsWrittenBesideTheirFolders() {
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(folder.resolve("compare.html")).isNotEmptyFile();
        assertThat(folder.resolve("compare.md")).isNotEmptyFile();
        assertThat(work.resolve("results/index.html")).as("the index lists the comparison")
                .content().contains("compare/" + folder.getFileName() + "/compare.html");
        assertThat(folder.resolve("instance-crash-without.conf")).content().contains("topology", "single");
        assertThat(RunCatalog.scan(work.resolve("results"))).as("the comparison's folder is no run")
                .extracting(RunRecord::runId).containsExactlyInAnyOrder(without.runId(), with.runId());
        assertThat(List.of(without, with)).allMatch(run -> run.health() == RunRecord.Health.OK);
        assertThat(without.summary().environment()).containsEntry("topology", "single");
        assertThat(with.summary().environment()).containsEntry("topology", "redundant");
    }

    @Test
    void theRedundancyShowsInTheMeasuredFigures() throws IOException {
        JsonNode single = drill(without);
        JsonNode redundant = drill(with);
        System.out.printf("instance-crash without (single): %s; with (redundant): %s%n", single.path("impact"),
                redundant.path("impact"));

        assertThat(single.path("firstAction").asText()).isEqualTo("restart-instance shop-1");
        assertThat(single.path("ttrSeconds").isNumber()).as("the restarted shop recovered").isTrue();
        assertThat(single.path("impact").path("koPercent").asDouble())
                .as("requests fail until the one shop is restarted").isGreaterThan(20);
        assertThat(redundant.path("impact").path("koPercent").asDouble())
                .as("the load balancer routes around the dead instance").isLessThan(2);
        assertThat(single.path("impact").path("failedRequests").asLong())
                .isGreaterThan(10 * Math.max(1, redundant.path("impact").path("failedRequests").asLong()));
        assertThat(single.path("impact").path("impactSeconds").asLong())
                .isGreaterThan(redundant.path("impact").path("impactSeconds").asLong());
    }

    @Test
    void theFiguresOnThePageAreTheRunFoldersOwn() throws IOException {
        String page = Files.readString(folder.resolve("compare.html"));
        for (RunRecord run : List.of(without, with)) {
            String side = run == without ? "without" : "with";
            JsonNode drill = drill(run);
            JsonNode impact = drill.path("impact");
            assertThat(cell(page, "failedRequests", side)).isEqualTo(count(impact, "failedRequests") + "건 / "
                    + count(impact, "requests") + "건 (" + Numbers.grouped(impact.path("koPercent").asDouble(), 1) + " %)");
            assertThat(cell(page, "failedOrders", side)).isEqualTo(count(impact, "failedOrders") + "건");
            assertThat(cell(page, "unknownOrders", side)).isEqualTo(count(impact, "unknownOrders") + "건");
            assertThat(cell(page, "ttd", side)).isEqualTo(Numbers.grouped(drill.path("ttdSeconds").asDouble(), 1)
                    + "초 (<code>" + drill.path("detectedBy").asText() + "</code>)");
            assertThat(cell(page, "ttr", side)).isEqualTo(Numbers.grouped(drill.path("ttrSeconds").asDouble(), 1) + "초");
            assertThat(cell(page, "p95", side)).isEqualTo(Numbers.grouped(impact.path("p95Ms").asDouble(), 0) + " ms");
            assertThat(cell(page, "impactSeconds", side)).isEqualTo(count(impact, "impactSeconds") + "초");
            assertThat(cell(page, "integrity", side)).isEqualTo(drill.path("integrity").asText().equals("pass")
                    ? "이상 없음" : "불일치 발견");
            assertThat(cell(page, "run", side)).isEqualTo("<code>" + run.runId() + "</code>");
        }
        assertThat(page).contains("<li>실패한 요청: " + count(drill(without).path("impact"), "failedRequests") + "건 → "
                + count(drill(with).path("impact"), "failedRequests") + "건 (");
        JsonNode before = drill(without).path("impact");
        JsonNode after = drill(with).path("impact");
        assertThat(Files.readString(folder.resolve("compare.md"))).contains("# 완화 장치 적용 전후 비교",
                "## 쇼핑몰 인스턴스 장애: 단일 구성 vs 이중화", "| 실패한 주문 | " + count(before, "failedOrders") + "건 | "
                        + count(after, "failedOrders") + "건 |", "- 결과를 알 수 없는 주문: " + count(before, "unknownOrders")
                        + "건 → " + count(after, "unknownOrders") + "건", "**5초 단위 오류율 (장애 발생 시각 기준)**",
                "[`" + without.runId() + "`](../../" + without.runId() + "/report.html)");
    }

    @Test
    void thePageOpensInChromiumWithItsHangulAndBothTimelines() throws Exception {
        BrowserPages.requireBrowser();
        String dom = new BrowserPages(work).assertPageWorks(folder.resolve("compare.html"), "compare", 1);

        assertThat(dom).contains("<html lang=\"ko\">", "완화 장치 적용 전후 비교", "쇼핑몰 인스턴스 장애: 단일 구성 vs 이중화");
        assertThat(dom).containsPattern("data-chart=\"timeline-instance-crash\"[^>]*data-x-title=\"장애 발생 후 경과 시간 \\(초\\)\"");
        for (String file : List.of("compare.html", "compare.md")) {
            assertThat(LanguageLint.offences(Files.readString(folder.resolve(file)), ReportLocale.KO)).as(file).isEmpty();
        }
    }

    @Test
    void nothingOfEitherRunIsLeftRunning() {
        for (RunRecord run : List.of(without, with)) {
            JsonNode environment = RunChecks.JSON.valueToTree(run.summary().environment());
            RunChecks.assertNothingLeftBehind(RunChecks.ports(environment), run.dir());
        }
    }

    private static JsonNode drill(RunRecord run) throws IOException {
        return RunChecks.summary(run.dir()).path("drills").path(0);
    }

    private static String count(JsonNode impact, String field) {
        return Numbers.grouped(impact.path(field).asLong(), 0);
    }

    /** A figure's cell on the page, its links and nothing else taken off. */
    private static String cell(String page, String figure, String side) {
        Matcher cell = Pattern.compile("<td[^>]*id=\"instance-crash-" + figure + "-" + side + "\"[^>]*>(.*?)</td>")
                .matcher(page);
        assertThat(cell.find()).as("the cell of " + figure + ", " + side).isTrue();
        return cell.group(1).replaceAll("</?a[^>]*>", "");
    }
}
