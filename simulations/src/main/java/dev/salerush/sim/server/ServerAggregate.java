package dev.salerush.sim.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Server metrics over a time window (a run, a stress step). Every figure is over the samples that measured it;
 * {@code null} when none did (endpoint or database unreachable, metric not exposed) - never 0 for "unknown".
 * Serialized with explicit {@code null}s, so a reader of summary.json sees what was not measured.
 *
 * @param samples             scrapes in the window (successful or not)
 * @param processCpuMean      mean process CPU usage, 0..1
 * @param processCpuMax       highest process CPU usage, 0..1
 * @param heapUsedMaxBytes    highest used heap in bytes
 * @param requestRateMean     mean requests per second served
 * @param serverErrorRateMean mean 5xx responses per second
 * @param poolActiveMax       highest connections in use, per pool
 * @param poolPendingMax      highest threads waiting for a connection, per pool
 * @param breakerStates       the breaker states seen, in order, a state repeated only after another one
 *                            (e.g. closed, open, half_open, closed)
 * @param dbConnectionsMax    highest number of database sessions
 * @param dbActiveMax         highest number of database sessions running a query
 */
public record ServerAggregate(int samples, Double processCpuMean, Double processCpuMax, Double heapUsedMaxBytes,
                              Double requestRateMean, Double serverErrorRateMean, Map<String, Double> poolActiveMax,
                              Map<String, Double> poolPendingMax, List<String> breakerStates,
                              Double dbConnectionsMax, Double dbActiveMax) {

    /** The aggregate of {@code samples} (in time order). */
    public static ServerAggregate of(List<ServerSample> samples) {
        List<String> states = new ArrayList<>();
        for (ServerSample s : samples) {
            String state = s.breakerState();
            if (state != null && (states.isEmpty() || !states.get(states.size() - 1).equals(state))) {
                states.add(state);
            }
        }
        return new ServerAggregate(samples.size(),
                mean(samples, ServerSample::processCpu),
                max(samples, ServerSample::processCpu),
                max(samples, ServerSample::heapUsedBytes),
                mean(samples, ServerSample::requestRate),
                mean(samples, ServerSample::serverErrorRate),
                maxPerKey(samples, ServerSample::poolActive),
                maxPerKey(samples, ServerSample::poolPending),
                states.isEmpty() ? null : List.copyOf(states),
                max(samples, s -> s.dbConnections() == null ? null : s.dbConnections().doubleValue()),
                max(samples, s -> s.dbActive() == null ? null : s.dbActive().doubleValue()));
    }

    private static Double mean(List<ServerSample> samples, Function<ServerSample, Double> field) {
        double sum = 0;
        int n = 0;
        for (ServerSample s : samples) {
            Double v = field.apply(s);
            if (v != null && Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static Double max(List<ServerSample> samples, Function<ServerSample, Double> field) {
        Double max = null;
        for (ServerSample s : samples) {
            Double v = field.apply(s);
            if (v != null && Double.isFinite(v) && (max == null || v > max)) {
                max = v;
            }
        }
        return max;
    }

    private static Map<String, Double> maxPerKey(List<ServerSample> samples,
                                                 Function<ServerSample, Map<String, Double>> field) {
        Map<String, Double> max = new TreeMap<>();
        for (ServerSample s : samples) {
            Map<String, Double> values = field.apply(s);
            if (values == null) {
                continue;
            }
            values.forEach((key, v) -> {
                if (v != null && Double.isFinite(v)) {
                    max.merge(key, v, Math::max);
                }
            });
        }
        return max.isEmpty() ? null : new LinkedHashMap<>(max);
    }
}
