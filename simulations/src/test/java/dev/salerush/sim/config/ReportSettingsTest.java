package dev.salerush.sim.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportSettingsTest {

    @Test
    void eachLanguageHasItsOwnClockUnlessAZoneIsGiven() {
        assertThat(ReportSettings.parseZone("", ReportLocale.KO)).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(ReportSettings.parseZone(" ", ReportLocale.EN)).isEqualTo(ZoneId.of("UTC"));
        assertThat(ReportSettings.parseZone("Europe/Berlin", ReportLocale.KO)).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aTemplatesFolderMayHoldTheKnownFilesAndAnythingThatIsNoTemplate(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("wording/incident"));
        Files.writeString(root.resolve("wording/incident/messages_ko.properties"), "none=없음\n");
        Files.writeString(root.resolve("wording/README.md"), "our wording");

        assertThat(ReportSettings.parseTemplates("wording", root)).isEqualTo(root.resolve("wording"));
        assertThat(ReportSettings.parseTemplates("", root)).isNull();
    }

    @Test
    void aMisspeltTemplateIsRefusedNamingTheFileAndTheKnownNames(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("wording/incident"));
        Files.writeString(root.resolve("wording/incident/incident.html.pebb"), "x");
        Files.writeString(root.resolve("wording/incident/message_ko.properties"), "x");

        assertThatThrownBy(() -> ReportSettings.parseTemplates("wording", root)).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("report.templates: 'incident/message_ko.properties' in " + root.resolve("wording")
                        + " is not a file the suite renders; known: run.html.peb, summary.md.peb");
    }

    @Test
    void theCommandLineGivesTheAuthorsAsOneStringAndAnEnglishRunItsUtcClock(@TempDir Path root) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("report.authors", "김민수,이지은");
        properties.setProperty("report.locale", "en");

        ReportSettings report = ConfigLoader.load(root, properties).report();

        assertThat(report.authors()).containsExactly("김민수", "이지은");
        assertThat(report.locale()).isEqualTo(ReportLocale.EN);
        assertThat(report.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(ConfigLoader.load(root, new java.util.Properties()).report())
                .isEqualTo(new ReportSettings(ReportLocale.KO, ZoneId.of("Asia/Seoul"), null, List.of()));
    }

    @Test
    void authorsComeAsAListOrOneCommaSeparatedString() {
        assertThat(ReportSettings.parseAuthors(List.of("김민수, 이지은"))).containsExactly("김민수", "이지은");
        assertThat(ReportSettings.parseAuthors(List.of("김민수", " ", "이지은"))).containsExactly("김민수", "이지은");
    }
}
