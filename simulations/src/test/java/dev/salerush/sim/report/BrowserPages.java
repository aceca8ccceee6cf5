package dev.salerush.sim.report;

import dev.salerush.seeder.process.SuiteProcesses;

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
 * Report pages opened in headless Chromium. The pages report their own problems — script errors in
 * {@code body[data-js-errors]}, and {@code data-rendered="true"} on every chart Chart.js has drawn — so the dumped DOM
 * tells whether a reviewer would see every chart. Screenshots are kept in target/report-screenshots/.
 */
public final class BrowserPages {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final Pattern CHART_TAG = Pattern.compile("<[^>]*\\bdata-chart=\"([^\"]*)\"[^>]*>");
    private static final Pattern BODY_TAG = Pattern.compile("<body[^>]*>");
    private static final Pattern RESOURCE_REF =
            Pattern.compile("<(script|link)\\b[^>]*\\b(src|href)\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);

    private final Path dir;

    /** @param dir where the browser's profiles and outputs go */
    public BrowserPages(Path dir) {
        this.dir = dir;
    }

    /**
     * Skips the calling test without /usr/bin/chromium, unless SALERUSH_REQUIRE_BROWSER=1 (CI), where a missing
     * browser fails it.
     */
    public static void requireBrowser() {
        assumeTrue(browserAvailable(),
                "no " + CHROMIUM + ": browser test skipped (set SALERUSH_REQUIRE_BROWSER=1 to fail)");
    }

    /**
     * Whether /usr/bin/chromium is there, for a test that checks a page in the browser after checks of its own;
     * without it under SALERUSH_REQUIRE_BROWSER=1 (CI) the test fails.
     */
    public static boolean browserAvailable() {
        if (!Files.isExecutable(CHROMIUM) && "1".equals(System.getenv("SALERUSH_REQUIRE_BROWSER"))) {
            fail("chromium is missing at " + CHROMIUM + " but SALERUSH_REQUIRE_BROWSER=1: apt-get install -y chromium");
        }
        return Files.isExecutable(CHROMIUM);
    }

    /**
     * A Korean page renders its Hangul only with a font that has it (fonts-noto-cjk); without one Chromium draws
     * empty boxes and no script notices. Asks fontconfig, which Chromium uses, for a font covering Korean.
     */
    public static void assertHangulFont() throws Exception {
        Process fcList = new ProcessBuilder("fc-list", ":lang=ko", "family").redirectErrorStream(true).start();
        String fonts = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fcList.waitFor(30, TimeUnit.SECONDS)).as("fc-list ended").isTrue();
        assertThat(fonts.strip()).as("a font with Hangul for Chromium (apt-get install -y fonts-noto-cjk)")
                .isNotEmpty();
    }

    /** Dumps the page's DOM after its scripts ran, checks it, takes a screenshot; returns the DOM. */
    public String assertPageWorks(Path page, String name, int expectedCharts) throws Exception {
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
        Files.createDirectories(SCREENSHOTS);
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

    private String chromium(Path page, String... options) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        Path output = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Process process = SuiteProcesses.builder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 90 s on " + page);
        }
        assertThat(process.exitValue()).as("chromium exit status on " + page).isZero();
        return Files.readString(output, StandardCharsets.UTF_8);
    }
}
