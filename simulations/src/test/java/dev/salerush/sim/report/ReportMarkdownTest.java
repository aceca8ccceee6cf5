package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.results.ReportFixtures;
import dev.salerush.sim.results.RunCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportMarkdownTest {
    private static final ReportSettings EN = ReportSettings.of(ReportLocale.EN);
    private static final ReportSettings KO = ReportSettings.of(ReportLocale.KO);

    @TempDir
    Path dir;

    @Test
    void aStressSummaryHasVerdictPlanSloTableBreakingPointAndKnee() {
        Path results = ReportFixtures.resultsIn(dir);

        String md = RunPage.markdown(RunCatalog.read(results.resolve(ReportFixtures.STRESS)), "results/x/report.html", EN);

        assertThat(md).startsWith("### ✅ salerush `stress` run `20261125-111500-stress`: **PASS**");
        assertThat(md).contains("**Plan:** 1,650,000 DAU × 2 requests/day = 3,300,000 requests/day → 38.2 rps average"
                + " × 8 = **305.6 rps peak** → 306 virtual users");
        assertThat(md).contains("| capacity >= 1.5 x peak | breakingPointRps | all requests | 458.3 | 732.5 | ✅ pass |");
        assertThat(md).contains("**Breaking point:** 732.5 rps (step 3) — step 3 was the highest step");
        assertThat(md).contains("**Knee:** 588.6 rps (step 2) — from step 2 to 3 p95 went from 14 to 31 ms");
        assertThat(md).contains("⚠️ **Injector stalled:** the injector itself stalled up to 84 ms");
        assertThat(md).contains("Full report: `results/x/report.html`");
        assertThat(md).doesNotContain("**Regression:**").doesNotContain("**Integrity:**");
    }

    @Test
    void aFailedSmokeListsItsReasonsRegressionAndIntegrityAndKeepsTablesIntact() {
        Path results = ReportFixtures.resultsIn(dir);

        String md = RunPage.markdown(RunCatalog.read(results.resolve(ReportFixtures.SMOKE)), "r.html", EN);

        assertThat(md).startsWith("### ❌ salerush `smoke` run `20261125-101500-smoke`: **FAIL**");
        assertThat(md).contains("\n- failed \\| requests: not measured (no responses)\n"
                + "- regression: p95 of list products rose 60 % over the baseline\n");
        // a '|' in a name is escaped, an unmeasured value says so instead of 0
        assertThat(md).contains("| failed \\| requests | koPercent | all requests | 1 | not measured | ❌ fail |");
        assertThat(md).contains("**Regression:** fail against `20261124-101500-smoke` — p95 of list products rose 60 %");
        assertThat(md).contains("**Integrity:** pass");
        assertThat(md).doesNotContain("Breaking point");
    }

    @Test
    void anUnreadableRunSaysWhyAndShowsNoFigures() {
        Path results = ReportFixtures.resultsIn(dir);

        String md = RunPage.markdown(RunCatalog.read(results.resolve(ReportFixtures.BROKEN_JSON)), "r.html", EN);

        assertThat(md).startsWith("### ❌ salerush `load` run `20261125-121500-load`: **UNREADABLE**");
        assertThat(md).contains("- summary.json is not valid JSON");
        assertThat(md).contains("| load | not recorded | 2026-11-25 12:15:00 UTC | – | – | – ms | – % |");
    }

    @Test
    void aKoreanSummaryIsWordedInKoreanWithTheRunsRecordInCodeSpans() {
        Path results = ReportFixtures.resultsIn(dir);

        String md = RunPage.markdown(RunCatalog.read(results.resolve(ReportFixtures.SMOKE)), "r.html", KO);

        assertThat(md).startsWith("### ❌ `smoke` 부하 테스트 `20261125-101500-smoke`: **실패**\n");
        assertThat(md).contains("\n- SLO `failed \\| requests` 실패: 측정값 없음 (`no responses`)\n");
        assertThat(md).contains("| `smoke` | `http://127.0.0.1:41234` | 2026-11-25 19:15:00 KST | 150 | 5 | 4 ms | 0 % |");
        assertThat(md).contains("| `failed \\| requests` | `koPercent` | 전체 요청 | 1 | 측정 안 됨 | ❌ 실패 |");
        assertThat(md).contains("**회귀:** 실패 (기준 실행 `20261124-101500-smoke`) — `p95 of list products rose 60 %"
                + " over the baseline`");
        assertThat(md).contains("**데이터 정합성:** 통과", "전체 보고서: `r.html`");
    }

    @Test
    void aKoreanStressSummaryHasThePlanTheBreakingPointAndTheKneeInKorean() {
        Path results = ReportFixtures.resultsIn(dir);

        String md = RunPage.markdown(RunCatalog.read(results.resolve(ReportFixtures.STRESS)), "r.html", KO);

        assertThat(md).contains("**트래픽 계획:** DAU 1,650,000 × 1인당 하루 2회 = 하루 3,300,000건 → 평균 38.2 rps"
                + " × 피크 배수 8 = **피크 305.6 rps** → 동시 가상 사용자 306명\n\n");
        assertThat(md).contains("**한계 지점:** 732.5 rps (3단계) — `step 3 was the highest step that met the SLOs;");
        assertThat(md).contains("**응답 시간 급증 지점:** 588.6 rps (2단계) — `from step 2 to 3 p95 went from 14 to 31 ms`");
        assertThat(md).contains("⚠️ **부하 발생기 멈춤:** 부하 발생기 자체가 최대 84 ms 멈췄습니다");
    }
}
