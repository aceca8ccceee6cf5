package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusConfigTest {

    @TempDir
    Path dir;

    private PrometheusConfig config(Optional<URI> haproxy) {
        return new PrometheusConfig(AlertingSettings.defaults(dir), List.of(dir.resolve("rules/sale.yml")), 9093,
                dir.resolve("shops.json"), haproxy, "127.0.0.1:9100");
    }

    @Test
    void intervalsRulesAndAlertmanager() {
        String yml = config(Optional.empty()).render();
        assertThat(yml).contains("""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - '%s'
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['127.0.0.1:9093']
                """.formatted(dir.resolve("rules/sale.yml").toAbsolutePath()));
    }

    @Test
    void fourScrapeJobsWithTheShopsFromFileDiscovery() {
        String yml = config(Optional.of(URI.create("http://127.0.0.1:8404/metrics"))).render();
        assertThat(yml).contains("""
                  - job_name: shop
                    metrics_path: /metrics
                    file_sd_configs:
                      - files: ['%s']
                """.formatted(dir.resolve("shops.json").toAbsolutePath()));
        assertThat(yml).contains("""
                  - job_name: haproxy
                    scheme: http
                    metrics_path: '/metrics'
                    static_configs:
                      - targets: ['127.0.0.1:8404']
                """);
        for (String[] job : new String[][] {{"probe", "127.0.0.1:9100"}, {"alertmanager", "127.0.0.1:9093"}}) {
            assertThat(yml).contains("""
                      - job_name: %s
                        metrics_path: /metrics
                        static_configs:
                          - targets: ['%s']
                    """.formatted(job[0], job[1]));
        }
    }

    @Test
    void withoutALoadBalancerThereIsNoHaproxyJob() {
        assertThat(config(Optional.empty()).render()).doesNotContain("haproxy");
    }

    @Test
    void subSecondIntervalsAreWrittenInMilliseconds() {
        AlertingSettings s = AlertingSettings.defaults(dir);
        s = new AlertingSettings(dir, Duration.ofMillis(500), Duration.ofMillis(1500), s.groupWait(),
                s.groupInterval(), s.repeatInterval(), s.watchdogRepeat(), s.channel(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        String yml = new PrometheusConfig(s, List.of(), 1, dir.resolve("shops.json"), Optional.empty(), "x:1")
                .render();
        assertThat(yml).contains("scrape_interval: 500ms", "scrape_timeout: 500ms", "evaluation_interval: 1500ms",
                "rule_files: []");
    }

    @Test
    void shopsJsonHasOneLabelledTargetGroupPerInstance() {
        assertThat(PrometheusConfig.shopsJson(List.of(new ScrapeTarget("shop-1", 8081),
                new ScrapeTarget("shop-2", 8082)))).isEqualTo("""
                [
                  {"targets": ["127.0.0.1:8081"], "labels": {"shop": "shop-1"}},
                  {"targets": ["127.0.0.1:8082"], "labels": {"shop": "shop-2"}}
                ]
                """);
        assertThat(PrometheusConfig.shopsJson(List.of())).isEqualTo("[\n\n]\n");
    }

    @Test
    void ruleFilesAreTheYmlFilesDirectlyInTheFolder() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("b.yml"), "groups: []\n");
        Files.writeString(dir.resolve("a.yml"), "groups: []\n");
        Files.writeString(dir.resolve("notes.md"), "x");
        Files.writeString(dir.resolve("tests/a_test.yml"), "x");
        assertThat(PrometheusConfig.ruleFiles(dir))
                .containsExactly(dir.resolve("a.yml").toAbsolutePath(), dir.resolve("b.yml").toAbsolutePath());
    }
}
