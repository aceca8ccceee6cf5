package dev.salerush.sim.stress;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.metrics.ExactRecorder;
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
    private final Map<String, StepResult.Counts> counts = new LinkedHashMap<>();
    private double seconds;
    private Long fromMillis;
    private Long toMillis;
    private double cpuSum;
    private int cpuSamples;
    /** The injector's stalls (µs) over the step; null until the stall detector reported any. */
    private Histogram stalls;

    /**
     * The interval from {@code startMillis} to {@code endMillis}; {@code stallsMicros} is the injector's stall
     * histogram since the previous interval, or null.
     */
    void add(long startMillis, long endMillis, Map<String, ExactRecorder.Interval> perRequest, double cpuCores,
             Histogram stallsMicros) {
        perRequest.forEach((name, interval) -> {
            latencies.computeIfAbsent(name, n -> new Histogram(3)).add(interval.latencies());
            counts.merge(name, new StepResult.Counts(interval.ok(), interval.ko(), interval.sent()),
                    StepResult.Counts::plus);
        });
        seconds += (endMillis - startMillis) / 1000.0;
        fromMillis = fromMillis == null ? startMillis : fromMillis;
        toMillis = endMillis;
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
        return StepFigures.of(index, probe, offeredRps, new StepFigures.Measured(latencies, counts, seconds,
                        fromMillis, toMillis), slos, cpuSamples == 0 ? null : StepFigures.round(cpuSum / cpuSamples),
                server, stalls == null ? null : StallDetector.toMillis(stalls.getValueAtPercentile(99)),
                stalls == null ? null : StallDetector.toMillis(stalls.getMaxValue()));
    }
}
