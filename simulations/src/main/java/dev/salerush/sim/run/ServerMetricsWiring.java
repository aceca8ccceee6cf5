package dev.salerush.sim.run;

import dev.salerush.env.SaleEnvironment;
import dev.salerush.sim.config.MetricsSettings;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.server.ServerMetricsScraper;

import java.nio.file.Path;

/** Points the server-metrics scraper at the run's target: its Prometheus endpoint and, when known, its database. */
final class ServerMetricsWiring {
    private ServerMetricsWiring() {
    }

    /** The started scraper, or null when metrics are disabled. */
    static ServerMetricsScraper start(SuiteConfig config, SaleEnvironment environment, Path file) {
        MetricsSettings metrics = config.metrics();
        if (!metrics.enabled()) {
            return null;
        }
        return ServerMetricsScraper.start(metrics.endpoint(environment.metricsBaseUrl().toString()),
                environment.database().orElse(null), file, metrics.interval(), metrics.names());
    }
}
