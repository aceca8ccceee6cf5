package dev.salerush.sim.merge;

import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.SloEvaluator;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.results.RunStatus;
import dev.salerush.sim.results.RunSummary;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The merged run's summary: what the shards share (simulation, profile, target, plan) from the first shard, the
 * figures from the {@link MergedRecording}, the SLOs judged on them by the same {@link SloEvaluator} a single run
 * uses (a stress run: its merged staircase and capacity SLO, see {@link StaircaseMerge}), started at the earliest shard's start and ended at the latest one's end. The run is complete only when every
 * shard completed; a shard's failure is the merged run's failure. The regression gate is applied afterwards (see
 * {@link ShardMerge}), on these figures.
 */
final class MergedSummary {
    private MergedSummary() {
    }

    static RunSummary of(List<ShardRun> shards, RecordedRun recorded) {
        RunSummary first = shards.get(0).summary();
        RunSummary.Stress stress = RunSummary.Stress.NONE;
        List<SloResult> slos;
        if (StaircaseMerge.isStaircase(shards)) {
            StaircaseMerge.Result staircase = StaircaseMerge.merge(shards);
            stress = staircase.stress();
            slos = staircase.capacity() == null ? List.of() : List.of(staircase.capacity());
        } else {
            slos = SloEvaluator.evaluate(Slos.of(first.slo()), recorded);
        }
        String failure = failure(shards);
        boolean passed = failure == null && slos.stream().allMatch(SloResult::passed);
        return RunSummary.builder().runId(shards.get(0).info().runId()).simulation(first.simulation())
                .profile(first.profile()).startedAt(earliest(shards)).endedAt(latest(shards))
                .status(RunStatus.of(failure == null)).verdict(Verdict.of(passed)).failure(failure)
                .target(first.target()).embedded(first.embedded()).plan(first.plan()).global(recorded.global())
                .requests(recorded.requests()).slo(slos).environment(first.environment()).stress(stress).build();
    }

    /** Why a shard did not complete its load, naming it; null when every shard completed. */
    private static String failure(List<ShardRun> shards) {
        String failures = shards.stream().filter(s -> s.summary().status() != RunStatus.COMPLETE)
                .map(s -> s.name() + ": " + Objects.requireNonNullElse(s.summary().failure(), "status "
                        + s.summary().status()))
                .collect(Collectors.joining("; "));
        return failures.isEmpty() ? null : failures;
    }

    private static String earliest(List<ShardRun> shards) {
        return shards.stream().map(s -> s.summary().startedAt()).filter(Objects::nonNull).map(Instant::parse)
                .min(Comparator.naturalOrder()).map(Instant::toString).orElse(null);
    }

    private static String latest(List<ShardRun> shards) {
        return shards.stream().map(s -> s.summary().endedAt()).filter(Objects::nonNull).map(Instant::parse)
                .max(Comparator.naturalOrder()).map(Instant::toString).orElse(null);
    }
}
