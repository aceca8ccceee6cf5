package dev.salerush.sim.report.plan;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TestConfigs;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.plan.TrafficPlan;
import dev.salerush.sim.report.LanguageLint;
import dev.salerush.sim.report.TemplateFiles;
import dev.salerush.sim.results.RunFiles;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test plan (plan.html, plan.md) from real configurations: the scenario document's reference case (1,650,000
 * DAU, 2 requests a day, 8x peak, R = 2, 0.5 s + 1 s: 38.2 rps, 305.6 rps, T = 2 s, 306 VU; 2,063 brands, 223,986
 * products), a team's dataset spec and profile, an external target, and both languages linted.
 */
class PlanPagesTest {
    private static final String SIMULATION = "dev.salerush.sim.simulations.SaleSimulation";
    private static final PlanSubject ALONE = PlanSubject.alone(SIMULATION, true);
    private static final Instant WRITTEN = Instant.parse("2026-12-07T05:05:09Z");
    private static final Pattern FIGURE_CELL =
            Pattern.compile("data-figure=\"(\\w+)\">([^<]*(?:<code>[^<]*</code>[^<]*)*)</td>");

    @TempDir
    Path dir;

    @Test
    void theReferencePlanShowsTheScenarioDocumentsDerivationAndDataCounts() {
        SuiteConfig config = TestConfigs.load("report.locale", "ko", "profile", "load");

        String markdown = PlanPages.markdown(config, ALONE, WRITTEN);

        assertThat(markdown).contains("| 평균 rps | DAU × 사용자 1명당 하루 요청 / 86,400 | 1,650,000 × 2 / 86,400 = 38.2 rps |",
                "| 피크 rps | 평균 rps × 피크 배수 | 38.2 × 8 = 305.6 rps |",
                "| 반복 1회 시간 `T` | `R` × 예상 응답 시간 + 네트워크 여유 | 2 × 0.5초 + 1초 = 2초 |",
                "| 동시 가상 사용자 (VU) | 피크 rps × `T` / `R` | 305.6 × 2 / 2 = 305.6 → 306 (올림) |",
                "| 브랜드 | 2,063 | 2,063 |", "| 상품 | 223,986 | 223,986 |",
                "여름 세일 기간: 평소보다 주문이 훨씬 많은 상황 (하루 사용자 1,650,000명, 브랜드 2,063개, 상품 223,986개)",
                "- [x] **운영과 같은 데이터 양**", "- [x] **외부 시스템은 별도 서버에**", "- [ ] **배경 배치 작업 부하**",
                "- [x] **클라이언트 처리 시간 제외**", "작성 2026-12-07 14:05:09 KST");
    }

    @Test
    void everyProfileHasItsExpectedResponsesAndDuration() {
        SuiteConfig config = TestConfigs.load("report.locale", "ko", "profile", "load");

        String markdown = PlanPages.markdown(config, ALONE, WRITTEN);

        assertThat(row(markdown, "smoke")).contains("스모크 테스트", "초당 5명, 30초 유지", "전체 요청 p95 ≤ 15 ms",
                "30초 + 예열 10초");
        assertThat(row(markdown, "**`load`**")).contains("피크의 1배(305.6 rps), 30분 유지",
                "`list products` p95 ≤ 35 ms", "`place order` p95 ≤ 250 ms", "32분 + 예열 10초");
        // 6 steps of 20 s, 13 climbing ones up to 20,000 rps, 75 s kept for the probes
        assertThat(row(markdown, "stress")).contains("한계 지점 ≥ 피크의 1.5배 = 458.3 rps", "10초 연속",
                "최대 7분 35초");
        assertThat(row(markdown, "gameday")).contains("장애 훈련의 판정 기준");
        assertThat(markdown).contains("**이번 테스트: `load` (부하 테스트)**");
    }

    @Test
    void thePagesFiguresAreTheTrafficPlansWhichSummaryJsonHolds() {
        SuiteConfig config = TestConfigs.load("plan.dau", "420000", "plan.peakToAverage", "3.5",
                "plan.requestsPerIteration", "4");
        TrafficPlan plan = config.plan();

        Map<String, String> figures = figures(PlanPages.html(config, ALONE, WRITTEN));

        assertThat(figures.get("averageRps")).endsWith("= " + Numbers.grouped(plan.averageRps(), 1) + " rps");
        assertThat(figures.get("peakRps")).endsWith("= " + Numbers.grouped(plan.peakRps(), 1) + " rps");
        assertThat(figures.get("iterationSeconds")).endsWith("= " + Numbers.grouped(plan.iterationSeconds(), 3) + "초");
        assertThat(figures.get("virtualUsers")).endsWith("→ " + (long) Math.ceil(plan.virtualUsers()) + " (올림)");
        assertThat(figures.get("usersPerSec")).endsWith("= " + Numbers.grouped(plan.usersPerSec(), 1) + "명");
        assertThat(figures.get("averageRps")).startsWith("420,000 × 2 / 86,400");
    }

    @Test
    void aTeamsDatasetSpecAndProfileChangeWhatThePlanSays() throws IOException {
        Path team = dir.resolve("team.conf");
        Files.writeString(team, """
                dataset { brands = 120, products = 5000, users = 40000, orders = 900, scale = 0.5 }
                profiles.checkout {
                  journey = ordering
                  injection = [ { type = constant, usersPerSec = 12, during = 90s } ]
                  slo = [ { name = "order p95", metric = p99Ms, threshold = 400, request = "place order" } ]
                }
                """);
        SuiteConfig config = TestConfigs.load("salerush.conf", team.toString(), "profile", "checkout");

        String markdown = PlanPages.markdown(config, ALONE, WRITTEN);

        assertThat(markdown).contains("| 브랜드 | 120 | 60 |", "| 상품 | 5,000 | 2,500 |", "| 사용자 | 40,000 | 20,000 |",
                "브랜드 120개, 상품 5,000개", "`dataset.scale = 0.5`: 운영 규모의 50 %만 적재합니다",
                "- [ ] **운영과 같은 데이터 양**", "**이번 테스트: `checkout` (팀 프로필)**",
                "`place order` p99 ≤ 400 ms", "초당 12명, 1분 30초 유지", "`place order` (`POST /api/orders`)")
                .doesNotContain("2,063", "223,986");
    }

    @Test
    void aProfileThatDoesNotParseIsListedWithItsReasonAndTheRestOfThePlanStands() throws IOException {
        Path team = dir.resolve("team.conf");
        Files.writeString(team, "profiles.broken { injection = [ { type = constant, usersPerSec = 1, during = 1s } ],"
                + " slo = [] }\n");
        SuiteConfig config = TestConfigs.load("salerush.conf", team.toString(), "profile", "smoke");

        String markdown = PlanPages.markdown(config, ALONE, WRITTEN);

        assertThat(row(markdown, "broken")).contains("설정을 읽을 수 없습니다: `profiles.broken.slo is empty");
        assertThat(row(markdown, "**`smoke`**")).contains("전체 요청 p95 ≤ 15 ms");
    }

    @Test
    void aTeamsServiceHasItsOwnDataAndExternalSystemsAndItsSimulationsRequests() {
        SuiteConfig config = TestConfigs.load("target.baseUrl", "http://127.0.0.1:8080", "report.locale", "en");

        String markdown = PlanPages.markdown(config, PlanSubject.alone("com.example.ShopperJourney", false), WRITTEN);

        assertThat(markdown).contains("**Target**: the team's service `http://127.0.0.1:8080`",
                "**Requests**: those of the team's simulation `com.example.ShopperJourney`",
                "- [ ] **Production-equal data volume** — The suite loads no data into the team's service",
                "- [ ] **External systems on separate servers**", "- [x] **Client processing time excluded**",
                "1,650,000 × 2 / 86,400 = 38.2 rps")
                .doesNotContain("**User journey**");
    }

    @Test
    void aRunsPlanNamesTheRunAndLinksItsPageAPlanAloneTheIndex() {
        SuiteConfig config = TestConfigs.load();

        String run = PlanPages.html(config, PlanSubject.ofRun(SIMULATION, true, "20261207-140509-smoke"), WRITTEN);
        String alone = PlanPages.html(config, ALONE, WRITTEN);

        assertThat(run).contains("실행 <code>20261207-140509-smoke</code>의 계획입니다", "href=\"report.html\"",
                "href=\"../index.html\"");
        assertThat(alone).contains("계획만 작성했습니다(<code>-Dplan.only=true</code>)", "href=\"../../index.html\"")
                .doesNotContain("href=\"report.html\"");
    }

    @Test
    void writingAPlanAlonePutsBothFilesInItsProfilesFolder() throws IOException {
        SuiteConfig config = TestConfigs.load("results.dir", dir.resolve("results").toString(), "profile", "stress");

        Path page = PlanPages.writeAlone(config, SIMULATION, true);

        assertThat(page).isEqualTo(dir.resolve("results/plans/stress/plan.html"));
        assertThat(page).content().contains("<html lang=\"ko\">", "스트레스 테스트");
        assertThat(page.resolveSibling(RunFiles.PLAN_MARKDOWN)).content().startsWith("# `stress` 테스트 계획서");
    }

    /** The reference plan of several profiles, a team's service and a redundant world: in one language each. */
    @ParameterizedTest
    @EnumSource(ReportLocale.class)
    void everyPlanIsWrittenInOneLanguage(ReportLocale locale) throws IOException {
        Path team = dir.resolve("team.conf");
        Files.writeString(team, "profiles.checkout { injection = [ { type = ramp, from = 1, to = 3, during = 1m },"
                + " { type = nothing, during = 5s } ], slo = [ { name = max, metric = maxMs, threshold = 900 } ] }\n"
                + "profiles.broken { slo = [] }\n"
                + "profiles.calibration { stairs { from = 40, step = 20, hold = 6s, steps = 8, breachSustain = 3s,"
                + " headroom = 0, refine { probes = 4, hold = 6s, settle = 2s, within = 0.04 } },"
                + " slo = [ { name = p95, metric = p95Ms, threshold = 48, request = fixed } ] }\n");
        String lang = locale.key();
        Map<String, String> pages = new LinkedHashMap<>();
        for (String profile : List.of("smoke", "load", "stress", "checkout", "calibration")) {
            SuiteConfig config = TestConfigs.load("report.locale", lang, "profile", profile, "salerush.conf",
                    team.toString(), "dataset.scale", "0.01", "warmup.during", "0s");
            pages.put(profile + ".html", PlanPages.html(config, ALONE, WRITTEN));
            pages.put(profile + ".md", PlanPages.markdown(config, ALONE, WRITTEN));
        }
        SuiteConfig external = TestConfigs.load("report.locale", lang, "target.baseUrl", "http://127.0.0.1:8080");
        pages.put("external.md", PlanPages.markdown(external, PlanSubject.alone("com.example.Team", false), WRITTEN));
        SuiteConfig redundant = TestConfigs.load("report.locale", lang, "embedded.topology", "redundant",
                "operations", "20s kill-instance shop-1; 40s restart-instance shop-1");
        pages.put("redundant.html", PlanPages.html(redundant, PlanSubject.ofRun(SIMULATION, true, "r-1"), WRITTEN));

        SoftAssertions softly = new SoftAssertions();
        pages.forEach((name, page) -> {
            softly.assertThat(LanguageLint.offences(page, locale)).as("sentences not in %s on %s", lang, name)
                    .isEmpty();
            softly.assertThat(page).as(name).doesNotContain("null", "{0}", "{1}");
        });
        softly.assertAll();
        assertThat(pages.get("redundant.html")).contains("<code>20.0s kill-instance shop-1</code>");
        assertThat(pages.get("calibration.md")).as("a staircase in users/s that only records its breaking point")
                .contains(locale == ReportLocale.KO ? "초당 40명부터 초당 20명씩 올리는 계단 8단, 단마다 6초"
                        : "a staircase from 40 users/s up by 20 users/s: 8 steps of 6 s")
                .contains(locale == ReportLocale.KO ? "한계 지점을 찾아 기록만 합니다 (`headroom = 0`" : "`headroom = 0`: no pass")
                // 8 steps of 6 s, and 5 x 6 s kept for the probes
                .contains(locale == ReportLocale.KO ? "최대 1분 18초" : "at most 1 min 18 s");
    }

    @Test
    void bothBundlesWordTheSameMessages() {
        assertThat(TemplateFiles.bundle("plan/messages_ko.properties", null).keySet())
                .containsExactlyInAnyOrderElementsOf(
                        TemplateFiles.bundle("plan/messages_en.properties", null).keySet());
    }

    /** The line of the profile table that starts with the profile's (code-font) name. */
    private static String row(String markdown, String name) {
        String cell = name.startsWith("**") ? name : "`" + name + "`";
        return markdown.lines().filter(line -> line.startsWith("| " + cell + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + name + " in\n" + markdown));
    }

    /** The derivation's cells by the summary.json field they end in, their code spans as text. */
    private static Map<String, String> figures(String html) {
        Map<String, String> figures = new LinkedHashMap<>();
        Matcher cell = FIGURE_CELL.matcher(html);
        while (cell.find()) {
            figures.put(cell.group(1), cell.group(2).replaceAll("</?code>", ""));
        }
        assertThat(figures)
                .containsOnlyKeys("averageRps", "peakRps", "iterationSeconds", "virtualUsers", "usersPerSec");
        return figures;
    }
}
