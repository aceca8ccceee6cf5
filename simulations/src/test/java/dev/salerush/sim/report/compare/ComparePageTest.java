package dev.salerush.sim.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.report.LanguageLint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison page from two runs' summary.json files: its sections, each figure equal to the run's own, the
 * differences in words, both timelines aligned at the fault, and one language per page.
 */
class ComparePageTest {
    private static final ReportSettings KOREAN = ReportSettings.of(ReportLocale.KO);
    private static final ReportSettings ENGLISH = ReportSettings.of(ReportLocale.EN);
    private static final Instant WRITTEN = Instant.parse("2026-12-01T07:10:00Z");

    @TempDir
    Path results;
    private PairRuns pair;
    private Path folder;

    @BeforeEach
    void twoRuns() throws IOException {
        pair = CompareFixtures.instanceCrash(results);
        folder = pair.withoutSettings().getParent();
    }

    @Test
    void everyFigureOnThePageIsTheRunsOwn() throws IOException {
        String page = ComparePage.html(folder, List.of(pair), WRITTEN, KOREAN);
        JsonNode without = drill(CompareFixtures.WITHOUT);
        JsonNode with = drill(CompareFixtures.WITH);

        assertThat(cell(page, "instance-crash-failedRequests-without")).isEqualTo(
                grouped(without, "failedRequests") + "건 / " + grouped(without, "requests") + "건 ("
                        + Numbers.grouped(without.path("impact").path("koPercent").asDouble(), 1) + " %)");
        assertThat(cell(page, "instance-crash-failedRequests-with")).startsWith(grouped(with, "failedRequests") + "건 / ");
        assertThat(cell(page, "instance-crash-failedOrders-without")).isEqualTo(grouped(without, "failedOrders") + "건");
        assertThat(cell(page, "instance-crash-unknownOrders-with")).isEqualTo(grouped(with, "unknownOrders") + "건");
        assertThat(cell(page, "instance-crash-ttd-without")).isEqualTo(
                Numbers.grouped(without.path("ttdSeconds").asDouble(), 1) + "초 (<code>ShopInstanceDown</code>)");
        assertThat(cell(page, "instance-crash-ttr-with")).isEqualTo(
                Numbers.grouped(with.path("ttrSeconds").asDouble(), 1) + "초");
        assertThat(cell(page, "instance-crash-p95-without")).isEqualTo(
                Numbers.grouped(without.path("impact").path("p95Ms").asDouble(), 0) + " ms");
        assertThat(cell(page, "instance-crash-integrity-with")).isEqualTo("이상 없음");
        assertThat(cell(page, "instance-crash-verdict-without")).isEqualTo("실패");
        assertThat(cell(page, "instance-crash-fault-with")).isEqualTo("<code>kill-instance shop-1</code>");
    }

    @Test
    void thePageHasItsSectionsLinksAndTheDifferenceInWords() {
        String page = ComparePage.html(folder, List.of(pair), WRITTEN, KOREAN);

        assertThat(page).contains("<html lang=\"ko\">", "완화 장치 적용 전후 비교", "id=\"instance-crash-table\"",
                "쇼핑몰 인스턴스 장애: 단일 구성 vs 이중화", "시각은 모두 KST 기준입니다.", "작성 2026-12-01 16:10:00");
        assertThat(page).as("links to each run's page and settings, relative to the page's folder").contains(
                "href=\"../../" + CompareFixtures.WITHOUT + "/report.html\"",
                "href=\"../../" + CompareFixtures.WITH + "/report.html\"", "href=\"instance-crash-without.conf\"");
        assertThat(page).contains("<li>실패한 요청: 1,234건 → 3건 (1,231건 줄었습니다)</li>",
                "<li>실패한 주문: 37건 → 0건 (37건 줄었습니다)</li>", "<li>결과를 알 수 없는 주문: 4건 → 1건 (3건 줄었습니다)</li>",
                "<li>허용 범위를 벗어난 시간: 21초 → 0초 (21초 줄었습니다)</li>",
                "<li>복구 (TTR): 25.9초 → 11초 (14.9초 빨라졌습니다)</li>",
                "<li>장애 중 p95: 2,150 ms → 48 ms (2,102 ms 낮아졌습니다)</li>");
    }

    @Test
    void bothTimelinesAreOnOneChartAlignedAtTheFault() throws IOException {
        String page = ComparePage.html(folder, List.of(pair), WRITTEN, KOREAN);
        JsonNode charts = new ObjectMapper().readTree(between(page, "<script type=\"application/json\" id=\"chart-data\">",
                "</script>"));

        assertThat(page).contains("data-chart=\"timeline-instance-crash\"");
        JsonNode chart = charts.get(0);
        assertThat(chart.path("xAxis").asText()).isEqualTo("offset");
        assertThat(chart.path("xMin").asLong()).isEqualTo(-30);
        JsonNode withoutLine = chart.path("series").get(0);
        assertThat(withoutLine.path("label").asText()).isEqualTo("적용 전: 단일 구성 (쇼핑몰 한 대, 로드 밸런서 없음)");
        JsonNode series = drill(CompareFixtures.WITHOUT).path("series");
        assertThat(withoutLine.path("data")).hasSize(series.size());
        assertThat(withoutLine.path("data").get(35).path("x").asDouble()).isEqualTo(series.get(35).path("t").asDouble())
                .isEqualTo(5.0);
        assertThat(withoutLine.path("data").get(35).path("y").asDouble())
                .isEqualTo(series.get(35).path("koPercent").asDouble()).isEqualTo(100.0);
        assertThat(withoutLine.path("data").get(75).path("y").isNull()).as("a second nothing was answered").isTrue();
        assertThat(chart.path("series").get(2).path("data").get(0).path("x").asDouble()).as("the fault").isZero();
    }

    @Test
    void theMarkdownHasTheTablesTheDifferencesAndFiveSecondRows() {
        String markdown = ComparePage.markdown(folder, List.of(pair), WRITTEN, KOREAN);

        assertThat(markdown).contains("# 완화 장치 적용 전후 비교", "## 쇼핑몰 인스턴스 장애: 단일 구성 vs 이중화",
                "| 실패한 요청 | 1,234건 / 1,800건 (68.6 %) | 3건 / 1,950건 (0.2 %) |",
                "[`" + CompareFixtures.WITHOUT + "`](../../" + CompareFixtures.WITHOUT + "/report.html)",
                "- 실패한 요청: 1,234건 → 3건 (1,231건 줄었습니다)\n- 실패한 주문", "| 0초 | 100 % | 0 % |\n| 5초 | 100 % | 0 % |",
                "| -30초 | 0 % | 0 % |", "# 완화 장치 적용 전후 비교\n\n> **훈련**");
    }

    @Test
    void eachPageIsInOneLanguage() {
        for (ReportSettings settings : List.of(KOREAN, ENGLISH)) {
            String html = ComparePage.html(folder, List.of(pair), WRITTEN, settings);
            String markdown = ComparePage.markdown(folder, List.of(pair), WRITTEN, settings);
            assertThat(LanguageLint.offences(html, settings.locale())).as("html, " + settings.locale()).isEmpty();
            assertThat(LanguageLint.offences(markdown, settings.locale())).as("md, " + settings.locale()).isEmpty();
        }
        String english = ComparePage.html(folder, List.of(pair), WRITTEN, ENGLISH);
        assertThat(english).contains("<html lang=\"en\">", "Mitigation before and after", "All times are UTC.",
                "<li>Failed requests: 1,234 → 3 (1,231 fewer)</li>");
        assertThat(cell(english, "instance-crash-ttr-without")).isEqualTo("25.9 s");
    }

    @Test
    void writesThePageAndItsMarkdownBesideTheSettings() {
        List<Path> written = ComparePage.write(folder, List.of(pair), WRITTEN, KOREAN);
        assertThat(written).containsExactly(folder.resolve("compare.html"), folder.resolve("compare.md"));
        assertThat(written).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    private JsonNode drill(String runId) throws IOException {
        return new ObjectMapper().readTree(results.resolve(runId).resolve("summary.json").toFile()).path("drills").get(0);
    }

    private static String grouped(JsonNode drill, String impactField) {
        return Numbers.grouped(drill.path("impact").path(impactField).asLong(), 0);
    }

    /** The content of the table cell with this id. */
    static String cell(String page, String id) {
        Matcher cell = Pattern.compile("<td[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</td>").matcher(page);
        assertThat(cell.find()).as("a cell " + id).isTrue();
        return cell.group(1).replaceAll("</?a[^>]*>", "");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        return text.substring(start, text.indexOf(to, start));
    }
}
