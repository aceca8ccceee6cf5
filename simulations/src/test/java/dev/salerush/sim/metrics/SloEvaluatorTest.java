package dev.salerush.sim.metrics;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.config.SloMetric;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SloEvaluatorTest {
    static final LatencyStats LIST = new LatencyStats(200, 198, 2, 1.0, 10, 1L, 5L, 9L, 12L, 20L, 30L, 31L, 6.0, 0);
    static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, null, null, null, null, null, null, null, null, 0);
    static final RecordedRun RUN = new RecordedRun(0, 20_000, LIST, Map.of("list", LIST, "never answered", EMPTY));

    @Test
    void passesAtTheThresholdAndFailsAboveIt() {
        List<SloResult> results = SloEvaluator.evaluate(List.of(
                new Slo("p95 at limit", SloMetric.P95_MS, 12, null),
                new Slo("p95 below", SloMetric.P95_MS, 11.9, null),
                new Slo("errors", SloMetric.KO_PERCENT, 1, "list")), RUN);

        assertThat(results).extracting(SloResult::passed).containsExactly(true, false, true);
        assertThat(results).extracting(SloResult::actual).containsExactly(12.0, 12.0, 1.0);
    }

    @Test
    void anSloOnARequestThatWasNeverRecordedFailsAndSaysWhy() {
        SloResult result = SloEvaluator.evaluate(new Slo("orders p95", SloMetric.P95_MS, 100, "place order"), RUN);

        assertThat(result.passed()).isFalse();
        assertThat(result.actual()).isNull();
        assertThat(result.note()).contains("no request named 'place order'");
    }

    @Test
    void aLatencySloWithoutAnyResponseTimeFails() {
        SloResult result = SloEvaluator.evaluate(new Slo("p99", SloMetric.P99_MS, 100, "never answered"), RUN);

        assertThat(result.passed()).isFalse();
        assertThat(result.note()).isEqualTo("no response time was recorded");
    }
}
