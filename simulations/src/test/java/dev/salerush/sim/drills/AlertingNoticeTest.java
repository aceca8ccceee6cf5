package dev.salerush.sim.drills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.env.alerting.NoticeStyle;
import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drills' Slack notices are written as the run's pages are: language, clock and a team's own words. */
class AlertingNoticeTest {

    @TempDir
    Path templates;

    @Test
    void aKoreanRunGetsKoreanNoticesOnKoreanTime() {
        NoticeStyle notice = AlertingParts.notice(ReportSettings.defaults());
        assertThat(notice).isEqualTo(NoticeStyle.defaults());
        assertThat(notice.severityLabels()).containsEntry("sev2", "2등급 (SEV2)");
    }

    @Test
    void anEnglishRunGetsEnglishNoticesOnItsConfiguredZone() {
        NoticeStyle notice = AlertingParts.notice(ReportSettings.of(ReportLocale.EN)
                .withZone(ZoneId.of("Europe/Berlin")));
        assertThat(notice.locale()).isEqualTo("en");
        assertThat(notice.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(notice.severityLabels()).containsEntry("sev2", "SEV2");
        assertThat(notice.textOverride()).isEmpty();
    }

    @Test
    void aTeamsNoticeFileForTheLocaleReplacesTheBody() throws Exception {
        Files.createDirectories(templates.resolve("notice"));
        Files.writeString(templates.resolve("notice/slack_ko.tmpl"),
                "[{{ $severity }}] 현상: {{ .CommonAnnotations.summary }}\n", StandardCharsets.UTF_8);
        assertThat(AlertingParts.notice(ReportSettings.defaults().withTemplates(templates)).body())
                .isEqualTo("[{{ $severity }}] 현상: {{ .CommonAnnotations.summary }}");
        // the English run keeps its default: the team wrote a Korean text only
        assertThat(AlertingParts.notice(ReportSettings.of(ReportLocale.EN).withTemplates(templates)).textOverride())
                .isEmpty();
    }
}
