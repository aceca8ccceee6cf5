package dev.salerush.sim.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.IntervalLogFile;
import dev.salerush.sim.metrics.LatencyLogMerge;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.shard.ShardContract;
import dev.salerush.sim.shard.ShardInfo;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Shard run folders as a sharded run leaves them: a latency.hlog written with the suite's own {@link IntervalLogFile}
 * (one tagged histogram per request and second, plus their untagged sum, as the recorder writes) holding random
 * skewed response times, and a summary.json (the smoke fixture's, with this shard's figures and {@code shard}
 * record). Every value also goes into a reference: what one injector would have recorded for the whole run.
 */
final class ShardFixtures {
    static final String RUN_ID = "20261206-180000-load";
    static final List<String> REQUESTS = List.of("list products", "product detail", "place order");
    static final long START = 1_795_601_700_000L;
    static final int SECONDS = 25;
    /** Each shard flushes on its own clock: its intervals are this much later than the previous shard's. */
    static final long PHASE_MS = 137;
    static final double P95_THRESHOLD = 15;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Everything all shards recorded, as one injector would have: the expected merge. */
    static final class Reference {
        final Histogram all = newHistogram(LatencyLogMerge.Settings.RECORDER);
        final Map<String, Histogram> perRequest = new TreeMap<>();
        /** Responses per second (epoch second the intervals end in). */
        final Map<Long, Long> perSecond = new TreeMap<>();
        long ok;
        long ko;
    }

    private ShardFixtures() {
    }

    /** {@code count} shard folders in {@code dir}; returns the reference of all their values. */
    static Reference write(Path dir, int count, long seed) {
        Reference reference = new Reference();
        for (int shard = 0; shard < count; shard++) {
            Path shardDir = dir.resolve(ShardContract.SHARD_FOLDER_PREFIX + shard);
            Map<String, Histogram> totals = writeLog(shardDir, shard, seed, LatencyLogMerge.Settings.RECORDER,
                    reference);
            writeSummary(shardDir, shard, count, totals, new Random(seed + shard), reference);
        }
        return reference;
    }

    /**
     * Writes one shard's latency.hlog; returns its totals per request name. {@code reference} (may be null) receives
     * every value.
     */
    static Map<String, Histogram> writeLog(Path shardDir, int shard, long seed, LatencyLogMerge.Settings settings,
                                           Reference reference) {
        Random random = new Random(seed * 31 + shard);
        Map<String, Histogram> totals = new LinkedHashMap<>();
        long phase = START + shard * PHASE_MS;
        try {
            Files.createDirectories(shardDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (IntervalLogFile log = IntervalLogFile.open(shardDir.resolve(RunFiles.LATENCY_LOG), phase, null)) {
            for (int second = 0; second < SECONDS; second++) {
                long from = phase + second * 1000L;
                long to = from + 1000;
                Histogram sum = newHistogram(settings);
                for (int r = 0; r < REQUESTS.size(); r++) {
                    Histogram interval = newHistogram(settings);
                    int responses = 20 + random.nextInt(180);
                    for (int n = 0; n < responses; n++) {
                        long value = skewed(random, r, shard);
                        interval.recordValue(value);
                        if (reference != null) {
                            reference.all.recordValue(value);
                            reference.perRequest.computeIfAbsent(REQUESTS.get(r),
                                    name -> newHistogram(LatencyLogMerge.Settings.RECORDER)).recordValue(value);
                            reference.perSecond.merge(Math.round(to / 1000.0), 1L, Long::sum);
                        }
                    }
                    interval.setTag(ExactRecorder.logTag(REQUESTS.get(r)));
                    log.write(interval, from, to);
                    sum.add(interval);
                    totals.computeIfAbsent(REQUESTS.get(r), name -> newHistogram(settings)).add(interval);
                }
                log.write(sum, from, to);
            }
        }
        return totals;
    }

    /** Mostly a few ms, log-normal, slower on later shards and heavier requests, with rare outliers of seconds. */
    private static long skewed(Random random, int request, int shard) {
        if (random.nextInt(400) == 0) {
            return 1_000 + random.nextInt(120_000);
        }
        double value = Math.exp(random.nextGaussian() * 0.9 + 1 + 0.6 * request + 0.3 * shard);
        return Math.max(1, Math.round(value));
    }

    private static void writeSummary(Path shardDir, int shard, int count, Map<String, Histogram> totals,
                                     Random random, Reference reference) {
        ObjectNode summary = template();
        Instant started = Instant.ofEpochMilli(START + shard * PHASE_MS - 5_000);
        summary.put("runId", RUN_ID);
        summary.put("profile", "load");
        summary.put("startedAt", started.toString());
        summary.put("endedAt", started.plusSeconds(SECONDS + 10).toString());
        ObjectNode requests = summary.putObject("requests");
        long ok = 0;
        long ko = 0;
        Histogram all = newHistogram(LatencyLogMerge.Settings.RECORDER);
        for (Map.Entry<String, Histogram> entry : totals.entrySet()) {
            long responses = entry.getValue().getTotalCount();
            long failed = random.nextInt(20);
            long withoutResponse = random.nextInt(5);
            LatencyStats stats = LatencyStats.of(responses - failed, failed + withoutResponse, entry.getValue(),
                    SECONDS);
            requests.set(entry.getKey(), JSON.valueToTree(stats));
            ok += stats.ok();
            ko += stats.ko();
            all.add(entry.getValue());
        }
        LatencyStats global = LatencyStats.of(ok, ko, all, SECONDS);
        summary.set("global", JSON.valueToTree(global));
        summary.set("slo", JSON.valueToTree(List.of(new SloResult("browsing p95", "p95Ms", null, P95_THRESHOLD,
                global.p95Ms().doubleValue(), global.p95Ms() <= P95_THRESHOLD, null))));
        summary.remove("regression");
        summary.remove("integrity");
        long startAt = START - 2_000;
        summary.set("shard", JSON.valueToTree(new ShardInfo(shard, count, RUN_ID, startAt, startAt + 3 * shard,
                3L * shard, global.rps(), 0, "completed", VERSIONS)));
        reference.ok += ok;
        reference.ko += ko;
        write(shardDir.resolve(RunFiles.SUMMARY), summary);
    }

    /** What every fixture shard ran with (the shard record's {@code versions}). */
    static final Map<String, String> VERSIONS = new TreeMap<>(Map.of("salerush", "0.1.0-SNAPSHOT", "gatling", "3.15.0"));

    /** Changes a shard's summary.json in place (for the refusal cases). */
    static void editSummary(Path shardDir, Consumer<ObjectNode> edit) {
        try {
            ObjectNode summary = (ObjectNode) JSON.readTree(shardDir.resolve(RunFiles.SUMMARY).toFile());
            edit.accept(summary);
            write(shardDir.resolve(RunFiles.SUMMARY), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode template() {
        try (var in = ShardFixtures.class.getResourceAsStream("/report-fixtures/20261125-101500-smoke/summary.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, ObjectNode summary) {
        try {
            JSON.writeValue(file.toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Histogram newHistogram(LatencyLogMerge.Settings settings) {
        return new Histogram(settings.highestTrackableValue(), settings.significantDigits());
    }
}
