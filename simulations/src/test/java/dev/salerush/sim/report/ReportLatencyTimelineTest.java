package dev.salerush.sim.report;

import dev.salerush.sim.results.IntervalLogs;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportLatencyTimelineTest {
    private static final long START = 1_795_601_700_000L;
    private static final List<String> REQUESTS = List.of("list products", "product detail", "place order");

    @TempDir
    Path dir;

    @Test
    void onePointPerIntervalWithAllRequestNamesMergedExactly() throws Exception {
        List<Map<String, Histogram>> intervals = IntervalLogs.random(START, 5, REQUESTS, 42);
        Path log = dir.resolve("latency.hlog");
        IntervalLogs.write(log, START, intervals, true);

        List<LatencyTimeline.Point> points = LatencyTimeline.read(log, 600);

        assertThat(points).hasSize(5);
        for (int i = 0; i < 5; i++) {
            Histogram expected = IntervalLogs.merged(intervals.get(i));
            LatencyTimeline.Point point = points.get(i);
            // the untagged total the suite also writes is not counted a second time
            assertThat(point.count()).isEqualTo(expected.getTotalCount());
            assertThat(point.p50Ms()).isEqualTo(expected.getValueAtPercentile(50));
            assertThat(point.p95Ms()).isEqualTo(expected.getValueAtPercentile(95));
            assertThat(point.p99Ms()).isEqualTo(expected.getValueAtPercentile(99));
            assertThat(point.maxMs()).isEqualTo(expected.getMaxValue());
            // absolute epoch millis (the log stores seconds since its StartTime)
            assertThat(point.startMillis()).isEqualTo(START + i * 1000L);
            // the three names span [start, end + 6 ms]: the interval is 1.006 s long
            assertThat(point.rps()).isCloseTo(expected.getTotalCount() / 1.006, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aLogWithoutTagsIsReadFromItsUntaggedHistograms() throws Exception {
        List<Map<String, Histogram>> intervals = new ArrayList<>();
        for (Map<String, Histogram> interval : IntervalLogs.random(START, 3, REQUESTS, 7)) {
            intervals.add(Map.of("", IntervalLogs.merged(interval)));
        }
        Path log = dir.resolve("untagged.hlog");
        writeUntagged(log, intervals);

        List<LatencyTimeline.Point> points = LatencyTimeline.read(log, 600);

        assertThat(points).extracting(LatencyTimeline.Point::count)
                .containsExactly(intervals.stream().map(i -> i.get("").getTotalCount()).toArray(Long[]::new));
    }

    @Test
    void aLongRunIsMergedIntoAtMostMaxPointsKeepingEveryResponse() throws Exception {
        List<Map<String, Histogram>> intervals = IntervalLogs.random(START, 1300, List.of("list products"), 3);
        Path log = dir.resolve("long.hlog");
        IntervalLogs.write(log, START, intervals, true);

        List<LatencyTimeline.Point> points = LatencyTimeline.read(log, 600);

        assertThat(points).hasSize(434); // groups of 3 intervals: ceil(1300 / 3)
        long total = intervals.stream().mapToLong(i -> IntervalLogs.merged(i).getTotalCount()).sum();
        assertThat(points.stream().mapToLong(LatencyTimeline.Point::count).sum()).isEqualTo(total);
        Histogram firstThree = new Histogram(3_600_000, 3);
        intervals.subList(0, 3).forEach(i -> firstThree.add(IntervalLogs.merged(i)));
        assertThat(points.get(0).p95Ms()).isEqualTo(firstThree.getValueAtPercentile(95));
        assertThat(points.get(0).endMillis() - points.get(0).startMillis()).isBetween(3000L, 3010L);
        assertThat(points).isSortedAccordingTo(java.util.Comparator.comparingLong(LatencyTimeline.Point::startMillis));
    }

    private static void writeUntagged(Path log, List<Map<String, Histogram>> intervals) throws Exception {
        try (java.io.PrintStream out = new java.io.PrintStream(java.nio.file.Files.newOutputStream(log))) {
            org.HdrHistogram.HistogramLogWriter writer = new org.HdrHistogram.HistogramLogWriter(out);
            writer.outputStartTime(START);
            writer.outputLegend();
            for (Map<String, Histogram> interval : intervals) {
                Histogram h = interval.get("");
                writer.outputIntervalHistogram((h.getStartTimeStamp() - START) / 1000.0,
                        (h.getEndTimeStamp() - START) / 1000.0, h, 1000.0);
            }
        }
    }
}
