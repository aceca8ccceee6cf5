package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.env.EnvironmentError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated configurations pass promtool and amtool; a broken rule is a clear error with promtool's words; the
 * Slack notices render, each in its language on its clock, and a team text that does not render is refused.
 */
class AlertingConfigCheckIT {

    private static final Map<String, String> DB_DOWN = Map.of(
            "summary", "데이터베이스(primary)가 응답하지 않습니다", "summary_en", "The database (primary) is not responding",
            "impact", "상품 조회와 주문이 모두 실패합니다", "impact_en", "Product pages and orders all fail",
            "action", "DB primary 프로세스 상태를 확인하십시오", "action_en", "Check the DB primary process");
    private static final String STARTS = "2026-07-01T00:00:00.120Z";
    private static final String ENDS = "2026-07-01T00:03:12.310Z";

    @TempDir
    Path dir;
    private AlertingTools tools;

    @BeforeEach
    void toolsInstalled() {
        boolean required = "1".equals(System.getenv("SALERUSH_REQUIRE_ALERTING"));
        try {
            tools = AlertingTools.locate(AlertingSettings.defaults(dir));
        } catch (EnvironmentError e) {
            if (required) {
                throw new AssertionError("required here (SALERUSH_REQUIRE_ALERTING=1): " + e.getMessage(), e);
            }
            assumeTrue(false, e.getMessage());
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void generatedConfigurationsPassTheCheckers() throws Exception {
        Path rules = write("sale.yml", """
                groups:
                  - name: sale
                    rules:
                      - alert: Watchdog
                        expr: vector(1)
                """);
        Path shops = write("shops.json", PrometheusConfig.shopsJson(List.of(new ScrapeTarget("shop-1", 8081))));
        AlertingSettings settings = AlertingSettings.defaults(dir).withSlackWebhookUrl("https://hooks.example/x")
                .withNotifyUrl(java.net.URI.create("http://127.0.0.1:18099/alerts"));
        tools.checkPrometheusConfig(write("prometheus.yml", new PrometheusConfig(settings, List.of(rules), 9093,
                shops, Optional.of(java.net.URI.create("http://127.0.0.1:8404/metrics")), "127.0.0.1:9100").render()));
        Path secret = write("slack.url", "https://hooks.example/x");
        tools.checkAlertmanagerConfig(write("alertmanager.yml",
                new AlertmanagerConfig(settings, "http://127.0.0.1:8090", Optional.of(secret)).render()));
    }

    @Test
    void theKoreanNoticeRendersTheFirstNoticesFieldsOnKoreanTime() throws Exception {
        AlertmanagerConfig config = config(NoticeStyle.defaults());
        assertThat(render(config, firing("sev2", DB_DOWN))).isEqualTo("""
                등급: 2등급 (SEV2)
                현상: 데이터베이스(primary)가 응답하지 않습니다
                장애 기간: 2026-07-01 09:00:00 KST ~ 진행 중
                고객 영향: 상품 조회와 주문이 모두 실패합니다
                논의 채널: #sale-incident
                장애 원인: 확인 중
                조치 내용: DB primary 프로세스 상태를 확인하십시오
                알림: `DatabaseDown`""");
        assertThat(render(config, resolved("sev2", DB_DOWN)).lines().toList()).startsWith(
                "해소: `DatabaseDown` 알림이 2026-07-01 09:03:12 KST에 해소되었습니다 — 장애 기간 3분 12초",
                "등급: 2등급 (SEV2)").contains("장애 기간: 2026-07-01 09:00:00 KST ~ 2026-07-01 09:03:12 KST");
    }

    @Test
    void theEnglishNoticeIsEnglishOnlyOnItsOwnClock() throws Exception {
        AlertmanagerConfig config = config(NoticeStyle.of(NoticeStyle.EN));
        String resolved = render(config, resolved("sev2", DB_DOWN));
        assertThat(resolved).isEqualTo("""
                Resolved: the `DatabaseDown` alert cleared at 2026-07-01 00:03:12 UTC, after 3m12s
                Severity: SEV2
                Symptom: The database (primary) is not responding
                Period: 2026-07-01 00:00:00 UTC ~ 2026-07-01 00:03:12 UTC
                Customer impact: Product pages and orders all fail
                Channel: #sale-incident
                Cause: under investigation
                Action: Check the DB primary process
                Alerts: `DatabaseDown`""");
        assertThat(render(config, firing("sev3", DB_DOWN))).doesNotContainPattern(AlertmanagerConfigTest.HANGUL)
                .contains("Severity: SEV3\n", "Period: 2026-07-01 00:00:00 UTC ~ ongoing\n");
    }

    @Test
    void aSeverityOffTheScaleAndSummariesThatDifferAreShownAsTheyAre() throws Exception {
        Map<String, String> shop1 = Map.of("summary", "shop-1 응답 없음", "impact", "일부 실패", "action", "재시작",
                "cause", "프로세스 종료");
        Map<String, String> shop2 = Map.of("summary", "shop-2 응답 없음", "impact", "일부 실패", "action", "재시작",
                "cause", "프로세스 종료");
        assertThat(render(config(NoticeStyle.defaults()), firing("page", shop1, shop2)).lines().toList())
                .contains("등급: page", "현상: shop-1 응답 없음; shop-2 응답 없음", "장애 원인: 프로세스 종료",
                        "알림: `DatabaseDown` (2건)");
    }

    @Test
    void aTeamTextThatDoesNotRenderIsRefusedWithAmtoolsWords() {
        tools.checkNoticeText(config(NoticeStyle.defaults()).text());
        tools.checkNoticeText(config(NoticeStyle.of(NoticeStyle.EN)).text());
        AlertmanagerConfig broken = config(NoticeStyle.defaults().withTextOverride("등급: {{ if $severity }}"));
        assertThatThrownBy(() -> tools.checkNoticeText(broken.text())).isInstanceOf(EnvironmentError.class)
                .hasMessageStartingWith("the Slack notice's text does not render (amtool template render):")
                .hasMessageContaining("unexpected EOF");
    }

    private AlertmanagerConfig config(NoticeStyle notice) {
        return new AlertmanagerConfig(AlertingSettings.defaults(dir).withNotice(notice), "http://127.0.0.1:8090",
                Optional.empty());
    }

    /** Alertmanager's notification data of a group of DatabaseDown alerts, as Prometheus sends times: in UTC. */
    private static Map<String, Object> firing(String severity, Map<?, ?>... annotations) {
        return data("firing", severity, "0001-01-01T00:00:00Z", annotations);
    }

    private static Map<String, Object> resolved(String severity, Map<?, ?>... annotations) {
        return data("resolved", severity, ENDS, annotations);
    }

    private static Map<String, Object> data(String status, String severity, String endsAt, Map<?, ?>... annotations) {
        Map<String, String> labels = Map.of("alertname", "DatabaseDown", "severity", severity);
        List<Map<String, Object>> alerts = Stream.of(annotations).map(a -> Map.<String, Object>of("status", status,
                "labels", labels, "annotations", a, "startsAt", STARTS, "endsAt", endsAt)).toList();
        Map<Object, Object> common = new java.util.HashMap<>(annotations[0]);
        common.entrySet().removeIf(e -> Stream.of(annotations).anyMatch(a -> !e.getValue().equals(a.get(e.getKey()))));
        return Map.of("receiver", "slack", "status", status, "alerts", alerts, "groupLabels",
                Map.of("alertname", "DatabaseDown"), "commonLabels", labels, "commonAnnotations", common);
    }

    /** What Alertmanager would post as the text, rendered by amtool on the notice's clock. */
    private String render(AlertmanagerConfig config, Map<String, Object> data) throws Exception {
        Path json = write("data.json", new ObjectMapper().writeValueAsString(data));
        ProcessBuilder amtool = new ProcessBuilder(tools.amtool().toString(), "template", "render",
                "--template.glob=/dev/null", "--template.data=" + json, "--template.text=" + config.text())
                .redirectErrorStream(true);
        amtool.environment().put("TZ", AlertmanagerProcess.tz(config.settings().notice().zone()));
        Process process = amtool.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0).as("amtool: %s", out).isTrue();
        return out;
    }

    @Test
    void aBrokenRuleIsRejectedWithPromtoolsOutput() throws Exception {
        Path rules = write("broken.yml", """
                groups:
                  - name: sale
                    rules:
                      - alert: Broken
                        expr: rate(up[
                """);
        Path config = write("prometheus.yml", new PrometheusConfig(AlertingSettings.defaults(dir), List.of(rules),
                9093, write("shops.json", "[]"), Optional.empty(), "127.0.0.1:9100").render());
        assertThatThrownBy(() -> tools.checkPrometheusConfig(config)).isInstanceOf(EnvironmentError.class)
                .hasMessageStartingWith("Prometheus rejected its configuration " + config)
                .hasMessageContaining("broken.yml");
    }
}
