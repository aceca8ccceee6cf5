package dev.salerush.sim.metrics;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds the {@code latency.hlog} of several injectors (the shards of one run) into one log of the same format: per
 * request tag and per second, the histograms of every shard are summed (exactly: HdrHistogram adds counts, nothing is
 * averaged), and the untagged "all requests" interval of each second is rebuilt as the sum of that second's tagged
 * ones. The logs are read side by side, one second at a time, so memory is one histogram per tag and second in flight
 * plus the run totals, however long the run.
 * <p>
 * Each shard flushes its intervals on its own clock; an interval belongs to the second its end rounds to (as in the
 * report's timeline), and the merged interval spans from the earliest to the latest of the intervals it adds.
 */
public final class LatencyLogMerge {

    /** A histogram's range and precision: histograms of different settings must not be added. */
    public record Settings(long highestTrackableValue, int significantDigits) {
        /** What the suite's {@link ExactRecorder} records with. */
        public static final Settings RECORDER = new Settings(ExactRecorder.HIGHEST_TRACKABLE_MS,
                ExactRecorder.SIGNIFICANT_DIGITS);

        static Settings of(Histogram histogram) {
            return new Settings(histogram.getHighestTrackableValue(), histogram.getNumberOfSignificantValueDigits());
        }

        Histogram newHistogram() {
            return new Histogram(highestTrackableValue, significantDigits);
        }

        @Override
        public String toString() {
            return "highest trackable value " + highestTrackableValue + ", " + significantDigits + " significant digits";
        }
    }

    /**
     * What the merged log holds, in total.
     *
     * @param perTag      every request tag's histogram over the whole run (tags as in the log: spaces are '_')
     * @param all         every response of every tag
     * @param startMillis the start of the earliest interval (epoch ms)
     * @param endMillis   the end of the latest interval (epoch ms)
     * @param seconds     how many one-second intervals the merged log has
     */
    public record Merged(Map<String, Histogram> perTag, Histogram all, long startMillis, long endMillis, int seconds) {
    }

    private LatencyLogMerge() {
    }

    /**
     * The settings of every interval in {@code hlog}: null for a log without intervals; an {@link IllegalStateException}
     * when the log mixes settings (it was not written by one recorder).
     */
    public static Settings settingsOf(Path hlog) {
        Settings found = null;
        try (Log log = new Log(hlog)) {
            for (Histogram h = log.next(); h != null; h = log.next()) {
                Settings these = Settings.of(h);
                if (found != null && !found.equals(these)) {
                    throw new IllegalStateException(hlog + " mixes histogram settings: " + found + " and " + these);
                }
                found = these;
            }
        }
        return found;
    }

    /** Writes the sum of {@code logs} (all of {@code settings}, see {@link #settingsOf}) to {@code out}. */
    public static Merged merge(List<Path> logs, Settings settings, Path out) {
        List<Log> readers = new ArrayList<>();
        try {
            logs.forEach(log -> readers.add(new Log(log)));
            readers.forEach(Log::peek);
            long logStart = readers.stream().filter(r -> r.peek() != null).mapToLong(Log::startMillis).min()
                    .orElse(0);
            Totals totals = new Totals(settings);
            try (IntervalLogFile merged = IntervalLogFile.open(out, logStart, "merged from " + logs.size()
                    + " shard logs")) {
                for (Long second = earliestSecond(readers); second != null; second = earliestSecond(readers)) {
                    Second interval = new Second(settings);
                    for (Log reader : readers) {
                        while (reader.peek() != null && second(reader.peek()) == second) {
                            interval.add(reader.next());
                        }
                    }
                    interval.writeTo(merged);
                    totals.add(interval);
                }
            }
            return totals.result();
        } finally {
            readers.forEach(Log::close);
        }
    }

    /** Every tagged interval of {@code hlog}, in order (the untagged sums are skipped). */
    public static void forEachTagged(Path hlog, java.util.function.Consumer<Histogram> action) {
        try (Log log = new Log(hlog)) {
            for (Histogram h = log.next(); h != null; h = log.next()) {
                action.accept(h);
            }
        }
    }

    private static Long earliestSecond(List<Log> readers) {
        Long earliest = null;
        for (Log reader : readers) {
            Histogram next = reader.peek();
            if (next != null && (earliest == null || second(next) < earliest)) {
                earliest = second(next);
            }
        }
        return earliest;
    }

    /** The suite flushes all request names at once, so histograms ending in the same second form one interval. */
    static long second(Histogram interval) {
        return Math.round(interval.getEndTimeStamp() / 1000.0);
    }

    /** One merged second: a histogram per tag, their sum, and the span of the shard intervals added. */
    private static final class Second {
        final Settings settings;
        final Map<String, Histogram> perTag = new TreeMap<>();
        final Histogram all;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;

        Second(Settings settings) {
            this.settings = settings;
            this.all = settings.newHistogram();
        }

        void add(Histogram shardInterval) {
            start = Math.min(start, shardInterval.getStartTimeStamp());
            end = Math.max(end, shardInterval.getEndTimeStamp());
            perTag.computeIfAbsent(shardInterval.getTag(), tag -> settings.newHistogram()).add(shardInterval);
            all.add(shardInterval);
        }

        void writeTo(IntervalLogFile log) {
            perTag.forEach((tag, histogram) -> {
                histogram.setTag(tag);
                log.write(histogram, start, end);
            });
            if (!perTag.isEmpty()) {
                log.write(all, start, end);
            }
        }
    }

    /** The run totals over every merged second. */
    private static final class Totals {
        final Settings settings;
        final Map<String, Histogram> perTag = new TreeMap<>();
        final Histogram all;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        int seconds;

        Totals(Settings settings) {
            this.settings = settings;
            this.all = settings.newHistogram();
        }

        void add(Second second) {
            second.perTag.forEach((tag, h) -> perTag.computeIfAbsent(tag, t -> settings.newHistogram()).add(h));
            all.add(second.all);
            start = Math.min(start, second.start);
            end = Math.max(end, second.end);
            seconds++;
        }

        Merged result() {
            return seconds == 0 ? new Merged(Map.of(), all, 0, 0, 0)
                    : new Merged(Map.copyOf(perTag), all, start, end, seconds);
        }
    }

    /**
     * One shard's log, read one tagged interval ahead. Untagged intervals are skipped: the suite writes them as the
     * sum of the tagged ones of the same second, so adding both would count every response twice.
     */
    private static final class Log implements AutoCloseable {
        private final HistogramLogReader reader;
        private final Path file;
        private Histogram ahead;
        private boolean ended;

        Log(Path file) {
            this.file = file;
            try {
                this.reader = new HistogramLogReader(file.toFile());
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException("cannot read the interval log " + file, e);
            }
        }

        Histogram peek() {
            if (ahead == null && !ended) {
                ahead = read();
                ended = ahead == null;
            }
            return ahead;
        }

        Histogram next() {
            Histogram next = peek();
            ahead = null;
            return next;
        }

        /** The log's StartTime header (epoch ms); valid once an interval was read. */
        long startMillis() {
            return Math.round(reader.getStartTimeSec() * 1000);
        }

        private Histogram read() {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                if (!(h instanceof Histogram histogram)) {
                    throw new IllegalStateException(file + " holds a " + h.getClass().getSimpleName()
                            + ", not the integer histograms the suite writes");
                }
                if (histogram.getTag() != null) {
                    return histogram;
                }
            }
            return null;
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
