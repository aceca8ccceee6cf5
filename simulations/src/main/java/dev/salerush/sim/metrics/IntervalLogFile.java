package dev.salerush.sim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An HdrHistogram interval log in the run folder: its header at open, then one line per interval, timestamps in
 * seconds since the log's start. Values are written with a ratio of 1000, so the legend's Interval_Max column is
 * the value / 1000 (seconds for millisecond values, milliseconds for microsecond values). Public for the merge of
 * shard runs, which writes the merged log in the same format.
 */
public final class IntervalLogFile implements AutoCloseable {
    private final PrintStream stream;
    private final HistogramLogWriter writer;
    private final long startMillis;

    private IntervalLogFile(PrintStream stream, long startMillis) {
        this.stream = stream;
        this.writer = new HistogramLogWriter(stream);
        this.startMillis = startMillis;
    }

    /** Opens {@code file} and writes the header; {@code comment} (may be null) says what the values are. */
    public static IntervalLogFile open(Path file, long startMillis, String comment) {
        try {
            IntervalLogFile log = new IntervalLogFile(
                    new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8), startMillis);
            log.writer.outputLogFormatVersion();
            log.writer.outputStartTime(startMillis);
            if (comment != null) {
                log.writer.outputComment(comment);
            }
            log.writer.outputLegend();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the interval log " + file, e);
        }
    }

    /** One interval, from {@code fromMillis} to {@code toMillis} (epoch ms). */
    public void write(Histogram interval, long fromMillis, long toMillis) {
        writer.outputIntervalHistogram((fromMillis - startMillis) / 1000.0, (toMillis - startMillis) / 1000.0, interval,
                1000.0);
    }

    /** Makes what was written so far readable by others (the report reads the log while a run goes on). */
    void flush() {
        stream.flush();
    }

    @Override
    public void close() {
        stream.close();
    }
}
