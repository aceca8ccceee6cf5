package dev.salerush.sim.merge;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.config.SloMetric;
import dev.salerush.sim.metrics.SloResult;

import java.util.List;

/** The SLOs a shard judged, as the {@link Slo}s to judge the merged figures with. */
final class Slos {
    private Slos() {
    }

    /** Those of {@code judged} on a latency or KO metric (a stress run's capacity SLO is judged apart). */
    static List<Slo> of(List<SloResult> judged) {
        if (judged == null) {
            return List.of();
        }
        return judged.stream().filter(slo -> !StaircaseMerge.CAPACITY_METRIC.equals(slo.metric()))
                .map(slo -> new Slo(slo.name(), SloMetric.fromKey(slo.metric(), "slo.metric"), slo.threshold(),
                        slo.request())).toList();
    }
}
