package dev.salerush.sim.bench;

import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.IntervalLogFile;
import dev.salerush.sim.metrics.LatencyLogMerge;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark (prints figures): how long adding the latency.hlog of {@code shards} shards of a {@code minutes}-minute
 * run takes (three request names, {@code rps} responses a second per shard), as a share of the run's length, and the
 * heap it needed — the merge reads the logs side by side, so neither should grow faster than the run. Run from the
 * project root after {@code ./mvnw -q -pl simulations -am test-compile}:
 * {@code java -cp "simulations/target/test-classes:simulations/target/classes:$(cat simulations/target/test-classpath.txt)"
 * dev.salerush.sim.bench.ShardMergeBenchmark [shards] [minutes] [rps]}.
 */
public final class ShardMergeBenchmark {
    private static final List<String> REQUESTS = List.of("list products", "product detail", "place order");

    private ShardMergeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int shards = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int rps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path work = Files.createTempDirectory("salerush-merge-bench");
        try {
            List<Path> logs = new ArrayList<>();
            long start = System.currentTimeMillis();
            for (int shard = 0; shard < shards; shard++) {
                logs.add(writeLog(work.resolve("shard-" + shard + ".hlog"), start + shard * 137L, minutes * 60, rps,
                        shard));
            }
            long logBytes = 0;
            for (Path log : logs) {
                logBytes += Files.size(log);
            }
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();
            long began = System.nanoTime();
            LatencyLogMerge.Merged merged = LatencyLogMerge.merge(logs, LatencyLogMerge.Settings.RECORDER,
                    work.resolve("merged.hlog"));
            double seconds = (System.nanoTime() - began) / 1e9;
            long heapAfter = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf(Locale.ROOT, "%d shards x %d min x %d rps: %,d responses, %d merged seconds, logs %.1f MB;"
                            + " merged in %.2f s = %.5f of the run's length; heap grew %.1f MB%n", shards, minutes, rps,
                    merged.all().getTotalCount(), merged.seconds(), logBytes / 1e6, seconds,
                    seconds / (minutes * 60.0), (heapAfter - heapBefore) / 1e6);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static Path writeLog(Path file, long start, int seconds, int rps, int shard) {
        Random random = new Random(shard);
        try (IntervalLogFile log = IntervalLogFile.open(file, start, null)) {
            for (int second = 0; second < seconds; second++) {
                long from = start + second * 1000L;
                Histogram sum = new Histogram(LatencyLogMerge.Settings.RECORDER.highestTrackableValue(), 3);
                for (String request : REQUESTS) {
                    Histogram interval = new Histogram(LatencyLogMerge.Settings.RECORDER.highestTrackableValue(), 3);
                    for (int n = 0; n < rps / REQUESTS.size(); n++) {
                        interval.recordValue(1 + (long) Math.exp(random.nextGaussian() + 1.5));
                    }
                    interval.setTag(ExactRecorder.logTag(request));
                    log.write(interval, from, from + 1000);
                    sum.add(interval);
                }
                log.write(sum, from, from + 1000);
            }
        }
        return file;
    }
}
