package dev.salerush.sim.stress;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.SloEvaluator;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.StallDetector;
import dev.salerush.sim.server.ServerAggregate;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured during one step or probe of a staircase: one histogram and three counts per request name, and
 * the injector's stalls.
 */
final class StepMeasurement {
    private final Map<String, Histogram> latencies = new LinkedHashMap<>();
    private final Map<String, long[]> okKoSent = new LinkedHashMap<>();
    private double seconds;
    private double cpuSum;
    private int cpuSamples;
    /** The injector's stalls (µs) over the step; null until the stall detector reported any. */
    private Histogram stalls;

    /** {@code stallsMicros} is the injector's stall histogram since the previous interval, or null. */
    void add(Map<String, ExactRecorder.Interval> perRequest, double intervalSeconds, double cpuCores,
             Histogram stallsMicros) {
        perRequest.forEach((name, interval) -> {
            latencies.computeIfAbsent(name, n -> new Histogram(3)).add(interval.latencies());
            long[] counts = okKoSent.computeIfAbsent(name, n -> new long[3]);
            counts[0] += interval.ok();
            counts[1] += interval.ko();
            counts[2] += interval.sent();
        });
        seconds += intervalSeconds;
        if (!Double.isNaN(cpuCores)) {
            cpuSum += cpuCores;
            cpuSamples++;
        }
        if (stallsMicros != null && stallsMicros.getTotalCount() > 0) {
            if (stalls == null) {
                stalls = StallDetector.newHistogram();
            }
            stalls.add(stallsMicros);
        }
    }

    boolean isEmpty() {
        return seconds == 0;
    }

    /** The step's figures; {@code probe} is the probe's number, or null for a step of the staircase. */
    StepResult result(int index, Integer probe, double offeredRps, List<Slo> slos, ServerAggregate server) {
        Map<String, LatencyStats> perRequest = new LinkedHashMap<>();
        Histogram all = new Histogram(3);
        long ok = 0;
        long ko = 0;
        long sent = 0;
        for (Map.Entry<String, Histogram> entry : latencies.entrySet()) {
            long[] counts = okKoSent.get(entry.getKey());
            perRequest.put(entry.getKey(), LatencyStats.of(counts[0], counts[1], entry.getValue(), seconds));
            all.add(entry.getValue());
            ok += counts[0];
            ko += counts[1];
            sent += counts[2];
        }
        LatencyStats global = LatencyStats.of(ok, ko, all, seconds);
        List<SloResult> sloResults = SloEvaluator.evaluate(slos, new RecordedRun(0, 0, global, perRequest));
        return new StepResult(index, round(offeredRps), round(sent / seconds), round(ok / seconds),
                global.p50Ms(), global.p95Ms(), global.p99Ms(), global.koPercent(), round(seconds),
                sloResults.stream().allMatch(SloResult::passed), sloResults,
                cpuSamples == 0 ? null : round(cpuSum / cpuSamples), server, probe,
                stalls == null ? null : StallDetector.toMillis(stalls.getValueAtPercentile(99)),
                stalls == null ? null : StallDetector.toMillis(stalls.getMaxValue()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
