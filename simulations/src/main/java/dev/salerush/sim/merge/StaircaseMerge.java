package dev.salerush.sim.merge;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.LatencyLogMerge;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepFigures;
import dev.salerush.sim.stress.StepResult;
import dev.salerush.sim.stress.StressAnalysis;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The staircase of a sharded stress run: step by step (and probe by probe), the shards' figures added — counts
 * summed, offered rates summed (each shard offers its share), latencies from every shard's own intervals of that step
 * (an interval belongs to the step whose recorded window holds its midpoint, as the shard's controller attributed
 * it) — then judged by the same {@link StepFigures} and {@link StressAnalysis} a single run uses, and the capacity
 * SLO judged on the merged breaking point. Only the steps every shard measured are merged: a step some shards missed
 * (they were stopped) would show a fraction of the load.
 */
final class StaircaseMerge {
    static final String CAPACITY_METRIC = "breakingPointRps";

    record Result(RunSummary.Stress stress, SloResult capacity) {
    }

    private StaircaseMerge() {
    }

    static boolean isStaircase(List<ShardRun> shards) {
        return shards.stream().anyMatch(s -> s.summary().steps() != null);
    }

    /** Refuses shards whose steps cannot be merged exactly: before anything is written. */
    static void check(List<ShardRun> shards) {
        for (ShardRun shard : shards) {
            List<StepResult> steps = shard.summary().steps();
            if (steps == null) {
                throw new MergeRefused(shard.name() + ": no stress steps, while " + shards.stream()
                        .filter(s -> s.summary().steps() != null).findFirst().orElseThrow().name() + " has them");
            }
            steps.stream().filter(step -> step.fromMillis() == null || step.toMillis() == null
                    || step.counts() == null).findFirst().ifPresent(step -> {
                        throw new MergeRefused(shard.name() + ": step " + step.step() + " has no window or counts"
                                + " (recorded by an older suite): its staircase cannot be merged exactly");
                    });
        }
    }

    static Result merge(List<ShardRun> shards) {
        List<Key> keys = commonKeys(shards);
        Map<Key, StepSum> sums = new LinkedHashMap<>();
        keys.forEach(key -> sums.put(key, new StepSum()));
        for (ShardRun shard : shards) {
            Map<Key, StepResult> own = byKey(shard.summary().steps());
            keys.forEach(key -> sums.get(key).add(own.get(key)));
            LatencyLogMerge.forEachTagged(shard.latencyLog(), interval -> {
                long middle = (interval.getStartTimeStamp() + interval.getEndTimeStamp()) / 2;
                keys.stream().filter(key -> own.get(key).fromMillis() <= middle && middle < own.get(key).toMillis())
                        .findFirst().ifPresent(key -> sums.get(key).add(interval));
            });
        }
        RunSummary first = shards.get(0).summary();
        List<StepResult> steps = new ArrayList<>();
        sums.forEach((key, sum) -> steps.add(sum.result(key, Slos.of(sum.firstSlos))));
        String stoppedEarly = shards.stream().filter(s -> s.summary().stoppedEarly() != null).findFirst()
                .map(s -> s.name() + ": " + s.summary().stoppedEarly()).orElse(null);
        StressAnalysis.Result analysis = StressAnalysis.analyse(steps, injectorCores(shards),
                stallBoundMs(shards), stoppedEarly);
        String endedBy = shards.stream().map(s -> s.summary().endedBy()).filter(Objects::nonNull).findFirst()
                .orElse(null);
        RunSummary.Stress stress = new RunSummary.Stress(steps, analysis.breakingPoint(), analysis.knee(),
                analysis.injectorBound(), analysis.evidence(), stoppedEarly, endedBy);
        return new Result(stress, capacity(first.slo(), analysis.breakingPoint()));
    }

    /**
     * The shards' capacity SLO (breaking point >= peak x headroom, the threshold as they recorded it) judged on the
     * merged breaking point; null when the shards had none.
     */
    private static SloResult capacity(List<SloResult> judged, BreakingPoint breakingPoint) {
        Optional<SloResult> capacity = judged == null ? Optional.empty()
                : judged.stream().filter(slo -> CAPACITY_METRIC.equals(slo.metric())).findFirst();
        return capacity.map(slo -> {
            Double actual = breakingPoint.rps();
            return actual == null
                    ? new SloResult(slo.name(), slo.metric(), null, slo.threshold(), null, false, breakingPoint.reason())
                    : new SloResult(slo.name(), slo.metric(), null, slo.threshold(), actual,
                    actual >= slo.threshold(), null);
        }).orElse(null);
    }

    /** The fewest cores a shard's injector had: a step is injector-bound when one shard's injector was saturated. */
    private static int injectorCores(List<ShardRun> shards) {
        return shards.stream().map(s -> s.summary().injector()).filter(Objects::nonNull)
                .mapToInt(InjectorHealth.Figures::cores).min().orElse(Runtime.getRuntime().availableProcessors());
    }

    private static double stallBoundMs(List<ShardRun> shards) {
        return shards.stream().map(s -> s.summary().injector()).filter(Objects::nonNull)
                .map(InjectorHealth.Figures::stallBoundMs).filter(Objects::nonNull).findFirst()
                .orElse(Double.MAX_VALUE);
    }

    /** The steps and probes every shard measured, in the first shard's order. */
    private static List<Key> commonKeys(List<ShardRun> shards) {
        List<Key> keys = new ArrayList<>(byKey(shards.get(0).summary().steps()).keySet());
        shards.forEach(shard -> keys.retainAll(byKey(shard.summary().steps()).keySet()));
        return keys;
    }

    private static Map<Key, StepResult> byKey(List<StepResult> steps) {
        Map<Key, StepResult> byKey = new LinkedHashMap<>();
        steps.forEach(step -> byKey.put(new Key(step.step(), step.probe()), step));
        return byKey;
    }

    /** A step of the staircase ({@code probe} null) or a refinement probe. */
    private record Key(int step, Integer probe) {
    }

    /** One step's figures over all shards, as they are added. */
    private static final class StepSum {
        final Map<String, Histogram> latenciesByTag = new HashMap<>();
        final Map<String, StepResult.Counts> counts = new LinkedHashMap<>();
        List<SloResult> firstSlos;
        double offeredRps;
        double seconds;
        Double injectorCpu;
        Double stallP99Ms;
        Double stallMaxMs;
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;

        void add(StepResult step) {
            firstSlos = firstSlos == null ? step.slo() : firstSlos;
            step.counts().forEach((name, c) -> counts.merge(name, c, StepResult.Counts::plus));
            offeredRps += step.offeredRps();
            seconds = Math.max(seconds, step.seconds());
            injectorCpu = max(injectorCpu, step.injectorCpu());
            stallP99Ms = max(stallP99Ms, step.stallP99Ms());
            stallMaxMs = max(stallMaxMs, step.stallMaxMs());
            from = Math.min(from, step.fromMillis());
            to = Math.max(to, step.toMillis());
        }

        void add(Histogram interval) {
            latenciesByTag.computeIfAbsent(interval.getTag(), tag -> new Histogram(interval.getHighestTrackableValue(),
                    interval.getNumberOfSignificantValueDigits())).add(interval);
        }

        StepResult result(Key key, List<Slo> slos) {
            Map<String, Histogram> latencies = new LinkedHashMap<>();
            counts.keySet().forEach(name -> {
                Histogram h = latenciesByTag.get(ExactRecorder.logTag(name));
                if (h != null) {
                    latencies.put(name, h);
                }
            });
            return StepFigures.of(key.step(), key.probe(), offeredRps,
                    new StepFigures.Measured(latencies, counts, seconds, from, to), slos, injectorCpu, null,
                    stallP99Ms, stallMaxMs);
        }

        private static Double max(Double a, Double b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return Math.max(a, b);
        }
    }
}
