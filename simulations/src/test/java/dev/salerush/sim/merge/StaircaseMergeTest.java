package dev.salerush.sim.merge;

import dev.salerush.sim.config.ReportSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salerush.sim.config.Slo;
import dev.salerush.sim.config.SloMetric;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.IntervalLogFile;
import dev.salerush.sim.metrics.LatencyLogMerge;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.stress.StepFigures;
import dev.salerush.sim.stress.StepResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sharded stress run: each shard's steps (window and counts, as its controller recorded them) and its latency.hlog
 * merge into one staircase whose every step equals the step one injector measuring all the load would have had,
 * judged by the same analysis: the breaking point is where the merged SLOs broke.
 */
class StaircaseMergeTest {
    private static final int SHARDS = 2;
    private static final int STEPS = 4;
    private static final int HOLD_SECONDS = 10;
    /** From this step on the target is slow: p95 far above the SLO. */
    private static final int SLOW_FROM = 2;
    private static final List<Slo> SLOS = List.of(new Slo("p95", SloMetric.P95_MS, 35, null));
    private static final double CAPACITY_THRESHOLD = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one injector would have measured per step: all shards' values and counts. */
    private final List<Map<String, Histogram>> referenceLatencies = new ArrayList<>();
    private final List<Map<String, StepResult.Counts>> referenceCounts = new ArrayList<>();

    @Test
    void eachMergedStepEqualsTheStepOfAllValuesAndTheBreakingPointIsWhereTheMergedSlosBroke(@TempDir Path dir)
            throws IOException {
        writeShards(dir);

        ShardMerge.merge(dir, null, ReportSettings.defaults());

        JsonNode summary = JSON.readTree(dir.resolve(RunFiles.SUMMARY).toFile());
        JsonNode steps = summary.path("steps");
        assertThat(steps).hasSize(STEPS);
        for (int step = 0; step < STEPS; step++) {
            StepResult expected = StepFigures.of(step, null, 0, new StepFigures.Measured(referenceLatencies.get(step),
                    referenceCounts.get(step), HOLD_SECONDS, null, null), SLOS, null, null, null, null);
            JsonNode merged = steps.get(step);
            assertThat(merged.path("p50Ms").asLong()).as("step %d p50", step).isEqualTo(expected.p50Ms());
            assertThat(merged.path("p95Ms").asLong()).as("step %d p95", step).isEqualTo(expected.p95Ms());
            assertThat(merged.path("p99Ms").asLong()).as("step %d p99", step).isEqualTo(expected.p99Ms());
            assertThat(merged.path("sentRps").asDouble()).isEqualTo(expected.sentRps());
            assertThat(merged.path("achievedRps").asDouble()).isEqualTo(expected.achievedRps());
            assertThat(merged.path("koPercent").asDouble()).isEqualTo(expected.koPercent());
            assertThat(merged.path("metSlo").asBoolean()).isEqualTo(step < SLOW_FROM);
            assertThat(merged.path("offeredRps").asDouble()).isEqualTo(SHARDS * offered(step));
        }
        JsonNode breakingPoint = summary.path("breakingPoint");
        assertThat(breakingPoint.path("step").asInt()).isEqualTo(SLOW_FROM - 1);
        assertThat(breakingPoint.path("rps").asDouble()).isEqualTo(steps.get(SLOW_FROM - 1).path("achievedRps")
                .asDouble());
        JsonNode capacity = summary.path("slo").get(0);
        assertThat(capacity.path("metric").asText()).isEqualTo(StaircaseMerge.CAPACITY_METRIC);
        assertThat(capacity.path("actual").asDouble()).isEqualTo(breakingPoint.path("rps").asDouble());
        assertThat(capacity.path("passed").asBoolean()).isEqualTo(breakingPoint.path("rps").asDouble()
                >= CAPACITY_THRESHOLD);
        assertThat(dir.resolve(RunFiles.REPORT_PAGE)).isNotEmptyFile();
    }

    @Test
    void stepsWithoutTheirWindowAreRefused(@TempDir Path dir) throws IOException {
        writeShards(dir);
        ShardFixtures.editSummary(dir.resolve("shard-1"), s -> s.withArray("steps").forEach(step ->
                ((ObjectNode) step).remove("fromMillis")));

        assertThatThrownBy(() -> ShardMerge.merge(dir, null, ReportSettings.defaults())).isInstanceOf(MergeRefused.class)
                .hasMessageContaining("shard-1: step 0 has no window or counts");
        assertThat(dir.resolve(RunFiles.SUMMARY)).doesNotExist();
    }

    /** Offered rps of a step, per shard. */
    private static double offered(int step) {
        return 20 + 10 * step;
    }

    private void writeShards(Path dir) throws IOException {
        ShardFixtures.write(dir, SHARDS, 7);
        for (int step = 0; step < STEPS; step++) {
            referenceLatencies.add(new LinkedHashMap<>());
            referenceCounts.add(new LinkedHashMap<>());
        }
        for (int shard = 0; shard < SHARDS; shard++) {
            List<StepResult> steps = writeStaircaseLog(dir.resolve("shard-" + shard), shard);
            ShardFixtures.editSummary(dir.resolve("shard-" + shard), s -> {
                s.set("steps", JSON.valueToTree(steps));
                s.set("slo", JSON.valueToTree(List.of(new SloResult("capacity >= 1.5 x peak",
                        StaircaseMerge.CAPACITY_METRIC, null, CAPACITY_THRESHOLD, null, false, null))));
                s.put("profile", "stress");
            });
        }
    }

    /**
     * One shard's latency.hlog (with a warm-up second before the staircase, which belongs to no step) and its steps
     * as its controller would have recorded them.
     */
    private List<StepResult> writeStaircaseLog(Path shardDir, int shard) {
        Random random = new Random(100 + shard);
        long start = ShardFixtures.START + shard * ShardFixtures.PHASE_MS;
        List<StepResult> steps = new ArrayList<>();
        try (IntervalLogFile log = IntervalLogFile.open(shardDir.resolve(RunFiles.LATENCY_LOG), start, null)) {
            writeSecond(log, start, random, 0, null, null);
            for (int step = 0; step < STEPS; step++) {
                long from = start + 1000 + step * HOLD_SECONDS * 1000L;
                Map<String, Histogram> latencies = new LinkedHashMap<>();
                Map<String, StepResult.Counts> counts = new LinkedHashMap<>();
                for (int second = 0; second < HOLD_SECONDS; second++) {
                    writeSecond(log, from + second * 1000L, random, step, latencies, counts);
                }
                counts.forEach((name, c) -> referenceCounts.get(steps.size()).merge(name, c, StepResult.Counts::plus));
                latencies.forEach((name, h) -> referenceLatencies.get(steps.size()).computeIfAbsent(name,
                        n -> new Histogram(3)).add(h));
                steps.add(StepFigures.of(step, null, offered(step), new StepFigures.Measured(latencies, counts,
                        HOLD_SECONDS, from, from + HOLD_SECONDS * 1000L), SLOS, 0.4, null, null, null));
            }
        }
        return steps;
    }

    /** One second of both requests; {@code latencies} and {@code counts} (null: warm-up) receive it. */
    private static void writeSecond(IntervalLogFile log, long from, Random random, int step,
                                    Map<String, Histogram> latencies, Map<String, StepResult.Counts> counts) {
        Histogram sum = new Histogram(LatencyLogMerge.Settings.RECORDER.highestTrackableValue(), 3);
        for (String name : List.of("list products", "place order")) {
            Histogram interval = new Histogram(LatencyLogMerge.Settings.RECORDER.highestTrackableValue(), 3);
            int responses = (int) offered(step) / 2 + random.nextInt(5);
            long slow = step >= SLOW_FROM ? 80 : 0;
            for (int n = 0; n < responses; n++) {
                interval.recordValue(1 + slow + (long) Math.abs(random.nextGaussian() * 8));
            }
            int failed = random.nextInt(2);
            if (counts != null) {
                latencies.computeIfAbsent(name, n -> new Histogram(3)).add(interval);
                counts.merge(name, new StepResult.Counts(responses - failed, failed, responses),
                        StepResult.Counts::plus);
            }
            interval.setTag(ExactRecorder.logTag(name));
            log.write(interval, from, from + 1000);
            sum.add(interval);
        }
        log.write(sum, from, from + 1000);
    }
}
