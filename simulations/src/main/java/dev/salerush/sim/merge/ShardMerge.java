package dev.salerush.sim.merge;

import dev.salerush.sim.config.RegressionSettings;
import dev.salerush.sim.metrics.LatencyLogMerge;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.regression.RegressionGate;
import dev.salerush.sim.report.JUnitReport;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.report.publish.ResultsPages;
import dev.salerush.sim.results.BaselineFinder;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunPruning;
import dev.salerush.sim.results.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Merges the run folders of a sharded run ({@code shard-0 .. shard-N-1} inside {@code dir}) into one run in
 * {@code dir} itself: {@code latency.hlog} (the shards' histograms added per request name and second),
 * {@code summary.json} (counts summed, percentiles from the merged histograms, SLOs and the regression gate judged on
 * them, a {@code shards} list), {@code junit.xml} and the report pages. Shards that do not make one run are refused
 * with a {@link MergeRefused} before anything is written.
 */
public final class ShardMerge {
    private static final Logger log = LoggerFactory.getLogger(ShardMerge.class);

    private ShardMerge() {
    }

    /** Merges judging regressions with {@code regression} (null: not judged), pruning nothing; returns {@code dir}. */
    public static Path merge(Path dir, RegressionSettings regression, ReportSettings report) {
        mergedSummary(dir, regression, report, RunPruning.Rule.KEEP_EVERY_RUN);
        return dir;
    }

    /**
     * Merges judging regressions with {@code regression} (null: not judged) and pruning the results folder around
     * {@code dir} by {@code keeping}, the caller's configuration: the merge reads none itself. Returns the merged
     * summary as written to {@code dir}'s summary.json.
     */
    public static RunSummary mergedSummary(Path dir, RegressionSettings regression, ReportSettings report,
                                           RunPruning.Rule keeping) {
        List<ShardRun> shards = ShardSet.read(dir);
        if (StaircaseMerge.isStaircase(shards)) {
            StaircaseMerge.check(shards);
        }
        LatencyLogMerge.Settings settings = shards.stream().map(ShardRun::settings).filter(Objects::nonNull)
                .findFirst().orElse(LatencyLogMerge.Settings.RECORDER);
        LatencyLogMerge.Merged latency = LatencyLogMerge.merge(shards.stream().map(ShardRun::latencyLog).toList(),
                settings, dir.resolve(RunFiles.LATENCY_LOG));
        RecordedRun recorded = MergedRecording.of(shards, latency);
        RunSummary summary = MergedSummary.of(shards, recorded);
        if (regression != null && regression.enabled() && summary.failure() == null) {
            summary = summary.withRegression(RegressionGate.judge(summary.figures(),
                    BaselineFinder.find(summary, dir.toAbsolutePath().getParent(), regression), regression));
        }
        MergedSummaryFile.write(summary, shards, dir.resolve(RunFiles.SUMMARY));
        JUnitReport.write(summary, dir.resolve(RunFiles.JUNIT));
        try {
            ResultsPages.afterRun(dir, dir.toAbsolutePath().getParent(), report, keeping);
        } catch (RuntimeException e) {
            log.warn("could not write the merged run's report pages (summary.json is kept): {}", e.toString());
        }
        log.info("merged {} shards into {}: verdict {}", shards.size(), dir, summary.verdict());
        return summary;
    }
}
