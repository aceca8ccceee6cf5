package dev.salerush.sim.results;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Writes HdrHistogram interval logs the way ExactRecorder does: one tagged histogram per request and second. */
public final class IntervalLogs {
    private IntervalLogs() {
    }

    /** {@code intervals} seconds of random latencies for each request name, starting at {@code startMillis}. */
    public static List<Map<String, Histogram>> random(long startMillis, int intervals, List<String> requests, long seed) {
        Random random = new Random(seed);
        List<Map<String, Histogram>> log = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            Map<String, Histogram> interval = new LinkedHashMap<>();
            for (int r = 0; r < requests.size(); r++) {
                Histogram h = new Histogram(3_600_000, 3);
                int responses = 5 + random.nextInt(50) + i;
                for (int n = 0; n < responses; n++) {
                    h.recordValue(1 + (long) Math.abs(random.nextGaussian() * (5 + r * 20 + i % 7)));
                }
                // request names flush a few ms apart, as the recorder's histograms do
                h.setStartTimeStamp(startMillis + i * 1000L + r * 7L);
                h.setEndTimeStamp(startMillis + (i + 1) * 1000L + r * 3L);
                interval.put(requests.get(r), h);
            }
            log.add(interval);
        }
        return log;
    }

    /** The log file; with {@code untaggedTotal} each interval also gets the untagged sum, as the suite writes it. */
    public static void write(Path file, long startMillis, List<Map<String, Histogram>> intervals, boolean untaggedTotal)
            throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMillis);
            writer.outputLegend();
            for (Map<String, Histogram> interval : intervals) {
                Histogram total = null;
                for (Map.Entry<String, Histogram> entry : interval.entrySet()) {
                    Histogram h = entry.getValue().copy();
                    h.setTag(entry.getKey().replace(' ', '_'));
                    write(writer, startMillis, h);
                    if (total == null) {
                        total = new Histogram(3_600_000, 3);
                        total.setStartTimeStamp(h.getStartTimeStamp());
                    }
                    total.add(h);
                    total.setEndTimeStamp(Math.max(total.getEndTimeStamp(), h.getEndTimeStamp()));
                }
                if (untaggedTotal && total != null) {
                    write(writer, startMillis, total);
                }
            }
        }
    }

    /**
     * An injector-stalls.hlog as the StallDetector writes it: one untagged histogram of lateness in µs per second, a
     * 1 ms probe on time but for a pause of {@code pauseMs} every ten seconds.
     */
    public static void writeStalls(Path file, long startMillis, int seconds, long pauseMs) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMillis);
            writer.outputLegend();
            for (int i = 0; i < seconds; i++) {
                Histogram h = new Histogram(600_000_000L, 2);
                h.recordValueWithCount(60 + i % 5, 1000);
                if (i % 10 == 9) {
                    h.recordValueWithExpectedInterval(pauseMs * 1000, 1000);
                }
                h.setStartTimeStamp(startMillis + i * 1000L);
                h.setEndTimeStamp(startMillis + (i + 1) * 1000L);
                write(writer, startMillis, h);
            }
        }
    }

    private static void write(HistogramLogWriter writer, long startMillis, Histogram h) {
        writer.outputIntervalHistogram((h.getStartTimeStamp() - startMillis) / 1000.0,
                (h.getEndTimeStamp() - startMillis) / 1000.0, h, 1000.0);
    }

    /** All request names of one interval merged, computed directly. */
    public static Histogram merged(Map<String, Histogram> interval) {
        Histogram all = new Histogram(3_600_000, 3);
        interval.values().forEach(all::add);
        return all;
    }
}
