package dev.salerush.sim.metrics;

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

    @JsonPropertyOrder({"cores", "cpuCoresMean", "heapUsedMaxBytes", "heapUsedLastBytes", "heapMaxBytes"})
    public record Figures(int cores, Double cpuCoresMean, long heapUsedMaxBytes, long heapUsedLastBytes, long heapMaxBytes) {
    }

    @Override
    public synchronized void onInterval(long startMillis, long endMillis, Map<String, ExactRecorder.Interval> perRequest) {
        heapUsedLast = memory.getHeapMemoryUsage().getUsed();
        heapUsedMax = Math.max(heapUsedMax, heapUsedLast);
    }

    public synchronized Figures figures() {
        long cpu = os.getProcessCpuTime();
        Double cpuCores = cpu < 0 || startCpuNanos < 0 ? null
                : Math.round(100.0 * (cpu - startCpuNanos) / (System.nanoTime() - startWallNanos)) / 100.0;
        return new Figures(Runtime.getRuntime().availableProcessors(), cpuCores, heapUsedMax, heapUsedLast,
                memory.getHeapMemoryUsage().getMax());
    }
}
