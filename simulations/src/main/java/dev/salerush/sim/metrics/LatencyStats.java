package dev.salerush.sim.metrics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.HdrHistogram.Histogram;

/**
 * Counts and exact latency percentiles of one request name (or of all requests) over a run.
 * Percentiles are read from an HdrHistogram of every recorded response time, so they are exact to the millisecond
 * Gatling measures in (values up to 2,047 ms are stored without rounding; above that within 0.1 %).
 * Latency fields are {@code null} when no response time was recorded; {@code withoutResponse} counts requests that
 * failed before any response arrived (connection refused, timeout), which are KO but have no response time.
 */
@JsonPropertyOrder({"count", "ok", "ko", "koPercent", "rps", "minMs", "p50Ms", "p90Ms", "p95Ms", "p99Ms", "p999Ms", "maxMs", "meanMs", "withoutResponse"})
public record LatencyStats(long count, long ok, long ko, double koPercent, double rps,
                           Long minMs, Long p50Ms, Long p90Ms, Long p95Ms, Long p99Ms, Long p999Ms, Long maxMs,
                           Double meanMs, long withoutResponse) {

    public static LatencyStats of(long ok, long ko, Histogram latencies, double seconds) {
        long count = ok + ko;
        double koPercent = count == 0 ? 0 : round(100.0 * ko / count, 3);
        double rps = seconds <= 0 ? 0 : round(count / seconds, 3);
        long withoutResponse = Math.max(0, count - latencies.getTotalCount());
        if (latencies.getTotalCount() == 0) {
            return new LatencyStats(count, ok, ko, koPercent, rps, null, null, null, null, null, null, null, null, withoutResponse);
        }
        return new LatencyStats(count, ok, ko, koPercent, rps,
                latencies.getMinValue(),
                latencies.getValueAtPercentile(50),
                latencies.getValueAtPercentile(90),
                latencies.getValueAtPercentile(95),
                latencies.getValueAtPercentile(99),
                latencies.getValueAtPercentile(99.9),
                latencies.getMaxValue(),
                round(latencies.getMean(), 3),
                withoutResponse);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
