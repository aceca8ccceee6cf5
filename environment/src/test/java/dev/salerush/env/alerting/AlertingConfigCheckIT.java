package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.salerush.env.EnvironmentError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated configurations pass promtool and amtool; a broken rule is a clear error with promtool's words. */
class AlertingConfigCheckIT {

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
