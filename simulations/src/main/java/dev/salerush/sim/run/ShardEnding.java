package dev.salerush.sim.run;

import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.shard.ShardClock;
import dev.salerush.sim.shard.ShardContract;
import dev.salerush.sim.shard.ShardInfo;
import dev.salerush.sim.shard.ShardSettings;
import dev.salerush.sim.shard.ShardVersions;
import dev.salerush.sim.stress.StressController;

import java.time.Duration;

/**
 * What a shard says of itself when it ends: why it ended and the exit code it ends with. A shard that completed its
 * share exits 0 whatever its own SLO verdict: the verdict belongs to the merged run, and any other exit fails a Job
 * with {@code backoffLimit: 0}, which would stop the siblings. A sustained SLO breach of a staircase stops them on
 * purpose (exit 42); a run closed by a signal was terminated; a failed one exits as a single run would.
 */
final class ShardEnding {
    private ShardEnding() {
    }

    /** {@code stress} is null when the run is no staircase; {@code terminated} when a signal closed it. */
    static ShardInfo of(ShardSettings shard, ShardClock clock, Duration warmup, RunSummary summary,
                        RecordedRun recorded, StressController stress, String failure, boolean terminated) {
        boolean stopSiblings = failure == null && stress != null && stress.ending() == StressController.Ending.BREACH;
        String reason = stopSiblings ? "stop-siblings" : terminated ? "terminated" : failure != null ? "failed"
                : "completed";
        int exitCode = stopSiblings ? ShardContract.EXIT_STOP_SIBLINGS
                : failure == null && !terminated ? 0
                : RunExit.status(summary).orElse(RunExit.EXIT_NOT_RUN);
        double seconds = recorded == null ? 0 : (recorded.endMillis() - recorded.startMillis()) / 1000.0;
        double sentRps = recorded == null || seconds <= 0 ? 0 : recorded.global().count() / seconds;
        return new ShardInfo(shard.index(), shard.count(), shard.runId(), shard.startAtMs(),
                clock.firstMeasuredMillis(), clock.startSkewMillis(warmup), sentRps, exitCode, reason,
                ShardVersions.current());
    }
}
