package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.report.incident.IncidentPages;
import dev.salerush.sim.results.ReportFixtures;
import dev.salerush.sim.results.RunCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRunPageTest {
    @TempDir
    Path dir;

    @Test
    void writesRunPageSummaryAndIndexForARun() throws Exception {
        Path results = ReportFixtures.resultsIn(dir);

        Path page = Reports.writeForRun(results.resolve(ReportFixtures.STRESS), results, ReportSettings.defaults());

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

        String html = RunPage.html(RunCatalog.read(results.resolve(ReportFixtures.SMOKE)), ReportSettings.defaults());

        assertThat(html).contains("&lt;b&gt;product&lt;/b&gt; detail").doesNotContain("<b>product</b>");
        assertThat(html).contains("<span class=\"muted\">not measured</span>");
        assertThat(html).contains("id=\"regression\"", "id=\"integrity\"", "id=\"dataset\"");
        assertThat(html).doesNotContain("id=\"stress\"").doesNotContain("id=\"server\"");
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

        String html = Files.readString(Reports.writeForRun(run, results, ReportSettings.defaults()));

        assertThat(html).contains("href=\"#drills\"", "id=\"drills\"", "<a href=\"incident-bad-deploy.html\">bad-deploy</a>",
                "<a href=\"incident-instance-crash.html\">instance-crash</a>", "href=\"spof.html\"");
        assertThat(RunPage.html(RunCatalog.read(results.resolve(ReportFixtures.STRESS)), ReportSettings.defaults()))
                .as("a run without drills").doesNotContain("id=\"drills\"");
    }

    @Test
    void regeneratingKeepsGoingPastBrokenFolders() {
        Path results = ReportFixtures.resultsIn(dir);

        int pages = Reports.regenerate(results, ReportSettings.defaults());

        assertThat(pages).isEqualTo(4);
        assertThat(results.resolve(ReportFixtures.BROKEN_JSON).resolve("report.html")).content()
                .contains("UNREADABLE", "summary.json is not valid JSON");
        assertThat(results.resolve(ReportFixtures.NO_SUMMARY).resolve("report.html")).content()
                .as("a killed run still shows what its latency log recorded").contains("data-chart=\"latency\"");
    }
}
