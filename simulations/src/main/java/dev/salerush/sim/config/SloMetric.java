package dev.salerush.sim.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an SLO limits. Latency metrics are in milliseconds, {@link #KO_PERCENT} in percent of requests. */
public enum SloMetric {
    P50_MS("p50Ms"), P90_MS("p90Ms"), P95_MS("p95Ms"), P99_MS("p99Ms"), P999_MS("p999Ms"), MAX_MS("maxMs"),
    KO_PERCENT("koPercent");

    private final String key;

    SloMetric(String key) {
        this.key = key;
    }

    /** The name used in conf/ and in summary.json. */
    public String key() {
        return key;
    }

    public static SloMetric fromKey(String key, String configKey) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst()
                .orElseThrow(() -> new ConfigError(configKey + " must be one of " + allowed() + ", got '" + key + "'"));
    }

    static String allowed() {
        return Arrays.stream(values()).map(SloMetric::key).collect(Collectors.joining(", "));
    }
}
