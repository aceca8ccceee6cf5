package dev.salerush.sim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The load generator's own stalls (the jHiccup idea): a probe thread in the injector JVM sleeps a fixed short period
 * and records how late it woke. Whatever delays it — a GC pause, a starved core, a suspended VM — delays Gatling's
 * threads too, and requests that should have left during the stall leave late without their waiting time being in
 * any response time (coordinated omission). This makes the stalls visible.
 * <p>
 * Lateness is recorded in microseconds with the probe period as the expected interval, so a 200 ms stall also counts
 * the 199, 198, ... ms the probe would have seen had it woken on time: a percentile is then the lateness at a random
 * instant of the run, not per wake-up. Once a second the interval is written to its own HdrHistogram interval log
 * (untagged; values in µs) and handed to the listeners; the run totals stay in memory.
 */
public final class StallDetector implements AutoCloseable {
    /** Lateness above ten minutes is clamped to it. */
    static final long HIGHEST_TRACKABLE_MICROS = 600_000_000L;
    static final int SIGNIFICANT_DIGITS = 2;

    /** Receives every one-second interval; the histogram (µs) is only valid during the call: copy what you keep. */
    public interface Listener {
        void onStalls(long startMillis, long endMillis, Histogram latenessMicros);
    }

    /** How the probe waits one period (a test replaces it to force a pause). */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /**
     * The run's stall figures (ms, one decimal).
     *
     * @param p99Ms          the lateness 99 % of the run's instants stayed within
     * @param maxMs          the longest stall
     * @param boundMs        the configured bound
     * @param stalled        whether the longest stall exceeded the bound
     * @param stalledSeconds seconds of the run whose longest stall exceeded the bound
     */
    public record Totals(double p99Ms, double maxMs, double boundMs, boolean stalled, long stalledSeconds) {
    }

    private final long periodNanos;
    private final long boundMicros;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    private final Histogram total = newHistogram();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final IntervalLogFile intervalLog;
    private Histogram recycled;
    private long lastFlushMillis;
    private long stalledSeconds;
    private Thread probe;
    private EverySecond flusher;
    private volatile boolean running = true;
    private boolean closed;

    StallDetector(Path intervalLog, Duration period, Duration bound, long startMillis, LongSupplier nanoClock,
                  Sleeper sleeper) {
        this.periodNanos = period.toNanos();
        this.boundMicros = bound.toNanos() / 1_000;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.lastFlushMillis = startMillis;
        this.intervalLog = IntervalLogFile.open(intervalLog, startMillis,
                "injector stalls: how late a probe thread woke, in microseconds (Interval_Max in ms)");
    }

    /**
     * Starts the probe thread (waking every {@code period}) and the once-a-second flush to {@code intervalLog}; a stall
     * longer than {@code bound} flags the run.
     */
    public static StallDetector start(Path intervalLog, Duration period, Duration bound) {
        StallDetector detector = new StallDetector(intervalLog, period, bound, System.currentTimeMillis(),
                System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
        detector.startThreads();
        return detector;
    }

    void startThreads() {
        probe = new Thread(this::probeLoop, "salerush-stall-probe");
        probe.setDaemon(true);
        // above Gatling's threads, as jHiccup's: the probe measures the JVM's and the core's stalls, not its own turn
        probe.setPriority(Thread.MAX_PRIORITY);
        probe.start();
        flusher = EverySecond.start("salerush-stall-flush", () -> flush(System.currentTimeMillis()));
    }

    /** Adds a listener for the intervals flushed from now on. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    private void probeLoop() {
        long before = nanoClock.getAsLong();
        while (running) {
            try {
                before = probeOnce(before);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sleeps one period and records how late it woke; returns the wake-up time (the next period's start). */
    long probeOnce(long before) throws InterruptedException {
        sleeper.sleep(periodNanos);
        long after = nanoClock.getAsLong();
        recordLateness(after - before - periodNanos);
        return after;
    }

    /** Records one wake-up {@code latenessNanos} late (an early one counts as on time). */
    void recordLateness(long latenessNanos) {
        long micros = Math.min(Math.max(latenessNanos, 0) / 1_000, HIGHEST_TRACKABLE_MICROS);
        recorder.recordValueWithExpectedInterval(micros, periodNanos / 1_000);
    }

    /** Ends the interval at {@code nowMillis}: logs it, adds it to the run's totals and hands it to the listeners. */
    synchronized void flush(long nowMillis) {
        if (closed) {
            return;
        }
        Histogram interval = recorder.getIntervalHistogram(recycled);
        recycled = interval;
        interval.setStartTimeStamp(lastFlushMillis);
        interval.setEndTimeStamp(nowMillis);
        long intervalStart = lastFlushMillis;
        lastFlushMillis = nowMillis;
        total.add(interval);
        if (interval.getTotalCount() > 0) {
            if (interval.getMaxValue() > boundMicros) {
                stalledSeconds++;
            }
            intervalLog.write(interval, intervalStart, nowMillis);
            intervalLog.flush();
        }
        for (Listener listener : listeners) {
            listener.onStalls(intervalStart, nowMillis, interval);
        }
    }

    /** The run's figures so far; after {@link #close()} the final ones. */
    public synchronized Totals totals() {
        boolean any = total.getTotalCount() > 0;
        long max = any ? total.getMaxValue() : 0;
        return new Totals(toMillis(any ? total.getValueAtPercentile(99) : 0), toMillis(max), toMillis(boundMicros),
                max > boundMicros, stalledSeconds);
    }

    /** Microseconds as milliseconds with one decimal. */
    public static double toMillis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }

    /** A histogram as the detector's (µs, up to ten minutes), for those who add its intervals up. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Stops the probe, flushes the last interval and closes the log. Idempotent; leaves no thread behind. */
    @Override
    public void close() {
        running = false;
        if (probe != null) {
            probe.interrupt();
            join(probe);
        }
        if (flusher != null) {
            flusher.close();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            flush(System.currentTimeMillis());
            closed = true;
            intervalLog.close();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
