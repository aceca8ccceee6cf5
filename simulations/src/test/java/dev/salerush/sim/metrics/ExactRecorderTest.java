package dev.salerush.sim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExactRecorderTest {

    @Test
    void percentilesAreTheExactValuesRecorded(@TempDir Path dir) {
        RecordedRun run;
        try (ExactRecorder recorder = ExactRecorder.start(dir.resolve("latency.hlog"))) {
            for (long millis = 1; millis <= 1000; millis++) {
                recorder.recordResponseTime("list", millis);
                recorder.recordOutcome("list", millis <= 990);
            }
            recorder.close();
            run = recorder.snapshot();
        }

        LatencyStats list = run.requests().get("list");
        assertThat(list.count()).isEqualTo(1000);
        assertThat(list.ok()).isEqualTo(990);
        assertThat(list.ko()).isEqualTo(10);
        assertThat(list.koPercent()).isEqualTo(1.0);
        assertThat(list.minMs()).isEqualTo(1);
        assertThat(list.p50Ms()).isEqualTo(500);
        assertThat(list.p95Ms()).isEqualTo(950);
        assertThat(list.p99Ms()).isEqualTo(990);
        assertThat(list.p999Ms()).isEqualTo(999);
        assertThat(list.maxMs()).isEqualTo(1000);
        assertThat(list.withoutResponse()).isZero();
        assertThat(run.global()).isEqualTo(list);
    }

    @Test
    void failuresWithoutResponseCountAsKoWithoutATime(@TempDir Path dir) {
        ExactRecorder recorder = ExactRecorder.start(dir.resolve("latency.hlog"));
        recorder.recordResponseTime("detail", 7);
        recorder.recordOutcome("detail", true);
        recorder.recordOutcome("detail", false);
        recorder.close();

        LatencyStats detail = recorder.snapshot().requests().get("detail");
        assertThat(detail.count()).isEqualTo(2);
        assertThat(detail.ko()).isEqualTo(1);
        assertThat(detail.withoutResponse()).isEqualTo(1);
        assertThat(detail.maxMs()).isEqualTo(7);
    }

    @Test
    void globalFiguresMergeAllRequestNames(@TempDir Path dir) {
        ExactRecorder recorder = ExactRecorder.start(dir.resolve("latency.hlog"));
        for (int i = 0; i < 90; i++) {
            recorder.recordResponseTime("fast", 2);
            recorder.recordOutcome("fast", true);
        }
        for (int i = 0; i < 10; i++) {
            recorder.recordResponseTime("slow", 200);
            recorder.recordOutcome("slow", true);
        }
        recorder.close();

        RecordedRun run = recorder.snapshot();
        assertThat(run.global().count()).isEqualTo(100);
        assertThat(run.global().p90Ms()).isEqualTo(2);
        assertThat(run.global().p95Ms()).isEqualTo(200);
    }

    @Test
    void intervalLogHoldsEveryRecordedValue(@TempDir Path dir) throws FileNotFoundException {
        Path log = dir.resolve("latency.hlog");
        ExactRecorder recorder = ExactRecorder.start(log);
        for (int i = 1; i <= 500; i++) {
            recorder.recordResponseTime("list products", i % 50 + 1);
            recorder.recordResponseTime("detail", i % 7 + 1);
        }
        recorder.close();

        Histogram untagged = new Histogram(3);
        Histogram list = new Histogram(3);
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        for (Histogram h = (Histogram) reader.nextIntervalHistogram(); h != null; h = (Histogram) reader.nextIntervalHistogram()) {
            if (h.getTag() == null) {
                untagged.add(h);
            } else if (h.getTag().equals("list_products")) {
                list.add(h);
            }
        }
        assertThat(untagged.getTotalCount()).isEqualTo(1000);
        assertThat(list.getTotalCount()).isEqualTo(500);
        assertThat(list.getValueAtPercentile(95)).isEqualTo(recorder.snapshot().requests().get("list products").p95Ms());
    }
}
