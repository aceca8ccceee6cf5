package dev.salerush.sim.bench;

import dev.salerush.sim.report.LatencyTimeline;
import dev.salerush.sim.results.RunFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where a run's slow responses fall, from the suite's per-second logs of the run folder: the seconds whose slowest
 * response took at least {@code thresholdMs}, each with its p99, max and the injector's longest stall in that second
 * ({@code injector-stalls.hlog}: the JVM of the injector not running its threads, e.g. GC or JIT safepoints).
 */
final class TailSeconds {
    private static final int SHOWN = 10;

    private TailSeconds() {
    }

    static String describe(Path runFolder, long thresholdMs) {
        List<LatencyTimeline.Point> seconds = LatencyTimeline.read(runFolder.resolve(RunFiles.LATENCY_LOG), Integer.MAX_VALUE);
        if (seconds.isEmpty()) {
            return "no per-second log";
        }
        Path stallsLog = runFolder.resolve("injector-stalls.hlog");
        Map<Long, Long> stallsMs = Files.exists(stallsLog) ? LatencyTimeline.read(stallsLog, Integer.MAX_VALUE).stream()
                .filter(p -> p.maxMs() != null)
                .collect(Collectors.toMap(p -> p.startMillis() / 1000, p -> p.maxMs() / 1000, Math::max)) : Map.of();
        // interval n of the log is the measured window's n-th second (the first may be a part of one)
        List<Integer> slow = IntStream.range(0, seconds.size())
                .filter(i -> seconds.get(i).maxMs() != null && seconds.get(i).maxMs() >= thresholdMs).boxed().toList();
        long calmMax = seconds.stream().filter(p -> p.maxMs() != null && p.maxMs() < thresholdMs)
                .mapToLong(LatencyTimeline.Point::maxMs).max().orElse(0);
        IntFunction<String> line = i -> {
            LatencyTimeline.Point p = seconds.get(i);
            return String.format(Locale.ROOT, "s%d p99 %d max %d (stall %d)", i + 1, p.p99Ms(), p.maxMs(),
                    stallsMs.getOrDefault(p.startMillis() / 1000, 0L));
        };
        return String.format(Locale.ROOT, "%d of %d seconds with a response >= %d ms%s; the others' max <= %d ms",
                slow.size(), seconds.size(), thresholdMs, slow.isEmpty() ? "" : ": " + slow.stream().limit(SHOWN)
                        .map(line::apply).collect(Collectors.joining(", ")) + (slow.size() > SHOWN ? ", ..." : ""), calmMax);
    }
}
