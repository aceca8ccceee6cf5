package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertmanagerConfigTest {

    private static final AlertingSettings SETTINGS = AlertingSettings.defaults(Path.of("rules"));

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
                          등급: {{ .CommonLabels.severity }}
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
    void theTextCarriesTheIncidentNoticeFieldsOneALine() {
        String text = new AlertmanagerConfig(SETTINGS.withChannel("#sale-war-room"), "http://x", Optional.empty())
                .text();
        assertThat(text.split("\n")).containsExactly(
                "등급: {{ .CommonLabels.severity }}",
                "장애 기간: {{ (index .Alerts 0).StartsAt.Format \"2006-01-02 15:04:05 MST\" }} ~ "
                        + "{{ if eq .Status \"resolved\" }}{{ (index .Alerts 0).EndsAt.Format "
                        + "\"2006-01-02 15:04:05 MST\" }}{{ else }}진행 중{{ end }}",
                "고객 영향: {{ .CommonAnnotations.impact }}",
                "논의 채널: #sale-war-room",
                "원인: {{ or .CommonAnnotations.cause \"확인 중\" }}",
                "조치: {{ .CommonAnnotations.action }}",
                "알림: {{ range $i, $a := .Alerts }}{{ if $i }}, {{ end }}{{ $a.Labels.alertname }}{{ end }}");
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
