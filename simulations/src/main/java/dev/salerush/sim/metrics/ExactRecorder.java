package dev.salerush.sim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records every response time of a run, per request name, in HdrHistograms.
 * <p>
 * Gatling 3.15 keeps only approximate (t-digest) percentiles and writes no machine-readable stats, so the suite
 * measures itself: every response's time (Gatling's own start and end timestamps) is reported here, a
 * {@link Recorder} per request name collects them lock-free, and once a second the interval histograms are written to an HdrHistogram interval log (mergeable
 * across runs and injectors) and added to the run totals. Memory stays bounded however long the run lasts.
 */
public final class ExactRecorder implements AutoCloseable {
    /** Response times above one hour are clamped to it (a request-timeout is far shorter). */
    static final long HIGHEST_TRACKABLE_MS = 3_600_000;
    static final int SIGNIFICANT_DIGITS = 3;

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final WarmupCount warmup = new WarmupCount();
    private final List<IntervalListener> listeners = new CopyOnWriteArrayList<>();
    private final IntervalLogFile intervalLog;
    private final EverySecond flusher;
    private final long startMillis;
    private long lastFlushMillis;
    /** When the first measured request was sent: the rate window starts there, after any warm-up. */
    private final java.util.concurrent.atomic.AtomicLong firstSentMillis = new java.util.concurrent.atomic.AtomicLong();
    private volatile long stopMillis;

    private ExactRecorder(Path intervalLog, long startMillis) {
        this.startMillis = startMillis;
        this.lastFlushMillis = startMillis;
        this.intervalLog = IntervalLogFile.open(intervalLog, startMillis, null);
        this.flusher = EverySecond.start("salerush-metrics-flush", this::flush);
    }

    /** Starts recording; the interval log is written to {@code intervalLog} once a second. */
    public static ExactRecorder start(Path intervalLog) {
        return new ExactRecorder(intervalLog, System.currentTimeMillis());
    }

    /** Records the response time of a response that arrived (whatever its status). */
    public void recordResponseTime(String request, long millis) {
        series(request).recorder.recordValue(Math.min(Math.max(millis, 0), HIGHEST_TRACKABLE_MS));
    }

    /** Records that a request is being sent (before its response), so offered and achieved rates can be compared. */
    public void recordSent(String request) {
        if (firstSentMillis.get() == 0) {
            firstSentMillis.compareAndSet(0, System.currentTimeMillis());
        }
        series(request).sent.increment();
    }

    /** What the warm-up sent: counted here, measured nowhere. */
    public WarmupCount warmup() {
        return warmup;
    }

    /** Records Gatling's verdict on a request once its checks ran: OK, or KO (bad status, failed check, no response). */
    public void recordOutcome(String request, boolean ok) {
        Series s = series(request);
        (ok ? s.ok : s.ko).increment();
    }

    private Series series(String request) {
        return series.computeIfAbsent(request, Series::new);
    }

    /** Stops recording, flushes the last interval and closes the log. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopMillis != 0) {
            return;
        }
        flusher.close();
        stopMillis = System.currentTimeMillis();
        flush();
        intervalLog.close();
    }

    /** Totals so far; after {@link #close()} these are the run's final figures. */
    public synchronized RecordedRun snapshot() {
        long end = stopMillis != 0 ? stopMillis : System.currentTimeMillis();
        long start = Math.max(startMillis, firstSentMillis.get());
        double seconds = (end - start) / 1000.0;
        Histogram all = newHistogram();
        long ok = 0;
        long ko = 0;
        Map<String, LatencyStats> perRequest = new LinkedHashMap<>();
        for (Series s : series.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).toList()) {
            perRequest.put(s.name, LatencyStats.of(s.ok.sum(), s.ko.sum(), s.total, seconds));
            all.add(s.total);
            ok += s.ok.sum();
            ko += s.ko.sum();
        }
        return new RecordedRun(start, end, LatencyStats.of(ok, ko, all, seconds), perRequest);
    }

    /**
     * Receives every one-second interval as it is flushed. The histograms are only valid during the call (they are
     * recycled): copy what you keep.
     */
    public interface IntervalListener {
        void onInterval(long startMillis, long endMillis, Map<String, Interval> perRequest);
    }

    /** One request name's figures over one interval. */
    public record Interval(Histogram latencies, long ok, long ko, long sent) {
    }

    /** Adds a listener for the intervals flushed from now on. */
    public void addListener(IntervalListener listener) {
        listeners.add(listener);
    }

    private synchronized void flush() {
        Histogram allInterval = null;
        long intervalStart = lastFlushMillis;
        long intervalEnd = System.currentTimeMillis();
        lastFlushMillis = intervalEnd;
        Map<String, Interval> perRequest = new LinkedHashMap<>();
        for (Series s : series.values()) {
            Histogram interval = s.recorder.getIntervalHistogram(s.recycled);
            s.recycled = interval;
            s.total.add(interval);
            perRequest.put(s.name, new Interval(interval, s.okDelta(), s.koDelta(), s.sentDelta()));
            if (interval.getTotalCount() > 0) {
                interval.setTag(logTag(s.name));
                writeInterval(interval);
                if (allInterval == null) {
                    allInterval = newHistogram();
                    allInterval.setStartTimeStamp(interval.getStartTimeStamp());
                }
                allInterval.add(interval);
                allInterval.setEndTimeStamp(Math.max(allInterval.getEndTimeStamp(), interval.getEndTimeStamp()));
            }
        }
        if (allInterval != null) {
            writeInterval(allInterval);
        }
        intervalLog.flush();
        for (IntervalListener listener : listeners) {
            listener.onInterval(intervalStart, intervalEnd, perRequest);
        }
    }

    /** Values are milliseconds, so the legend's Interval_Max column (value / 1000) is in seconds. */
    private void writeInterval(Histogram interval) {
        intervalLog.write(interval, interval.getStartTimeStamp(), interval.getEndTimeStamp());
    }

    /**
     * The interval log's tag for a request name. HdrHistogram's log reader splits on spaces and commas, so those
     * become '_' and ';' ("list products" is tagged "list_products").
     */
    public static String logTag(String requestName) {
        return requestName.replace(' ', '_').replace(',', ';');
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_MS, SIGNIFICANT_DIGITS);
    }

    /** Counters and histograms of one request name. */
    private static final class Series {
        final String name;
        final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_MS, SIGNIFICANT_DIGITS);
        final Histogram total = newHistogram();
        final LongAdder ok = new LongAdder();
        final LongAdder ko = new LongAdder();
        final LongAdder sent = new LongAdder();
        Histogram recycled;
        private long okReported;
        private long koReported;
        private long sentReported;

        long sentDelta() {
            long now = sent.sum();
            long delta = now - sentReported;
            sentReported = now;
            return delta;
        }

        long okDelta() {
            long now = ok.sum();
            long delta = now - okReported;
            okReported = now;
            return delta;
        }

        long koDelta() {
            long now = ko.sum();
            long delta = now - koReported;
            koReported = now;
            return delta;
        }

        Series(String name) {
            this.name = name;
        }
    }
}
