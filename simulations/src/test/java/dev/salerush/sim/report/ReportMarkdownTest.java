package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.results.ReportFixtures;
import dev.salerush.sim.results.RunCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportMarkdownTest {
    @TempDir
    Path dir;

    @Test
    void aStressSummaryHasVerdictPlanSloTableBreakingPointAndKnee() {
        Path results = ReportFixtures.resultsIn(dir);

        String md = RunPage.markdown(RunCatalog.read(results.resolve(ReportFixtures.STRESS)), "results/x/report.html", ReportSettings.defaults());

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

        String md = RunPage.markdown(RunCatalog.read(results.resolve(ReportFixtures.SMOKE)), "r.html", ReportSettings.defaults());

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

        String md = RunPage.markdown(RunCatalog.read(results.resolve(ReportFixtures.BROKEN_JSON)), "r.html", ReportSettings.defaults());

        assertThat(md).startsWith("### ❌ salerush `load` run `20261125-121500-load`: **UNREADABLE**");
        assertThat(md).contains("- summary.json is not valid JSON");
        assertThat(md).contains("| load | not recorded | 2026-11-25 12:15:00 UTC | – | – | – ms | – % |");
    }
}
