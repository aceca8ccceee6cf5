package dev.salerush.sim.stress;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.SloEvaluator;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.server.ServerAggregate;
import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's figures from what was measured in it — a histogram and the counts per request name — with the SLOs judged
 * on them. The staircase's own steps and the steps of a merged sharded run are both made here.
 */
public final class StepFigures {
    private StepFigures() {
    }

    /**
     * What was measured in one step or probe.
     *
     * @param latencies  per request name, every response time of the step
     * @param counts     per request name, OK, KO and sent
     * @param seconds    how long the step was measured
     * @param fromMillis start of its first interval (epoch ms), or null
     * @param toMillis   end of its last interval (epoch ms), or null
     */
    public record Measured(Map<String, Histogram> latencies, Map<String, StepResult.Counts> counts, double seconds,
                           Long fromMillis, Long toMillis) {
    }

    /** The step's result; {@code probe} is the probe's number, or null for a step of the staircase. */
    public static StepResult of(int index, Integer probe, double offeredRps, Measured measured, List<Slo> slos,
                                Double injectorCpu, ServerAggregate server, Double stallP99Ms, Double stallMaxMs) {
        Map<String, LatencyStats> perRequest = new LinkedHashMap<>();
        Histogram all = new Histogram(3);
        long ok = 0;
        long ko = 0;
        long sent = 0;
        double seconds = measured.seconds();
        for (Map.Entry<String, StepResult.Counts> entry : measured.counts().entrySet()) {
            StepResult.Counts counts = entry.getValue();
            Histogram latencies = measured.latencies().get(entry.getKey());
            if (latencies == null) {
                latencies = new Histogram(3); // a request name without a response in the step; made only then
            }
            perRequest.put(entry.getKey(), LatencyStats.of(counts.ok(), counts.ko(), latencies, seconds));
            all.add(latencies);
            ok += counts.ok();
            ko += counts.ko();
            sent += counts.sent();
        }
        LatencyStats global = LatencyStats.of(ok, ko, all, seconds);
        List<SloResult> sloResults = SloEvaluator.evaluate(slos, new RecordedRun(0, 0, global, perRequest));
        return new StepResult(index, round(offeredRps), round(sent / seconds), round(ok / seconds),
                global.p50Ms(), global.p95Ms(), global.p99Ms(), global.koPercent(), round(seconds),
                sloResults.stream().allMatch(SloResult::passed), sloResults, injectorCpu, server, probe,
                stallP99Ms, stallMaxMs, measured.fromMillis(), measured.toMillis(),
                Collections.unmodifiableMap(new LinkedHashMap<>(measured.counts())));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
