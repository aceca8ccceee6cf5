package dev.salerush.sim.merge;

import dev.salerush.sim.config.ReportSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salerush.sim.config.RegressionSettings;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.LatencyLogMerge;
import dev.salerush.sim.results.RunFiles;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardMergeTest {
    private static final int SHARDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RegressionSettings GATE = new RegressionSettings(true, null, 10, 2, 1, 10);

    @Test
    void mergedHistogramEqualsOneHistogramOfAllValues(@TempDir Path dir) {
        ShardFixtures.Reference reference = ShardFixtures.write(dir, SHARDS, 16);

        LatencyLogMerge.Merged merged = LatencyLogMerge.merge(IntStream.range(0, SHARDS)
                        .mapToObj(i -> dir.resolve("shard-" + i).resolve(RunFiles.LATENCY_LOG)).toList(),
                LatencyLogMerge.Settings.RECORDER, dir.resolve(RunFiles.LATENCY_LOG));

        assertSameValues(merged.all(), reference.all);
        assertThat(merged.perTag()).hasSize(ShardFixtures.REQUESTS.size());
        reference.perRequest.forEach((name, expected) ->
                assertSameValues(merged.perTag().get(ExactRecorder.logTag(name)), expected));
        assertThat(merged.seconds()).isEqualTo(ShardFixtures.SECONDS);
    }

    @Test
    void mergedLogHasEverySecondsResponsesOnceTaggedAndOnceInTheUntaggedSum(@TempDir Path dir) throws IOException {
        ShardFixtures.Reference reference = ShardFixtures.write(dir, SHARDS, 17);

        ShardMerge.merge(dir, null, ReportSettings.defaults());

        Map<Long, Long> tagged = new TreeMap<>();
        Map<Long, Long> untagged = new TreeMap<>();
        Histogram fromLog = ShardFixtures.newHistogram(LatencyLogMerge.Settings.RECORDER);
        HistogramLogReader reader = new HistogramLogReader(dir.resolve(RunFiles.LATENCY_LOG).toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            Histogram interval = (Histogram) h;
            long second = Math.round(interval.getEndTimeStamp() / 1000.0);
            (interval.getTag() == null ? untagged : tagged).merge(second, interval.getTotalCount(), Long::sum);
            if (interval.getTag() == null) {
                fromLog.add(interval);
            }
        }
        reader.close();
        assertThat(tagged).isEqualTo(reference.perSecond);
        assertThat(untagged).isEqualTo(reference.perSecond);
        assertSameValues(fromLog, reference.all);
    }

    @Test
    void mergedSummaryHoldsSummedCountsMergedPercentilesJudgedSlosAndTheShards(@TempDir Path results)
            throws IOException {
        Path dir = results.resolve(ShardFixtures.RUN_ID);
        ShardFixtures.Reference reference = ShardFixtures.write(dir, SHARDS, 18);

        assertThat(ShardMerge.merge(dir, GATE, ReportSettings.defaults())).isEqualTo(dir);

        JsonNode summary = JSON.readTree(dir.resolve(RunFiles.SUMMARY).toFile());
        assertThat(summary.path("runId").asText()).isEqualTo(ShardFixtures.RUN_ID);
        JsonNode global = summary.path("global");
        assertThat(global.path("ok").asLong()).isEqualTo(reference.ok);
        assertThat(global.path("ko").asLong()).isEqualTo(reference.ko);
        assertThat(global.path("count").asLong()).isEqualTo(reference.ok + reference.ko);
        assertThat(global.path("p95Ms").asLong()).isEqualTo(reference.all.getValueAtPercentile(95));
        assertThat(global.path("p999Ms").asLong()).isEqualTo(reference.all.getValueAtPercentile(99.9));
        assertThat(global.path("maxMs").asLong()).isEqualTo(reference.all.getMaxValue());
        reference.perRequest.forEach((name, expected) -> assertThat(summary.path("requests").path(name)
                .path("p99Ms").asLong()).as(name).isEqualTo(expected.getValueAtPercentile(99)));
        JsonNode slo = summary.path("slo").get(0);
        assertThat(slo.path("actual").asDouble()).isEqualTo(reference.all.getValueAtPercentile(95));
        boolean met = reference.all.getValueAtPercentile(95) <= ShardFixtures.P95_THRESHOLD;
        assertThat(slo.path("passed").asBoolean()).isEqualTo(met);
        assertThat(summary.path("verdict").asText()).isEqualTo(met ? "pass" : "fail");
        assertThat(summary.path("startedAt").asText()).isEqualTo(java.time.Instant.ofEpochMilli(ShardFixtures.START - 5_000).toString());
        assertThat(summary.path("regression").path("verdict").asText()).isEqualTo("no baseline");
        assertThat(summary.path("shards")).hasSize(SHARDS);
        JsonNode last = summary.path("shards").get(SHARDS - 1);
        assertThat(last.path("index").asInt()).isEqualTo(SHARDS - 1);
        assertThat(last.path("startSkewMs").asLong()).isEqualTo(3L * (SHARDS - 1));
        assertThat(last.path("exitCode").asInt()).isZero();
        assertThat(last.path("exitReason").asText()).isEqualTo("completed");
        assertThat(last.path("sentRps").asDouble()).isPositive();
        assertThat(dir.resolve(RunFiles.REPORT_PAGE)).isNotEmptyFile();
        assertThat(dir.resolve(RunFiles.JUNIT)).isNotEmptyFile();
        assertThat(results.resolve(RunFiles.RESULTS_INDEX)).content().contains(ShardFixtures.RUN_ID);
    }

    @Test
    void aShardThatDidNotCompleteMakesTheMergedRunPartialAndFailed(@TempDir Path dir) throws IOException {
        ShardFixtures.write(dir, SHARDS, 19);
        ShardFixtures.editSummary(dir.resolve("shard-1"), s -> s.put("status", "partial")
                .put("failure", "the target went down"));

        ShardMerge.merge(dir, GATE, ReportSettings.defaults());

        JsonNode summary = JSON.readTree(dir.resolve(RunFiles.SUMMARY).toFile());
        assertThat(summary.path("status").asText()).isEqualTo("partial");
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        assertThat(summary.path("failure").asText()).isEqualTo("shard-1: the target went down");
        assertThat(summary.has("regression")).isFalse();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("missing shard", dir -> delete(dir.resolve("shard-2")), "shard-2: missing"),
                refusal("duplicated index", dir -> shard(dir, 2, s -> ((ObjectNode) s.get("shard")).put("index", 1)),
                        "shard-2: shard index 1 is duplicated (also in shard-1)"),
                refusal("other run id", dir -> shard(dir, 1, s -> ((ObjectNode) s.get("shard")).put("runId", "other")),
                        "shard-1: runId other differs from shard-0's " + ShardFixtures.RUN_ID),
                refusal("other N", dir -> shard(dir, 2, s -> ((ObjectNode) s.get("shard")).put("count", 4)),
                        "shard-2: shard count N 4 differs from shard-0's 3"),
                refusal("other Gatling version", dir -> shard(dir, 1, s -> ((ObjectNode) s.get("shard").get("versions"))
                        .put("gatling", "3.14.0")), "shard-1: versions {\"gatling\":\"3.14.0\",\"salerush\":"
                        + "\"0.1.0-SNAPSHOT\"} differs from shard-0's {\"gatling\":\"3.15.0\",\"salerush\":\"0.1.0-SNAPSHOT\"}"),
                refusal("versions only in some shards", dir -> shard(dir, 2,
                        s -> ((ObjectNode) s.get("shard")).remove("versions")),
                        "shard-2: versions (none) differs from shard-0's"),
                refusal("other histogram settings", dir -> ShardFixtures.writeLog(dir.resolve("shard-1"), 1, 5,
                        new LatencyLogMerge.Settings(3_600_000, 2), null),
                        "shard-1: histogram settings highest trackable value 3600000, 2 significant digits differs"),
                refusal("no summary", dir -> delete(dir.resolve("shard-0").resolve(RunFiles.SUMMARY)),
                        "shard-0: no summary.json"),
                refusal("no latency log", dir -> delete(dir.resolve("shard-1").resolve(RunFiles.LATENCY_LOG)),
                        "shard-1: no latency.hlog"),
                refusal("not a shard", dir -> shard(dir, 0, s -> s.remove("shard")), "shard-0: summary.json has no"
                        + " 'shard' record"),
                refusal("a staircase beside runs without one", dir -> shard(dir, 0, s -> s.putArray("steps")),
                        "shard-1: no stress steps, while shard-0 has them"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shardsThatDoNotMakeOneRunAreRefusedBeforeAnythingIsWritten(String name, Consumer<Path> spoil,
                                                                    String message, @TempDir Path dir) {
        ShardFixtures.write(dir, SHARDS, 20);
        spoil.accept(dir);

        assertThatThrownBy(() -> ShardMerge.merge(dir, GATE, ReportSettings.defaults())).isInstanceOf(MergeRefused.class)
                .hasMessageContaining(message);
        assertThat(dir.resolve(RunFiles.SUMMARY)).doesNotExist();
        assertThat(dir.resolve(RunFiles.LATENCY_LOG)).doesNotExist();
    }

    @Test
    void aFolderWithoutShardsIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> ShardMerge.merge(dir, GATE, ReportSettings.defaults())).isInstanceOf(MergeRefused.class)
                .hasMessageContaining("holds no shard-<index> folder");
        assertThatThrownBy(() -> ShardMerge.merge(dir.resolve("absent"), GATE, ReportSettings.defaults())).isInstanceOf(MergeRefused.class)
                .hasMessageContaining("no folder at");
    }

    /** Same count, min, max and value at every percentile from 0 to 100 in steps of 0.1. */
    private static void assertSameValues(Histogram actual, Histogram expected) {
        assertThat(actual.getTotalCount()).isEqualTo(expected.getTotalCount()).isPositive();
        assertThat(actual.getMinValue()).isEqualTo(expected.getMinValue());
        assertThat(actual.getMaxValue()).isEqualTo(expected.getMaxValue());
        for (int tenths = 0; tenths <= 1000; tenths++) {
            double percentile = tenths / 10.0;
            assertThat(actual.getValueAtPercentile(percentile)).as("p%s", percentile)
                    .isEqualTo(expected.getValueAtPercentile(percentile));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static Arguments refusal(String name, Consumer<Path> spoil, String message) {
        return Arguments.of(name, spoil, message);
    }

    private static void shard(Path dir, int index, Consumer<ObjectNode> edit) {
        ShardFixtures.editSummary(dir.resolve("shard-" + index), edit);
    }

    private static void delete(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
