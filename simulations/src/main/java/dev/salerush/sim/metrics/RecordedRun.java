package dev.salerush.sim.metrics;

import java.util.Map;

/** What the {@link ExactRecorder} measured: totals over all requests and per request name. */
public record RecordedRun(long startMillis, long endMillis, LatencyStats global, Map<String, LatencyStats> requests) {
}
