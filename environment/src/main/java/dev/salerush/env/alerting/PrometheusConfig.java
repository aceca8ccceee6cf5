package dev.salerush.env.alerting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Prometheus configuration of a drill: intervals, the rule files, the Alertmanager to send to, and four scrape
 * jobs: {@code shop} (file-based discovery from {@code shops.json}, so instances killed and added during a drill are
 * followed without a reload), {@code haproxy} (its exporter, when there is a load balancer), {@code probe} (the
 * {@link ProbeExporter}) and {@code alertmanager} (its own metrics, e.g. failed notifications). Pure: no I/O
 * except {@link #ruleFiles}.
 *
 * @param settings         the intervals
 * @param ruleFiles        absolute paths of the rule files
 * @param alertmanagerPort Alertmanager on 127.0.0.1
 * @param shopsFile        the file-discovery file of the shops (see {@link #shopsJson})
 * @param haproxyMetrics   HAProxy's Prometheus exporter, e.g. {@code http://127.0.0.1:8404/metrics}; empty = no job
 * @param probeTarget      the probe exporter's {@code host:port}
 */
public record PrometheusConfig(AlertingSettings settings, List<Path> ruleFiles, int alertmanagerPort, Path shopsFile,
                               Optional<URI> haproxyMetrics, String probeTarget) {

    public PrometheusConfig {
        ruleFiles = ruleFiles.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        shopsFile = shopsFile.toAbsolutePath().normalize();
    }

    /** The rule files of {@code rulesDir}: every {@code *.yml} directly in it (not sub-folders), sorted by name. */
    public static List<Path> ruleFiles(Path rulesDir) {
        try (Stream<Path> files = Files.list(rulesDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yml") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the alert rules in " + rulesDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code prometheus.yml}. */
    public String render() {
        String interval = Yaml.duration(settings.scrapeInterval());
        StringBuilder y = new StringBuilder();
        y.append("# written by salerush for one drill\n");
        y.append("global:\n");
        y.append("  scrape_interval: ").append(interval).append('\n');
        y.append("  scrape_timeout: ").append(interval).append('\n');
        y.append("  evaluation_interval: ").append(Yaml.duration(settings.evaluationInterval())).append('\n');
        y.append("rule_files:").append(ruleFiles.isEmpty() ? " []\n" : "\n");
        for (Path rules : ruleFiles) {
            y.append("  - ").append(Yaml.quote(rules.toString())).append('\n');
        }
        y.append("alerting:\n");
        y.append("  alertmanagers:\n");
        y.append("    - static_configs:\n");
        y.append("        - targets: [").append(Yaml.quote(loopback(alertmanagerPort))).append("]\n");
        y.append("scrape_configs:\n");
        y.append("  - job_name: shop\n");
        y.append("    metrics_path: /metrics\n");
        y.append("    file_sd_configs:\n");
        y.append("      - files: [").append(Yaml.quote(shopsFile.toString())).append("]\n");
        y.append("        refresh_interval: 5s\n");
        haproxyMetrics.ifPresent(uri -> {
            y.append("  - job_name: haproxy\n");
            y.append("    scheme: ").append(uri.getScheme()).append('\n');
            y.append("    metrics_path: ").append(Yaml.quote(uri.getRawPath().isEmpty() ? "/metrics" : uri.getRawPath()))
                    .append('\n');
            y.append("    static_configs:\n");
            y.append("      - targets: [").append(Yaml.quote(hostPort(uri))).append("]\n");
        });
        staticJob(y, "probe", probeTarget);
        staticJob(y, "alertmanager", loopback(alertmanagerPort));
        return y.toString();
    }

    private static void staticJob(StringBuilder y, String job, String target) {
        y.append("  - job_name: ").append(job).append('\n');
        y.append("    metrics_path: /metrics\n");
        y.append("    static_configs:\n");
        y.append("      - targets: [").append(Yaml.quote(target)).append("]\n");
    }

    /**
     * {@code shops.json}: one target group per instance, {@code [{"targets": ["127.0.0.1:8081"], "labels":
     * {"shop": "shop-1"}}, ...]}.
     */
    public static String shopsJson(List<ScrapeTarget> shops) {
        return shops.stream()
                .map(s -> "  {\"targets\": [\"" + loopback(s.port()) + "\"], \"labels\": {\"shop\": \""
                        + s.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}")
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    private static String loopback(int port) {
        return "127.0.0.1:" + port;
    }

    private static String hostPort(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
