package dev.salerush.sim.report.incident;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.report.LanguageLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a game day's drills write — each incident report (HTML and Markdown) and the SPOF table — in one
 * language: the lint lists any sentence of the other one outside code spans. A team's templates folder rewords a
 * message or replaces a page by file name, and the lint sees what the team put there.
 */
class IncidentPagesLanguageTest {
    private static final List<DrillResult> GAME_DAY = List.of(DrillFixtures.badDeployPassed(),
            DrillFixtures.instanceCrashFailed(), DrillFixtures.abortedBeforeFault());

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ReportLocale.class)
    void everyIncidentPageOfAGameDayIsInOneLanguage(ReportLocale locale) throws Exception {
        ReportSettings settings = ReportSettings.of(locale).withAuthors(List.of("김민수", "Jane Doe"));

        List<String> offences = new ArrayList<>();
        for (Path page : IncidentPages.write(dir, "20261201-160000-gameday", GAME_DAY, settings)) {
            LanguageLint.offences(Files.readString(page), locale).forEach(o -> offences.add(page.getFileName() + ": " + o));
        }

        assertThat(offences).as("sentences of the other language").isEmpty();
    }

    @Test
    void anEnglishSentenceATeamPutsInTheKoreanBundleIsListed() throws Exception {
        ReportSettings team = teamWording("incident/messages_ko.properties",
                "notice.apology=We apologize for the inconvenience.\n");

        String md = IncidentReport.markdown(DrillFixtures.badDeployPassed(), "run", team);

        assertThat(LanguageLint.offences(md, ReportLocale.KO)).containsExactly("> We apologize for the inconvenience.");
        assertThat(md).as("the other keys stay the defaults'").contains("## 고객 공지 초안");
    }

    @Test
    void aTeamPageTemplateReplacesTheDefaultByItsPath() throws Exception {
        ReportSettings team = teamWording("incident/incident.md.peb",
                "# {{ m['doc.title'] }} — {{ title }}\n{% for r in response %}{{ r.time }} {{ r.actor }}: {{ r.what }}\n{% endfor %}");

        String md = IncidentReport.markdown(DrillFixtures.badDeployPassed(), "run", team);

        assertThat(md).startsWith("# 장애보고서 — 주문 실패 37건").contains("2026-12-01 16:03:20 대응자: 초동 조치 실행: `rollback`")
                .doesNotContain("## 재발 방지 대책");
        assertThat(IncidentReport.html(DrillFixtures.badDeployPassed(), "run", team)).as("the page it does not replace")
                .contains("재발 방지 대책");
    }

    /** Korean pages with a team's templates folder holding one file. */
    private ReportSettings teamWording(String file, String content) throws Exception {
        Path wording = dir.resolve("wording");
        Files.createDirectories(wording.resolve(file).getParent());
        Files.writeString(wording.resolve(file), content);
        return ReportSettings.defaults().withTemplates(wording);
    }
}
