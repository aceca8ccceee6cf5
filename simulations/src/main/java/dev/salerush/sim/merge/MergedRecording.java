package dev.salerush.sim.merge;

import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.LatencyLogMerge;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.RecordedRun;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merged run as the recorder would have measured it on one injector: the same {@link RecordedRun} the summary
 * and the SLO evaluation of a single run are built from.
 * <p>
 * Latencies come from the merged histograms. OK and KO counts are not in the interval log (it holds response times
 * only; a request without a response has none), so they are the sums of the shards' own counts per request name.
 * Rates are over the merged log's span, from the earliest interval's start to the latest one's end.
 */
final class MergedRecording {
    /** A request name that never got a response (every attempt failed before one): no latency, not 0. */
    private static final Histogram NO_RESPONSE = new Histogram(1);

    private MergedRecording() {
    }

    static RecordedRun of(List<ShardRun> shards, LatencyLogMerge.Merged latency) {
        Map<String, long[]> okKo = new TreeMap<>();
        for (ShardRun shard : shards) {
            if (shard.summary().requests() != null) {
                shard.summary().requests().forEach((name, stats) -> {
                    long[] counts = okKo.computeIfAbsent(name, n -> new long[2]);
                    counts[0] += stats.ok();
                    counts[1] += stats.ko();
                });
            }
        }
        double seconds = (latency.endMillis() - latency.startMillis()) / 1000.0;
        Map<String, LatencyStats> perRequest = new TreeMap<>();
        long ok = 0;
        long ko = 0;
        for (Map.Entry<String, long[]> entry : okKo.entrySet()) {
            Histogram latencies = latency.perTag().get(ExactRecorder.logTag(entry.getKey()));
            long[] counts = entry.getValue();
            perRequest.put(entry.getKey(), LatencyStats.of(counts[0], counts[1],
                    latencies == null ? NO_RESPONSE : latencies, seconds));
            ok += counts[0];
            ko += counts[1];
        }
        return new RecordedRun(latency.startMillis(), latency.endMillis(),
                LatencyStats.of(ok, ko, latency.all(), seconds), perRequest);
    }
}
