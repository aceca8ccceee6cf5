package dev.salerush.sim.config;

import dev.salerush.env.Urls;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side metrics scraped during a run (the {@code metrics} section).
 *
 * @param enabled  whether the target's endpoint and the database are scraped at all
 * @param url      the Prometheus endpoint, or empty for {@code <target base URL>/metrics}
 * @param interval time between two scrapes (100 ms .. 60 s)
 * @param names    the metric names to read from the endpoint
 */
public record MetricsSettings(boolean enabled, String url, Duration interval, Names names) {

    /** Share of the interval a scrape (or database poll) may take before it is given up. */
    private static final double TIMEOUT_SHARE = 0.8;

    /**
     * Metric names in the endpoint's Prometheus text; the defaults are the demo shop's (Micrometer, HikariCP,
     * Resilience4j), which Spring Boot services expose under the same names.
     */
    public record Names(String cpu, String heap, String requests, String poolActive, String poolPending,
                        String breakerState) {
        public static final Names DEFAULTS = new Names("process_cpu_usage", "jvm_memory_used_bytes",
                "http_server_requests_seconds_count", "hikaricp_connections_active", "hikaricp_connections_pending",
                "resilience4j_circuitbreaker_state");
    }

    /** The endpoint to scrape: {@link #url()} when set, otherwise {@code <targetBaseUrl>/metrics}. */
    public URI endpoint(String targetBaseUrl) {
        if (!url.isBlank()) {
            return URI.create(url.trim());
        }
        return URI.create(Urls.join(targetBaseUrl, "/metrics"));
    }

    /** How long one scrape or database poll may take: 80 % of the interval. */
    public Duration scrapeTimeout() {
        return scrapeTimeout(interval);
    }

    /** 80 % of {@code interval}: a scrape that does not finish by then is a failure, never a pile-up. */
    public static Duration scrapeTimeout(Duration interval) {
        return Duration.ofNanos(Math.max(1_000_000L, (long) (interval.toNanos() * TIMEOUT_SHARE)));
    }

    static MetricsSettings from(ConfigReader reader, List<String> allowedHosts) {
        boolean enabled = reader.bool("enabled");
        String url = reader.string("url").trim();
        if (!url.isEmpty()) {
            URI uri = reader.httpUrl("url");
            if (!TargetSettings.isAllowed(uri.getHost(), allowedHosts)) {
                throw new ConfigError(reader.key("url") + " host '" + uri.getHost() + "' is not in target.allowedHosts "
                        + allowedHosts + "; add it there on purpose if the suite may scrape it");
            }
        }
        Duration interval = reader.positiveDuration("interval");
        if (interval.toMillis() < 100 || interval.toMillis() > 60_000) {
            throw new ConfigError(reader.key("interval") + " must be between 100ms and 60s, got " + interval.toMillis() + "ms");
        }
        Function<String, String> name = key -> {
            String value = reader.nonBlank("names." + key).trim();
            if (!value.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                throw new ConfigError(reader.key("names." + key) + " must be a Prometheus metric name"
                        + " ([a-zA-Z_:][a-zA-Z0-9_:]*), got '" + value + "'");
            }
            return value;
        };
        return new MetricsSettings(enabled, url, interval, new Names(name.apply("cpu"),
                name.apply("heap"), name.apply("requests"), name.apply("poolActive"), name.apply("poolPending"),
                name.apply("breakerState")));
    }
}
