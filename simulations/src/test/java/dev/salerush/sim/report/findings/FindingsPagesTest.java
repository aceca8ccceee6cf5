package dev.salerush.sim.report.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.report.LanguageLint;
import dev.salerush.sim.report.Messages;
import dev.salerush.sim.report.publish.ResultsPages;
import dev.salerush.sim.report.TemplateFiles;
import dev.salerush.sim.results.ReportFixtures;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunPruning;
import dev.salerush.sim.results.RunRecord;
import dev.salerush.sim.results.RunStatus;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.results.SummaryJson;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepResult;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results-and-countermeasures documents of the fixture runs (a failed smoke run and a stress run of the built-in
 * simulation against the embedded environment; the load run's summary is unreadable) and of a team's load run against
 * its own host: where they are written, their sections in both languages, their figures — read back from the pages
 * and compared with the summaries' own — and what they say was not run.
 */
class FindingsPagesTest {
    private static final String SALE_FOLDER = "dev.salerush.sim.simulations.SaleSimulation@embedded";
    private static final String TEAM_FOLDER = "com.team.Shop@10.0.0.5";
    private static final String TEAM_STRESS = "20261126-100000-stress";
    private static final Pattern CHART_DATA = Pattern.compile("<script type=\"application/json\" id=\"chart-data\">"
            + "(.*?)</script>", Pattern.DOTALL);
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1>");

    @TempDir
    Path dir;

    @Test
    void regenerateWritesOneDocumentPerSimulationAndHostBesideTheRunsAndTheCatalogueIgnoresThem() throws IOException {
        Path results = resultsWithATeamRun();

        regenerate(results, ReportSettings.defaults());

        for (String folder : List.of(SALE_FOLDER, TEAM_FOLDER)) {
            assertThat(results.resolve("findings").resolve(folder).resolve("findings.html")).isNotEmptyFile();
            assertThat(results.resolve("findings").resolve(folder).resolve("findings.md")).isNotEmptyFile();
        }
        assertThat(RunCatalog.scan(results)).extracting(RunRecord::runId).hasSize(6).doesNotContain("findings");
        assertThat(Files.readString(results.resolve("index.html"))).contains("결과와 대응 방안",
                "href=\"findings/" + SALE_FOLDER + "/findings.html\"", "href=\"findings/" + TEAM_FOLDER
                        + "/findings.html\"", "<code>com.team.Shop</code> · 대상 <code>10.0.0.5</code>");
    }

    @Test
    void aStressRunThatMeasuredNoStepIsPartialAndSaysSo() throws IOException {
        Path results = resultsWithATeamRun();

        regenerate(results, ReportSettings.defaults());

        assertThat(page(results, TEAM_FOLDER, "findings.md"))
                .contains("| 스트레스 테스트 | [`" + TEAM_STRESS + "`](../../" + TEAM_STRESS + "/report.html) | "
                        + "2026-11-26 19:00:00 | **부분 결과** |", "`interrupted before the first step`")
                .contains("- 스트레스 테스트(`" + TEAM_STRESS + "`)가 단계를 하나도 측정하기 전에 멈췄습니다.")
                .contains("스트레스 테스트로 측정한 단계가 없어 한계 지점과 응답 시간 급증 지점을 알 수 없습니다.")
                .contains("- 스모크 테스트(`smoke`)를 실행하지 않았습니다")
                .doesNotContain("스트레스 테스트(`stress`)를 실행하지 않았습니다");
        assertThat(page(results, TEAM_FOLDER, "findings.html")).contains("data-verdict=\"partial\"");
    }

    @Test
    void aFinishedRunRefreshesTheDocumentOfItsOwnSimulationAndHostOnly() throws IOException {
        Path results = resultsWithATeamRun();

        ResultsPages.afterRun(results.resolve(ReportFixtures.STRESS), results, ReportSettings.defaults(),
                RunPruning.Rule.KEEP_EVERY_RUN);

        assertThat(results.resolve("findings").resolve(SALE_FOLDER).resolve("findings.md")).content()
                .contains(ReportFixtures.SMOKE, ReportFixtures.STRESS);
        assertThat(results.resolve("findings").resolve(TEAM_FOLDER)).doesNotExist();
        assertThat(FindingsPages.writeForRun(results.resolve(ReportFixtures.NO_SUMMARY), results,
                ReportSettings.defaults())).as("a killed run says neither simulation nor host").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReportLocale.class)
    void everySectionIsOnThePageAndInTheMarkdownInOneLanguage(ReportLocale locale) throws IOException {
        Path results = resultsWithATeamRun();
        ReportSettings settings = ReportSettings.of(locale);
        regenerate(results, settings);
        Messages m = Messages.of(Words.BUNDLE, settings);

        SoftAssertions softly = new SoftAssertions();
        for (String folder : List.of(SALE_FOLDER, TEAM_FOLDER)) {
            String html = page(results, folder, "findings.html");
            String md = page(results, folder, "findings.md");
            for (String id : List.of("verdicts", "limits", "curve", "evidence", "countermeasures", "not-measured")) {
                softly.assertThat(html).as("section %s on %s", id, folder).contains("<h2 id=\"" + id + "\">");
            }
            for (String section : List.of("verdicts", "limits", "curve", "evidence", "countermeasures", "notMeasured")) {
                softly.assertThat(md).as("section %s in %s", section, folder).contains("## " + m.get("section." + section));
            }
            softly.assertThat(html).contains("<html lang=\"" + locale.key() + "\">");
            softly.assertThat(LanguageLint.offences(html, locale)).as("other language on %s/findings.html", folder)
                    .isEmpty();
            softly.assertThat(LanguageLint.offences(md, locale)).as("other language in %s/findings.md", folder)
                    .isEmpty();
            String zone = locale == ReportLocale.KO ? "KST" : "UTC";
            softly.assertThat(LanguageLint.occurrences(SCRIPT_OR_STYLE.matcher(html).replaceAll(" "), zone))
                    .as("%s named once on %s", zone, folder).isEqualTo(1);
        }
        softly.assertThat(LanguageLint.offences(Files.readString(results.resolve("index.html")), locale))
                .as("other language on the index").isEmpty();
        softly.assertAll();
    }

    @Test
    void theBreakingPointKneeAndCurveAreTheStressSummarysOwn() throws IOException {
        Path results = ReportFixtures.resultsIn(dir);
        regenerate(results, ReportSettings.defaults());
        RunSummary stress = RunCatalog.read(results.resolve(ReportFixtures.STRESS)).summary();
        String html = page(results, SALE_FOLDER, "findings.html");
        String md = page(results, SALE_FOLDER, "findings.md");
        BreakingPoint point = stress.breakingPoint();
        BreakingPoint knee = stress.knee();

        assertThat(dataRps(html, "breaking-point")).isEqualTo(point.rps());
        assertThat(dataRps(html, "knee")).isEqualTo(knee.rps());
        assertThat(md).contains("- **한계 지점:** " + rps(point.rps()) + " rps (" + point.step() + "단계)")
                .contains("- **응답 시간 급증 지점:** " + rps(knee.rps()) + " rps (" + knee.step() + "단계)")
                .contains("계획한 피크 " + rps(stress.plan().peakRps()) + " rps의 "
                        + Numbers.grouped(point.rps() / stress.plan().peakRps(), 2) + "배");

        List<StepResult> steps = stress.steps().stream().sorted(Comparator.comparingDouble(StepResult::offeredRps))
                .toList();
        JsonNode achieved = series(html, "달성 rps");
        assertThat(achieved.size()).isEqualTo(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            StepResult step = steps.get(i);
            assertThat(achieved.get(i).path("x").asDouble()).isEqualTo(step.offeredRps());
            assertThat(achieved.get(i).path("y").asDouble()).isEqualTo(step.achievedRps());
            assertThat(md).contains("| " + step.step() + "단계 | " + rps(step.offeredRps()) + " | "
                    + rps(step.achievedRps()) + " | " + step.p95Ms() + " | " + step.p99Ms() + " | ");
        }
        assertThat(series(html, "한계 지점 (" + rps(point.rps()) + " rps)").get(0).path("y").asDouble())
                .isEqualTo(point.rps());
    }

    @Test
    void theVerdictsAreTheRunsOwnAndAMissingKindIsSaidNotRun() throws IOException {
        Path results = ReportFixtures.resultsIn(dir);
        regenerate(results, ReportSettings.defaults());
        RunSummary smoke = RunCatalog.read(results.resolve(ReportFixtures.SMOKE)).summary();
        LatencyStats global = smoke.global();
        String md = page(results, SALE_FOLDER, "findings.md");

        assertThat(smoke.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(md).contains("| 스모크 테스트 | [`" + ReportFixtures.SMOKE + "`](../../" + ReportFixtures.SMOKE
                + "/report.html) | 2026-11-25 19:15:00 | **실패** | " + global.count() + " | " + rps(global.rps()) + " | "
                + global.p95Ms() + " | " + Numbers.grouped(global.koPercent(), 2) + " | ");
        assertThat(md).contains("SLO `failed \\| requests` 위반: 측정값 없음");
        assertThat(md).as("the load run's summary cannot be read: no load run is known for this target")
                .contains("| 부하 테스트 | – | – | **실행 안 됨** |")
                .contains("- 부하 테스트(`load`)를 실행하지 않았습니다");
        assertThat(md).doesNotContain("스모크 테스트(`smoke`)를 실행하지 않았습니다");
    }

    @Test
    void theEvidenceAndCountermeasuresAnswerTheFiguresOfTheFirstRateThatFailed() throws IOException {
        Path results = ReportFixtures.resultsIn(dir);
        regenerate(results, ReportSettings.of(ReportLocale.EN));
        RunSummary stress = RunCatalog.read(results.resolve(ReportFixtures.STRESS)).summary();
        StepResult failed = stress.steps().get(4);
        String html = page(results, SALE_FOLDER, "findings.html");

        assertThat(failed.held()).isFalse();
        assertThat(row(html, "data-finding=\"cpu\"")).contains(Numbers.grouped(failed.server().processCpuMean() * 100,
                1) + " % (step 4)", "room to spare");
        assertThat(row(html, "data-finding=\"pools\"")).contains("<code>browse</code>: up to "
                + Numbers.grouped(failed.server().poolPendingMax().get("browse"), 0) + " waiting (from step 2)");
        assertThat(row(html, "data-countermeasure=\"pools\"")).contains("slow queries");
        assertThat(row(html, "data-countermeasure=\"stalls\"")).contains("up to "
                + Numbers.grouped(stress.injector().stallMaxMs(), 1) + " ms");
        assertThat(html).doesNotContain("data-countermeasure=\"cpu\"", "data-countermeasure=\"injector\"");
        assertThat(html).contains("<li>Server figures not measured at step 4: database sessions</li>");
    }

    @Test
    void bothBundlesWordTheSameMessages() {
        assertThat(TemplateFiles.bundle("findings/messages_ko.properties", null).keySet())
                .containsExactlyInAnyOrderElementsOf(TemplateFiles.bundle("findings/messages_en.properties", null)
                        .keySet());
    }

    /** The fixture runs, and a team's load run and a stress run stopped before its first step against its host. */
    private Path resultsWithATeamRun() throws IOException {
        Path results = ReportFixtures.resultsIn(dir);
        Path team = Files.createDirectories(results.resolve("20261126-090000-load"));
        SummaryJson.write(RunSummary.builder().runId("20261126-090000-load").simulation("com.team.Shop")
                .profile("load").startedAt("2026-11-26T09:00:00Z").endedAt("2026-11-26T09:10:00Z")
                .status(RunStatus.COMPLETE).verdict(Verdict.PASS)
                .target(new RunSummary.Target("http://10.0.0.5:8080")).slo(List.of())
                .global(new LatencyStats(6000, 6000, 0, 0, 10, 1L, 20L, 40L, 55L, 80L, 120L, 150L, 25.0, 0L))
                .build(), team.resolve("summary.json"));
        Path stopped = Files.createDirectories(results.resolve(TEAM_STRESS));
        SummaryJson.write(RunSummary.builder().runId(TEAM_STRESS).simulation("com.team.Shop").profile("stress")
                .startedAt("2026-11-26T10:00:00Z").endedAt("2026-11-26T10:00:05Z").status(RunStatus.PARTIAL)
                .verdict(Verdict.FAIL).failure("interrupted before the first step")
                .target(new RunSummary.Target("http://10.0.0.5:8080")).build(), stopped.resolve("summary.json"));
        return results;
    }

    private static String page(Path results, String folder, String file) throws IOException {
        return Files.readString(results.resolve("findings").resolve(folder).resolve(file));
    }

    private static String rps(double value) {
        return Numbers.grouped(value, 1);
    }

    private static double dataRps(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" data-rps=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("data-rps of #" + id).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The points of the load curve's series of that label, from the chart data the page's script draws. */
    private static JsonNode series(String html, String label) throws IOException {
        Matcher m = CHART_DATA.matcher(html);
        assertThat(m.find()).isTrue();
        List<String> labels = new ArrayList<>();
        for (JsonNode series : new ObjectMapper().readTree(m.group(1)).get(0).path("series")) {
            labels.add(series.path("label").asText());
            if (series.path("label").asText().equals(label)) {
                return series.path("data");
            }
        }
        throw new AssertionError("no series '" + label + "' in " + labels);
    }

    /** The table row whose tag has {@code attribute}. */
    private static String row(String html, String attribute) {
        int start = html.indexOf(attribute);
        assertThat(start).as(attribute).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }


    private static void regenerate(Path results, ReportSettings settings) {
        ResultsPages.regenerate(results, settings, RunPruning.Rule.KEEP_EVERY_RUN);
    }
}
