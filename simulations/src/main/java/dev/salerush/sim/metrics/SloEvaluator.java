package dev.salerush.sim.metrics;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.config.SloMetric;

import java.util.List;

/** Judges a profile's SLOs against what the {@link ExactRecorder} measured: each passes when {@code actual <= threshold}. */
public final class SloEvaluator {
    private SloEvaluator() {
    }

    public static List<SloResult> evaluate(List<Slo> slos, RecordedRun run) {
        return slos.stream().map(slo -> evaluate(slo, run)).toList();
    }

    static SloResult evaluate(Slo slo, RecordedRun run) {
        LatencyStats stats = slo.request() == null ? run.global() : run.requests().get(slo.request());
        if (stats == null) {
            return new SloResult(slo.name(), slo.metric().key(), slo.request(), slo.threshold(), null, false,
                    "no request named '" + slo.request() + "' was recorded; recorded: " + run.requests().keySet());
        }
        Double actual = actual(slo, stats);
        if (actual == null) {
            return new SloResult(slo.name(), slo.metric().key(), slo.request(), slo.threshold(), null, false,
                    "no response time was recorded");
        }
        return new SloResult(slo.name(), slo.metric().key(), slo.request(), slo.threshold(), actual,
                actual <= slo.threshold(), null);
    }

    private static Double actual(Slo slo, LatencyStats stats) {
        if (slo.metric() == SloMetric.KO_PERCENT) {
            return stats.count() == 0 ? null : stats.koPercent();
        }
        Long millis = switch (slo.metric()) {
            case P50_MS -> stats.p50Ms();
            case P90_MS -> stats.p90Ms();
            case P95_MS -> stats.p95Ms();
            case P99_MS -> stats.p99Ms();
            case P999_MS -> stats.p999Ms();
            case MAX_MS -> stats.maxMs();
            case KO_PERCENT -> throw new IllegalStateException("handled above");
        };
        return millis == null ? null : millis.doubleValue();
    }
}
