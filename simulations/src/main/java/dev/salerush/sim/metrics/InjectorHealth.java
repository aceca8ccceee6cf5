package dev.salerush.sim.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * The load generator's own health over a run, sampled once a second: heap in use (recording must stay bounded for
 * hours) and CPU in cores (an injector near its cores' limit cannot be trusted to offer the configured load).
 */
public final class InjectorHealth implements ExactRecorder.IntervalListener {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long startCpuNanos = os.getProcessCpuTime();
    private final long startWallNanos = System.nanoTime();
    private long heapUsedMax;
    private long heapUsedLast;

    /**
     * summary.json's {@code injector}. The stall fields come from the {@link StallDetector} (null in runs recorded
     * before it existed): {@code stallP99Ms} and {@code stallMaxMs} over the run, and {@code stalled} when the longest
     * stall exceeded {@code stallBoundMs}, in {@code stalledSeconds} seconds of the run.
     */
    @JsonPropertyOrder({"cores", "cpuCoresMean", "heapUsedMaxBytes", "heapUsedLastBytes", "heapMaxBytes", "stallP99Ms",
            "stallMaxMs", "stallBoundMs", "stalled", "stalledSeconds"})
    public record Figures(int cores, Double cpuCoresMean, long heapUsedMaxBytes, long heapUsedLastBytes, long heapMaxBytes,
                          Double stallP99Ms, Double stallMaxMs, Double stallBoundMs, Boolean stalled,
                          Long stalledSeconds) {

        /**
         * The warning printed beside the percentiles when the injector stalled longer than its bound, else null:
         * requests due during a stall left late, and their wait is in no response time.
         */
        @JsonIgnore
        public String stallWarning() {
            if (!Boolean.TRUE.equals(stalled)) {
                return null;
            }
            return "the injector itself stalled up to " + Numbers.fixed(stallMaxMs, 1) + " ms (p99 "
                    + Numbers.fixed(stallP99Ms, 1) + " ms; bound " + Numbers.fixed(stallBoundMs, 1) + " ms"
                    + (stalledSeconds == null ? "" : ", exceeded in " + stalledSeconds + " s of the run")
                    + "): requests due during a stall left late, and that wait is in none of these percentiles";
        }
    }

    @Override
    public synchronized void onInterval(long startMillis, long endMillis, Map<String, ExactRecorder.Interval> perRequest) {
        heapUsedLast = memory.getHeapMemoryUsage().getUsed();
        heapUsedMax = Math.max(heapUsedMax, heapUsedLast);
    }

    /** The figures so far, with the stall detector's totals ({@code null}: no detector ran). */
    public synchronized Figures figures(StallDetector.Totals stalls) {
        long cpu = os.getProcessCpuTime();
        Double cpuCores = cpu < 0 || startCpuNanos < 0 ? null
                : Math.round(100.0 * (cpu - startCpuNanos) / (System.nanoTime() - startWallNanos)) / 100.0;
        return new Figures(Runtime.getRuntime().availableProcessors(), cpuCores, heapUsedMax, heapUsedLast,
                memory.getHeapMemoryUsage().getMax(), stalls == null ? null : stalls.p99Ms(),
                stalls == null ? null : stalls.maxMs(), stalls == null ? null : stalls.boundMs(),
                stalls == null ? null : stalls.stalled(), stalls == null ? null : stalls.stalledSeconds());
    }
}
