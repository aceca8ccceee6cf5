package dev.salerush.sim.drills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.env.alerting.NoticeStyle;
import dev.salerush.sim.config.DrillSettings.SeverityLevel;
import dev.salerush.sim.config.LocalizedText;
import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drills' Slack notices are written as the run's pages are: language, clock, severity scale, a team's words. */
class AlertingNoticeTest {

    /** Two levels of one id (one per criterion), as drills.severity has them. */
    private static final List<SeverityLevel> SCALE = List.of(
            new SeverityLevel("p1", new LocalizedText("긴급", "Urgent"), 20.0, null, null),
            new SeverityLevel("p2", new LocalizedText("주의 (P2)", "P2"), 5.0, null, null),
            new SeverityLevel("p2", new LocalizedText("주의 (P2)", "P2"), null, 100L, null),
            new SeverityLevel("p3", LocalizedText.of("P3"), null, null, null));

    @TempDir
    Path templates;

    @Test
    void aKoreanRunGetsKoreanNoticesOnKoreanTimeOnTheDrillsScale() {
        NoticeStyle notice = AlertingParts.notice(ReportSettings.defaults(), SCALE);
        assertThat(notice.locale()).isEqualTo("ko");
        assertThat(notice.zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(notice.severityLabels()).containsExactly(Map.entry("p1", "긴급"), Map.entry("p2", "주의 (P2)"),
                Map.entry("p3", "P3"));
        assertThat(notice.textOverride()).isEmpty();
    }

    @Test
    void anEnglishRunGetsEnglishNoticesOnItsConfiguredZone() {
        NoticeStyle notice = AlertingParts.notice(ReportSettings.of(ReportLocale.EN)
                .withZone(ZoneId.of("Europe/Berlin")), SCALE);
        assertThat(notice.locale()).isEqualTo("en");
        assertThat(notice.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(notice.severityLabels()).containsExactly(Map.entry("p1", "Urgent"), Map.entry("p2", "P2"),
                Map.entry("p3", "P3"));
    }

    @Test
    void aTeamsNoticeFileForTheLocaleReplacesTheBody() throws Exception {
        Files.createDirectories(templates.resolve("notice"));
        Files.writeString(templates.resolve("notice/slack_ko.tmpl"),
                "[{{ $severity }}] 현상: {{ .CommonAnnotations.summary }}\n", StandardCharsets.UTF_8);
        assertThat(AlertingParts.notice(ReportSettings.defaults().withTemplates(templates), SCALE).body())
                .isEqualTo("[{{ $severity }}] 현상: {{ .CommonAnnotations.summary }}");
        // the English run keeps its default: the team wrote a Korean text only
        assertThat(AlertingParts.notice(ReportSettings.of(ReportLocale.EN).withTemplates(templates), SCALE)
                .textOverride()).isEmpty();
    }
}
