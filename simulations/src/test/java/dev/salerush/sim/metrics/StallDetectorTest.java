package dev.salerush.sim.metrics;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * The stall detector's accounting on a fake clock (exact), and one real probe thread held up through its sleep hook
 * (a forced pause, checked with a generous margin).
 */
class StallDetectorTest {
    static final Duration PERIOD = Duration.ofMillis(1);
    static final Duration BOUND = Duration.ofMillis(50);
    static final long START = 1_800_000_000_000L;

    @TempDir
    Path dir;

    /** A detector on a fake clock: every sleep advances it by the period plus whatever the next lateness is. */
    static final class FakeProbe {
        final AtomicLong nanos = new AtomicLong();
        long nextLatenessNanos;
        final StallDetector detector;

        FakeProbe(Path log) throws Exception {
            detector = new StallDetector(log, PERIOD, BOUND, START, nanos::get, sleep -> {
                nanos.addAndGet(sleep + nextLatenessNanos);
                nextLatenessNanos = 0;
            });
        }

        void wakeUps(int count, long latenessNanos) throws InterruptedException {
            long before = nanos.get();
            for (int i = 0; i < count; i++) {
                nextLatenessNanos = latenessNanos;
                before = detector.probeOnce(before);
            }
        }
    }

    @Test
    void latenessIsRecordedAsWhatAnObserverAtAnyInstantWouldHaveWaited() throws Exception {
        FakeProbe probe = new FakeProbe(dir.resolve("stalls.hlog"));

        // 998 wake-ups 20 µs late, then one 100 ms stall: 100 samples of 100, 99, ... 1 ms (the expected interval)
        probe.wakeUps(998, 20_000);
        probe.wakeUps(1, 100_000_000);
        probe.detector.flush(START + 1000);

        StallDetector.Totals totals = probe.detector.totals();
        assertThat(totals.maxMs()).isCloseTo(100, withPercentage(1));
        // 1 % of 1,098 samples is the 11 longest: 100 .. 90 ms
        assertThat(totals.p99Ms()).isCloseTo(90, withPercentage(1));
        assertThat(totals.boundMs()).isEqualTo(50);
        assertThat(totals.stalled()).isTrue();
        assertThat(totals.stalledSeconds()).isEqualTo(1);
    }

    @Test
    void wakeUpsOnTimeOrEarlyAreNoStall() throws Exception {
        FakeProbe probe = new FakeProbe(dir.resolve("stalls.hlog"));

        probe.wakeUps(500, 0);
        probe.wakeUps(500, -300_000);
        probe.detector.flush(START + 1000);

        StallDetector.Totals totals = probe.detector.totals();
        assertThat(totals.maxMs()).isZero();
        assertThat(totals.stalled()).isFalse();
        assertThat(totals.stalledSeconds()).isZero();
    }

    @Test
    void everySecondGoesToTheLogAndToTheListenersAndOnlyStallsBeyondTheBoundFlagTheRun() throws Exception {
        Path log = dir.resolve("stalls.hlog");
        FakeProbe probe = new FakeProbe(log);
        List<long[]> seen = new ArrayList<>();
        probe.detector.addListener((from, to, h) -> seen.add(new long[] {from, to, h.getTotalCount(), h.getMaxValue()}));

        probe.wakeUps(1000, 10_000);
        probe.detector.flush(START + 1000);
        probe.wakeUps(990, 10_000);
        probe.wakeUps(1, 40_000_000);
        probe.detector.flush(START + 2000);
        probe.detector.close();

        assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
        assertThat(seen.get(0)).startsWith(START, START + 1000, 1000);
        assertThat(seen.get(1)[0]).isEqualTo(START + 1000);
        assertThat(seen.get(1)[2]).isEqualTo(990 + 40);
        assertThat(StallDetector.toMillis(seen.get(1)[3])).isCloseTo(40, withPercentage(1));
        StallDetector.Totals totals = probe.detector.totals();
        assertThat(totals.stalled()).as("40 ms is within the 50 ms bound").isFalse();

        List<Histogram> logged = read(log);
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0).getStartTimeStamp()).isEqualTo(START);
        assertThat(logged.get(1).getEndTimeStamp()).isEqualTo(START + 2000);
        assertThat(logged.get(1).getTag()).as("untagged: the log holds nothing but the stalls").isNull();
        assertThat(logged.get(1).getMaxValue()).isEqualTo(seen.get(1)[3]);
    }

    @Test
    void aForcedPauseOfTheProbeThreadIsSeenAndCloseLeavesNoThread() throws Exception {
        AtomicInteger sleeps = new AtomicInteger();
        StallDetector detector = new StallDetector(dir.resolve("stalls.hlog"), PERIOD, BOUND, System.currentTimeMillis(),
                System::nanoTime, nanos -> {
                    Thread.sleep(nanos / 1_000_000);
                    if (sleeps.incrementAndGet() == 50) {
                        Thread.sleep(200);  // the hook holds the probe up, as a GC pause would
                    }
                });
        detector.startThreads();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sleeps.get() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        detector.close();

        StallDetector.Totals totals = detector.totals();
        assertThat(totals.maxMs()).as("a 200 ms pause").isGreaterThanOrEqualTo(150);
        assertThat(totals.stalled()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("salerush-stall"));
        detector.close();  // idempotent
    }

    private static List<Histogram> read(Path log) throws Exception {
        List<Histogram> histograms = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        try {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                histograms.add((Histogram) next);
            }
        } finally {
            reader.close();
        }
        return histograms;
    }
}
