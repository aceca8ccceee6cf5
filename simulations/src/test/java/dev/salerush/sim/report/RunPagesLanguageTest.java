package dev.salerush.sim.report;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.report.incident.IncidentPages;
import dev.salerush.sim.results.ReportFixtures;
import dev.salerush.sim.results.RunCatalog;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run pages — report.html and summary.md of every fixture run (a smoke run with two drills, a stress run, an
 * unreadable and a killed run) and results/index.html — in each language: no sentence of the other script outside
 * code, and every time in the settings' zone, which the page names once.
 */
class RunPagesLanguageTest {
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1>");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ReportLocale.class)
    void everyRunPageIsWrittenInOneLanguage(ReportLocale locale) throws IOException {
        Map<String, String> pages = render(ReportSettings.of(locale));

        SoftAssertions softly = new SoftAssertions();
        pages.forEach((name, page) -> softly.assertThat(LanguageLint.offences(page, locale))
                .as("sentences not in %s on %s", locale.key(), name).isEmpty());
        softly.assertAll();
        assertThat(pages.get("stress/report.html")).contains("<html lang=\"" + locale.key() + "\">");
    }

    @Test
    void koreanPagesShowTimesInKoreanTimeAndNameTheZoneOnce() throws IOException {
        Map<String, String> pages = render(ReportSettings.of(ReportLocale.KO));

        assertZone(pages, "KST", "UTC", "2026-11-25 20:15:00", "시작 시각 (KST)");
        assertThat(pages.get("stress/report.html")).as("the time charts' axis")
                .contains("\"xTitle\":\"시각 (KST)\",\"zone\":\"Asia/Seoul\"");
    }

    @Test
    void englishPagesShowTimesInUtcAndNameTheZoneOnce() throws IOException {
        Map<String, String> pages = render(ReportSettings.of(ReportLocale.EN));

        assertZone(pages, "UTC", "KST", "2026-11-25 11:15:00", "started (UTC)");
        assertThat(pages.get("stress/report.html")).as("the time charts' axis")
                .contains("\"xTitle\":\"time (UTC)\",\"zone\":\"UTC\"");
    }

    @Test
    void aZoneWithoutAnAbbreviationIsNamedByItsIdInCodeOnAKoreanPage() throws IOException {
        Map<String, String> pages = render(ReportSettings.of(ReportLocale.KO).withZone(ZoneId.of("Europe/Berlin")));

        String stress = pages.get("stress/report.html");
        assertThat(stress).contains("시작 2026-11-25 12:15:00 <code>Europe/Berlin</code>");
        assertThat(LanguageLint.offences(stress, ReportLocale.KO)).isEmpty();
    }

    @Test
    void theLintListsTheEnglishSentenceATeamPutInItsKoreanBundle(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("messages_ko.properties"), "plan.title=Traffic plan\n");
        ReportSettings team = new ReportSettings(ReportLocale.KO, ReportSettings.SEOUL, templates, List.of());
        Path results = ReportFixtures.resultsIn(dir);

        String page = RunPage.html(RunCatalog.read(results.resolve(ReportFixtures.STRESS)), team);

        assertThat(LanguageLint.offences(page, ReportLocale.KO)).containsExactly("Traffic plan");
    }

    @Test
    void bothBundlesWordTheSameMessages() {
        assertThat(TemplateFiles.bundle("messages_ko.properties", null).keySet())
                .containsExactlyInAnyOrderElementsOf(TemplateFiles.bundle("messages_en.properties", null).keySet());
    }

    /** Every time shown (the start of the stress run here) in the zone, the zone named once per page. */
    private static void assertZone(Map<String, String> pages, String zone, String otherZone, String stressStart,
                                   String indexColumn) {
        SoftAssertions softly = new SoftAssertions();
        pages.forEach((name, page) -> {
            String text = visibleText(page);
            softly.assertThat(LanguageLint.occurrences(text, zone)).as("%s named on %s", zone, name).isEqualTo(1);
            softly.assertThat(text).as(name).doesNotContain(otherZone);
        });
        softly.assertThat(pages.get("stress/report.html")).contains(stressStart + " " + zone);
        softly.assertThat(pages.get("stress/summary.md")).contains("| " + stressStart + " " + zone + " |");
        softly.assertThat(pages.get("index.html")).contains(indexColumn, stressStart);
        softly.assertAll();
    }

    /**
     * The pages of every fixture run and the index, by {@code <profile>/<file>}; the smoke run has two drills, the
     * index lists a test plan.
     */
    private Map<String, String> render(ReportSettings settings) throws IOException {
        Path results = ReportFixtures.resultsIn(dir);
        IncidentPages.write(results.resolve(ReportFixtures.SMOKE), ReportFixtures.SMOKE,
                List.of(DrillFixtures.badDeployPassed(), DrillFixtures.instanceCrashFailed()), settings);
        // a test plan written alone, which the index lists
        Files.writeString(Files.createDirectories(results.resolve("plans/load")).resolve("plan.html"), "");
        Reports.regenerate(results, settings);
        Map<String, String> pages = new LinkedHashMap<>();
        for (String run : List.of(ReportFixtures.SMOKE, ReportFixtures.STRESS, ReportFixtures.BROKEN_JSON,
                ReportFixtures.NO_SUMMARY)) {
            String profile = run.substring(run.lastIndexOf('-') + 1);
            pages.put(profile + "/report.html", Files.readString(results.resolve(run).resolve("report.html")));
            pages.put(profile + "/summary.md", Files.readString(results.resolve(run).resolve("summary.md")));
        }
        pages.put("index.html", Files.readString(results.resolve("index.html")));
        return pages;
    }

    private static String visibleText(String page) {
        return SCRIPT_OR_STYLE.matcher(page).replaceAll(" ");
    }
}
