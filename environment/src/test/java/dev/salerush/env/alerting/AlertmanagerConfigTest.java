package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AlertmanagerConfigTest {

    private static final AlertingSettings SETTINGS = AlertingSettings.defaults(Path.of("rules"));
    static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3\\u1100-\\u11FF\\u3130-\\u318F]");

    @Test
    void routesWatchdogToItsHeartbeatReceiverAndEverythingElseToSlack() {
        String yml = new AlertmanagerConfig(SETTINGS.withWatchdogRepeat(Duration.ofSeconds(3)),
                "http://127.0.0.1:8090", Optional.empty()).render();
        assertThat(yml).contains("""
                route:
                  receiver: slack
                  group_by: [alertname]
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 600s
                  routes:
                    - matchers: ['alertname="Watchdog"']
                      receiver: watchdog
                      group_wait: 0s
                      group_interval: 1s
                      repeat_interval: 3s
                """);
        assertThat(yml).contains("""
                  - name: watchdog
                    webhook_configs:
                      - url: 'http://127.0.0.1:8090/watchdog'
                """);
        assertThat(yml).contains("""
                  - name: slack
                    slack_configs:
                      - api_url: 'http://127.0.0.1:8090/slack'
                        send_resolved: true
                        channel: '#sale-incident'
                        title: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}'
                        text: |-
                          {{- $channel := "#sale-incident" -}}
                          {{- $severity := .CommonLabels.severity -}}
                """);
        assertThat(yml).doesNotContain("api_url_file");
    }

    @Test
    void aNotifyUrlGetsEveryAlertThroughAFirstRouteThatContinues() {
        String yml = new AlertmanagerConfig(SETTINGS.withWatchdogRepeat(Duration.ofSeconds(3))
                .withNotifyUrl(URI.create("http://127.0.0.1:18099/alerts")), "http://127.0.0.1:8090", Optional.empty())
                .render();
        // every alert, the heartbeat as often as the stack's own; continue: its own routes still get theirs
        assertThat(yml).contains("""
                route:
                  receiver: slack
                  group_by: [alertname]
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 600s
                  routes:
                    - matchers: ['alertname="Watchdog"']
                      receiver: notify
                      group_wait: 0s
                      group_interval: 1s
                      repeat_interval: 3s
                      continue: true
                    - matchers: ['alertname!="Watchdog"']
                      receiver: notify
                      continue: true
                    - matchers: ['alertname="Watchdog"']
                      receiver: watchdog
                      group_wait: 0s
                      group_interval: 1s
                      repeat_interval: 3s
                receivers:
                """);
        assertThat(yml).endsWith("""
                  - name: notify
                    webhook_configs:
                      - url: 'http://127.0.0.1:18099/alerts'
                        send_resolved: true
                """);
        assertThat(yml).contains("  - name: slack\n", "  - name: watchdog\n");
    }

    @Test
    void withoutANotifyUrlThereIsNoNotifyRoute() {
        String yml = new AlertmanagerConfig(SETTINGS, "http://127.0.0.1:8090", Optional.empty()).render();
        assertThat(yml).doesNotContain("notify", "continue");
        assertThat(SETTINGS.withNotifyUrl(URI.create("http://x/a")).withNotifyUrl(null).notifyUrl()).isEmpty();
    }

    @Test
    void aNotifyUrlMustBeAnHttpUrlWithAHost() {
        for (String bad : new String[] {"ftp://127.0.0.1/x", "localhost:18099/alerts", "/alerts", "http:///x"}) {
            assertThatThrownBy(() -> SETTINGS.withNotifyUrl(URI.create(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("notifyUrl must be an http:// or https:// URL with a host");
        }
        assertThat(SETTINGS.withNotifyUrl(URI.create("https://hooks.example/x")).toString())
                .contains("notifyUrl=https://hooks.example/x");
    }

    @Test
    void theKoreanTextCarriesTheFirstIncidentNoticesFieldsOneALine() {
        String text = new AlertmanagerConfig(SETTINGS.withChannel("#sale-war-room"), "http://x", Optional.empty())
                .text();
        assertThat(text).startsWith("""
                {{- $channel := "#sale-war-room" -}}
                {{- $severity := .CommonLabels.severity -}}
                {{- if eq $severity "sev1" }}{{ $severity = "1등급 (SEV1)" }}{{ else if eq $severity "sev2" }}\
                {{ $severity = "2등급 (SEV2)" }}{{ else if eq $severity "sev3" }}{{ $severity = "3등급 (SEV3)" }}\
                {{ else if eq $severity "sev4" }}{{ $severity = "4등급 (SEV4)" }}{{ end -}}
                """);
        assertThat(fieldLines(text)).containsExactly("해소", "등급", "현상", "장애 기간", "고객 영향", "논의 채널", "장애 원인",
                "조치 내용", "알림");
        assertThat(text).contains("등급: {{ $severity }}\n", "논의 채널: {{ $channel }}\n",
                "현상: {{ with .CommonAnnotations.summary }}", "{{ else }}진행 중{{ end }}",
                "장애 원인: {{ or .CommonAnnotations.cause \"확인 중\" }}", ".StartsAt.Local.Format $layout",
                "$layout := \"2006-01-02 15:04:05 MST\"");
    }

    @Test
    void theEnglishTextHasNoHangulAndReadsTheEnglishAnnotations() {
        String text = new AlertmanagerConfig(SETTINGS.withNotice(NoticeStyle.of(NoticeStyle.EN)), "http://x",
                Optional.empty()).text();
        assertThat(text).doesNotContainPattern(HANGUL)
                .contains("{{ else if eq $severity \"sev2\" }}{{ $severity = \"SEV2\" }}",
                        "or .CommonAnnotations.impact_en .CommonAnnotations.impact", "{{ else }}ongoing{{ end }}");
        assertThat(fieldLines(text)).containsExactly("Resolved", "Severity", "Symptom", "Period", "Customer impact",
                "Channel", "Cause", "Action", "Alerts");
    }

    @Test
    void aTeamsTextReplacesTheBodyAfterTheSettingsVariables() {
        NoticeStyle team = new NoticeStyle(NoticeStyle.KO, NoticeStyle.SEOUL, Map.of("p1", "긴급"),
                Optional.of("[{{ $severity }}] {{ .CommonAnnotations.summary }}\r\n  담당: {{ $channel }}\n\n"));
        String text = new AlertmanagerConfig(SETTINGS.withNotice(team), "http://x", Optional.empty()).text();
        assertThat(text).isEqualTo("""
                {{- $channel := "#sale-incident" -}}
                {{- $severity := .CommonLabels.severity -}}
                {{- if eq $severity "p1" }}{{ $severity = "긴급" }}{{ end -}}
                [{{ $severity }}] {{ .CommonAnnotations.summary }}
                  담당: {{ $channel }}""");
    }

    @Test
    void theTextIsReadBackFromTheYamlAsWritten() {
        // a team's leading spaces and quotes must reach Alertmanager as they are
        NoticeStyle team = NoticeStyle.defaults().withTextOverride("  \"quoted\" 'single' # not a comment\n\tend");
        AlertmanagerConfig config = new AlertmanagerConfig(SETTINGS.withNotice(team), "http://x", Optional.empty());
        Map<?, ?> yaml = new org.yaml.snakeyaml.Yaml().load(config.render());
        Map<?, ?> slack = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) yaml.get("receivers")).get(0))
                .get("slack_configs")).get(0);
        assertThat(slack.get("text")).isEqualTo(config.text());
    }

    @Test
    void aGoStringLiteralEscapesQuotesAndBackslashes() {
        assertThat(AlertmanagerConfig.goString("a \"b\" \\ {{ c }}")).isEqualTo("\"a \\\"b\\\" \\\\ {{ c }}\"");
    }

    /** The field names of a text's lines that show one ({@code 등급: …}), in order. */
    private static List<String> fieldLines(String text) {
        return text.lines().filter(line -> !line.startsWith("{{") && !line.startsWith(" ") && line.contains(": "))
                .map(line -> line.substring(0, line.indexOf(": "))).toList();
    }

    @Test
    void aRealWebhookIsASecondSlackConfigReadFromAFile() {
        String yml = new AlertmanagerConfig(SETTINGS.withSlackWebhookUrl("https://hooks.slack.com/services/SECRET"),
                "http://127.0.0.1:8090", Optional.of(Path.of("/tmp/salerush-slack-1.url"))).render();
        assertThat(yml).contains("      - api_url: 'http://127.0.0.1:8090/slack'",
                "      - api_url_file: '/tmp/salerush-slack-1.url'");
        assertThat(yml).doesNotContain("SECRET");
        assertThat(yml.split("send_resolved: true", -1)).hasSize(3);
    }

    @Test
    void theSecretIsNotInTheSettingsToString() {
        assertThat(SETTINGS.withSlackWebhookUrl("https://hooks.slack.com/services/SECRET").toString())
                .doesNotContain("SECRET").contains("slackWebhookUrl=(set)");
    }
}
