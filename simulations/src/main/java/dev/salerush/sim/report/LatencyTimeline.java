package dev.salerush.sim.report;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Throughput and latency over time from a run's {@code latency.hlog} (or the injector's stalls from
 * {@code injector-stalls.hlog}, which has only untagged intervals, in µs): all request names merged per one-second
 * interval, neighbouring intervals merged further for long runs (exactly: histograms add, percentiles are computed
 * from the merged histogram, never averaged).
 * <p>
 * The suite's log holds one tagged histogram per request name and interval, plus an untagged one that is their sum;
 * the tagged ones are merged and the untagged ones used only when a log has no tags (counting both would double).
 */
public final class LatencyTimeline {

    /**
     * One chart point: responses in [startMillis, endMillis] (epoch millis) and their exact percentiles in ms (null
     * for an interval without responses: no latency, not a latency of 0).
     */
    public record Point(long startMillis, long endMillis, long count, double rps, Long p50Ms, Long p95Ms, Long p99Ms,
                        Long maxMs) {
    }

    private LatencyTimeline() {
    }

    /** Reads the log twice (count, then merge) so even a 4-hour run never holds more than one merged histogram. */
    public static List<Point> read(Path hlog, int maxPoints) {
        TreeSet<Long> seconds = new TreeSet<>();
        boolean[] tagged = {false};
        forEachHistogram(hlog, h -> {
            seconds.add(intervalSecond(h));
            tagged[0] |= h.getTag() != null;
        });
        int groupSize = Downsampling.groupSize(seconds.size(), maxPoints);
        List<Long> ordered = new ArrayList<>(seconds);

        List<Point> points = new ArrayList<>();
        Group[] current = {null};
        forEachHistogram(hlog, h -> {
            if ((h.getTag() != null) != tagged[0]) {
                return;
            }
            // Group index from the interval's rank, so gaps in the log do not shift later groups.
            int rank = Collections.binarySearch(ordered, intervalSecond(h));
            int group = rank / groupSize;
            if (current[0] != null && current[0].index != group) {
                points.add(current[0].toPoint());
                current[0] = null;
            }
            if (current[0] == null) {
                current[0] = new Group(group);
            }
            current[0].add(h);
        });
        if (current[0] != null) {
            points.add(current[0].toPoint());
        }
        points.sort(Comparator.comparingLong(Point::startMillis));
        return points;
    }

    /** The suite flushes all request names at once, so histograms ending in the same second form one interval. */
    private static long intervalSecond(Histogram h) {
        return Math.round(h.getEndTimeStamp() / 1000.0);
    }

    private static void forEachHistogram(Path hlog, Consumer<Histogram> action) {
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(hlog.toFile());
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("no latency log " + hlog, e);
        }
        try {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (next instanceof Histogram h) {
                    action.accept(h);
                }
            }
        } finally {
            reader.close();
        }
    }

    private static final class Group {
        final int index;
        Histogram merged;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;

        Group(int index) {
            this.index = index;
        }

        void add(Histogram h) {
            if (merged == null) {
                merged = new Histogram(h.getLowestDiscernibleValue(), h.getHighestTrackableValue(),
                        h.getNumberOfSignificantValueDigits());
                merged.setAutoResize(true);
            }
            merged.add(h);
            start = Math.min(start, h.getStartTimeStamp());
            end = Math.max(end, h.getEndTimeStamp());
        }

        Point toPoint() {
            long count = merged.getTotalCount();
            double seconds = Math.max(end - start, 1) / 1000.0;
            return new Point(start, end, count, count / seconds, percentile(50), percentile(95), percentile(99),
                    count == 0 ? null : merged.getMaxValue());
        }

        private Long percentile(double p) {
            return merged.getTotalCount() == 0 ? null : merged.getValueAtPercentile(p);
        }
    }
}
