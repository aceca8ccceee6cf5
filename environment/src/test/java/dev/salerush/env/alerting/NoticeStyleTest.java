package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeStyleTest {

    @Test
    void eachLocaleHasItsOwnClockAndScaleLabels() {
        NoticeStyle ko = NoticeStyle.defaults();
        assertThat(ko.locale()).isEqualTo("ko");
        assertThat(ko.zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(ko.severityLabels()).containsExactly(Map.entry("sev1", "1등급 (SEV1)"),
                Map.entry("sev2", "2등급 (SEV2)"), Map.entry("sev3", "3등급 (SEV3)"), Map.entry("sev4", "4등급 (SEV4)"));
        NoticeStyle en = NoticeStyle.of(NoticeStyle.EN);
        assertThat(en.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(en.severityLabels()).containsEntry("sev2", "SEV2").hasSize(4);
        assertThat(en.body()).isEqualTo(NoticeStyle.defaultBody("en")).doesNotContainPattern(AlertmanagerConfigTest.HANGUL);
        assertThat(ko.body()).isEqualTo(NoticeStyle.defaultBody("ko")).contains("현상: ");
    }

    @Test
    void aBlankTeamTextMeansTheDefault() {
        assertThat(NoticeStyle.defaults().withTextOverride(" \n").textOverride()).isEmpty();
        assertThat(NoticeStyle.defaults().withTextOverride(null).body()).isEqualTo(NoticeStyle.defaultBody("ko"));
        assertThat(NoticeStyle.defaults().withTextOverride("등급: {{ $severity }}\n").body())
                .isEqualTo("등급: {{ $severity }}");
    }

    @Test
    void refusesWhatANoticeCannotBeWrittenWith() {
        assertThatThrownBy(() -> NoticeStyle.of("ja")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the notice's locale must be ko or en, got ja");
        assertThatThrownBy(() -> new NoticeStyle("ko", NoticeStyle.SEOUL, Map.of("sev1", "1등급\n(SEV1)"),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("severity label of sev1 must be one line");
        assertThatThrownBy(() -> new NoticeStyle("ko", ZoneId.of("+05:30"), Map.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+05:30 has no name");
    }

    @Test
    void alertmanagersClockIsATzDatabaseName() {
        assertThat(AlertmanagerProcess.tz(ZoneId.of("Asia/Seoul"))).isEqualTo("Asia/Seoul");
        assertThat(AlertmanagerProcess.tz(ZoneId.of("UTC"))).isEqualTo("UTC");
        assertThat(AlertmanagerProcess.tz(ZoneId.of("Z"))).isEqualTo("UTC");
        // Go would silently read "+09:00" as UTC; the tz database names offsets with the sign inverted
        assertThat(AlertmanagerProcess.tz(ZoneId.of("+09:00"))).isEqualTo("Etc/GMT-9");
        assertThat(AlertmanagerProcess.tz(ZoneId.of("UTC-05:00"))).isEqualTo("Etc/GMT+5");
    }

    @Test
    void theSettingsCarryTheDefaultNoticeUnlessGivenOne() {
        AlertingSettings settings = AlertingSettings.defaults(Path.of("rules"));
        assertThat(settings.notice()).isEqualTo(NoticeStyle.defaults());
        AlertingSettings english = settings.withNotice(NoticeStyle.of("en").withTextOverride("x"))
                .withChannel("#war-room").withNotifyUrl(URI.create("http://127.0.0.1:1/a"));
        assertThat(english.notice().locale()).isEqualTo("en");
        assertThat(english.toString()).contains("notice=en UTC (team text)");
        assertThat(english.withNotice(null).notice()).isEqualTo(NoticeStyle.defaults());
    }
}
