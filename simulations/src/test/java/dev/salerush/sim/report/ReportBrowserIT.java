package dev.salerush.sim.report;

import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.report.incident.IncidentPages;
import dev.salerush.sim.report.incident.ReportLocale;
import dev.salerush.sim.results.ReportFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the rendered pages in headless Chromium. The pages report their own problems — script errors in
 * {@code body[data-js-errors]}, and {@code data-rendered="true"} on every chart Chart.js has drawn — so the dumped DOM
 * tells whether a reviewer would see every chart. Screenshots are kept in target/report-screenshots/.
 * Skipped without /usr/bin/chromium, unless SALERUSH_REQUIRE_BROWSER=1 (CI), where a missing browser fails.
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final Pattern CHART_TAG = Pattern.compile("<[^>]*\\bdata-chart=\"([^\"]*)\"[^>]*>");
    private static final Pattern BODY_TAG = Pattern.compile("<body[^>]*>");
    private static final Pattern RESOURCE_REF =
            Pattern.compile("<(script|link)\\b[^>]*\\b(src|href)\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;
    private static Path results;

    @BeforeAll
    static void renderFixtures() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("1".equals(System.getenv("SALERUSH_REQUIRE_BROWSER"))) {
                fail("chromium is missing at " + CHROMIUM + " but SALERUSH_REQUIRE_BROWSER=1: apt-get install -y chromium");
            }
            assumeTrue(false, "no " + CHROMIUM + ": browser test skipped (set SALERUSH_REQUIRE_BROWSER=1 to fail)");
        }
        results = ReportFixtures.resultsIn(dir);
        IncidentPages.write(results.resolve(ReportFixtures.SMOKE), ReportFixtures.SMOKE, List.of(
                DrillFixtures.badDeployPassed(), DrillFixtures.instanceCrashFailed(), DrillFixtures.abortedBeforeFault()),
                ReportLocale.KO);
        Reports.regenerate(results);
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void smokeRunPageDrawsEveryChartWithoutScriptErrors() throws Exception {
        assertPageWorks(results.resolve(ReportFixtures.SMOKE).resolve("report.html"), "smoke", 2);
    }

    @Test
    void stressRunPageDrawsStaircaseAndServerCharts() throws Exception {
        String dom = assertPageWorks(results.resolve(ReportFixtures.STRESS).resolve("report.html"), "stress", 9);
        assertThat(dom).contains("data-chart=\"steps\"", "data-chart=\"server-cpu\"", "data-chart=\"injector-stalls\"");
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
                ReportFixtures.NO_SUMMARY, "UNREADABLE");
    }

    /** Dumps the page's DOM after its scripts ran, checks it, takes a screenshot; returns the DOM. */
    private static String assertPageWorks(Path page, String name, int expectedCharts) throws Exception {
        assertNoExternalResources(Files.readString(page));
        String dom = chromium(page, "--dump-dom");
        Matcher body = BODY_TAG.matcher(dom);
        assertThat(body.find()).as("a <body> in the DOM of " + page).isTrue();
        assertThat(body.group()).as("script errors on " + name).doesNotContain("data-js-errors");
        List<String> charts = new ArrayList<>();
        Matcher chart = CHART_TAG.matcher(dom);
        while (chart.find()) {
            assertThat(chart.group()).as("chart '" + chart.group(1) + "' on " + name + " was drawn")
                    .contains("data-rendered=\"true\"");
            charts.add(chart.group(1));
        }
        assertThat(charts).as("charts on " + name).hasSize(expectedCharts);
        chromium(page, "--screenshot=" + SCREENSHOTS.resolve(name + ".png").toAbsolutePath(), "--window-size=1400,2600");
        assertThat(SCREENSHOTS.resolve(name + ".png")).isNotEmptyFile();
        return dom;
    }

    /** The page must work offline: no script or stylesheet from anywhere but the page itself or a relative path. */
    private static void assertNoExternalResources(String html) {
        Matcher ref = RESOURCE_REF.matcher(html);
        while (ref.find()) {
            String url = ref.group(3).toLowerCase(java.util.Locale.ROOT);
            assertThat(url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//"))
                    .as("external resource " + ref.group()).isFalse();
        }
    }

    private static String chromium(Path page, String... options) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        Path output = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 90 s on " + page);
        }
        assertThat(process.exitValue()).as("chromium exit status on " + page).isZero();
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
