package dev.salerush.sim.stress;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.config.Stairs;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.SloEvaluator;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.server.ServerAggregate;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Watches a stress staircase as it runs, one second at a time: attributes each second to its step, judges the
 * profile's SLOs on it, and once they have been breached for the sustain window, asks the load generator to stop.
 * Afterwards it gives the per-step figures the breaking point is read from. Memory is one histogram per step and
 * request name.
 */
public final class StressController implements ExactRecorder.IntervalListener {
    private static final Logger log = LoggerFactory.getLogger(StressController.class);

    private final Stairs stairs;
    private final List<Slo> slos;
    private final double peakRps;
    private final double requestsPerUser;
    private final long loadStartMillis;
    private final StepAccumulator[] steps;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private int breachedSeconds;
    private long lastCpuNanos = -1;
    private long lastWallNanos;
    private volatile String stopReason;

    public StressController(Stairs stairs, List<Slo> slos, double peakRps, double requestsPerUser, long loadStartMillis) {
        this.stairs = stairs;
        this.slos = slos;
        this.peakRps = peakRps;
        this.requestsPerUser = requestsPerUser;
        this.loadStartMillis = loadStartMillis;
        this.steps = new StepAccumulator[stairs.steps()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new StepAccumulator();
        }
    }

    /** True once the SLOs have been breached for the sustain window: new users should not start. */
    public boolean shouldStop() {
        return stopReason != null;
    }

    public String stopReason() {
        return stopReason;
    }

    /** Offered rps of a step: its arriving users times the journey's mean requests per user. */
    public double offeredRps(int step) {
        return stairs.rate(step).usersPerSec(peakRps, requestsPerUser) * requestsPerUser;
    }

    @Override
    public synchronized void onInterval(long startMillis, long endMillis, Map<String, ExactRecorder.Interval> perRequest) {
        long middle = (startMillis + endMillis) / 2;
        int step = (int) ((middle - loadStartMillis) / stairs.hold().toMillis());
        if (step < 0 || step >= steps.length) {
            return;
        }
        double seconds = (endMillis - startMillis) / 1000.0;
        steps[step].add(perRequest, seconds, processCpuCores());
        watchForBreach(step, perRequest, seconds);
    }

    private void watchForBreach(int step, Map<String, ExactRecorder.Interval> perRequest, double seconds) {
        Map<String, LatencyStats> stats = new LinkedHashMap<>();
        Histogram all = new Histogram(3);
        long ok = 0;
        long ko = 0;
        for (Map.Entry<String, ExactRecorder.Interval> entry : perRequest.entrySet()) {
            ExactRecorder.Interval interval = entry.getValue();
            stats.put(entry.getKey(), LatencyStats.of(interval.ok(), interval.ko(), interval.latencies(), seconds));
            all.add(interval.latencies());
            ok += interval.ok();
            ko += interval.ko();
        }
        RecordedRun second = new RecordedRun(0, 0, LatencyStats.of(ok, ko, all, seconds), stats);
        List<SloResult> breached = SloEvaluator.evaluate(slos, second).stream()
                .filter(slo -> !slo.passed() && slo.actual() != null).toList();
        breachedSeconds = breached.isEmpty() ? 0 : breachedSeconds + 1;
        if (stopReason == null && breachedSeconds >= stairs.breachSustain().toSeconds()) {
            SloResult slo = breached.get(0);
            stopReason = String.format(Locale.ROOT, "stopped in step %d (%.1f rps offered) after the SLOs were breached"
                            + " for %d s in a row (last: %s %s > %s)", step, offeredRps(step), breachedSeconds, slo.name(),
                    format(slo.actual()), format(slo.threshold()));
            log.info(stopReason);
        }
    }

    /** The steps that were measured, with the server's figures over each one when {@code server} can give them. */
    public synchronized List<StepResult> results(BiFunction<Long, Long, ServerAggregate> server) {
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            StepAccumulator step = steps[i];
            if (step.seconds == 0) {
                break;
            }
            long from = loadStartMillis + i * stairs.hold().toMillis();
            results.add(step.result(i, offeredRps(i), slos, server == null ? null : server.apply(from, from + stairs.hold().toMillis())));
        }
        return results;
    }

    /**
     * The load generator JVM's CPU use since the previous interval, in cores (CPU time over wall time, so it is right
     * also when the JVM is confined to fewer cores than the machine has).
     */
    private double processCpuCores() {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        double cores = lastCpuNanos < 0 || cpu < 0 ? Double.NaN : (double) (cpu - lastCpuNanos) / (wall - lastWallNanos);
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return cores;
    }

    private static String format(Double value) {
        return value == null ? "n/a" : Numbers.fixed(value);
    }

    /** Everything measured during one step. */
    private static final class StepAccumulator {
        final Map<String, Histogram> latencies = new LinkedHashMap<>();
        final Map<String, long[]> okKoSent = new LinkedHashMap<>();
        double seconds;
        double cpuSum;
        int cpuSamples;

        void add(Map<String, ExactRecorder.Interval> perRequest, double intervalSeconds, double cpuCores) {
            perRequest.forEach((name, interval) -> {
                latencies.computeIfAbsent(name, n -> new Histogram(3)).add(interval.latencies());
                long[] counts = okKoSent.computeIfAbsent(name, n -> new long[3]);
                counts[0] += interval.ok();
                counts[1] += interval.ko();
                counts[2] += interval.sent();
            });
            seconds += intervalSeconds;
            if (!Double.isNaN(cpuCores)) {
                cpuSum += cpuCores;
                cpuSamples++;
            }
        }

        StepResult result(int index, double offeredRps, List<Slo> slos, ServerAggregate server) {
            Map<String, LatencyStats> perRequest = new LinkedHashMap<>();
            Histogram all = new Histogram(3);
            long ok = 0;
            long ko = 0;
            long sent = 0;
            for (Map.Entry<String, Histogram> entry : latencies.entrySet()) {
                long[] counts = okKoSent.get(entry.getKey());
                perRequest.put(entry.getKey(), LatencyStats.of(counts[0], counts[1], entry.getValue(), seconds));
                all.add(entry.getValue());
                ok += counts[0];
                ko += counts[1];
                sent += counts[2];
            }
            LatencyStats global = LatencyStats.of(ok, ko, all, seconds);
            List<SloResult> sloResults = SloEvaluator.evaluate(slos, new RecordedRun(0, 0, global, perRequest));
            return new StepResult(index, round(offeredRps), round(sent / seconds), round(ok / seconds),
                    global.p50Ms(), global.p95Ms(), global.p99Ms(), global.koPercent(), round(seconds),
                    sloResults.stream().allMatch(SloResult::passed), sloResults,
                    cpuSamples == 0 ? null : round(cpuSum / cpuSamples), server);
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }
}
