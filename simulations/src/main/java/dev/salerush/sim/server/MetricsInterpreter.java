package dev.salerush.sim.server;

import dev.salerush.sim.config.MetricsSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns one parsed scrape into the endpoint's fields of a {@link ServerSample}. Stateful: it keeps the request
 * counters of the previous successful scrape, so rates are deltas between two consecutive successful scrapes.
 * Not thread-safe (the scraper's one thread uses it).
 *
 * <ul>
 *   <li>{@code cpu}: the first finite value of the metric.</li>
 *   <li>{@code heap}: the sum over series with {@code area="heap"}; a metric without an {@code area} label is summed
 *       over all its series.</li>
 *   <li>{@code requests}: a counter. Rate = (sum of the per-series increases) / seconds between the two scrapes;
 *       server error rate the same over series whose {@code status} starts with 5. A series that appears counts from
 *       0 (Micrometer creates a series at its first request). Any series that drops or disappears is a counter
 *       reset (a restart): both rates are {@code null} for that sample, never negative. The first scrape, and the
 *       first after a failed one, have no rates.</li>
 *   <li>{@code poolActive}/{@code poolPending}: per {@code pool} label ({@code default} without one).</li>
 *   <li>{@code breakerState}: the {@code state} label of the series whose value is 1; with several breakers
 *       ({@code name} label) {@code name=state} pairs joined by {@code ,}.</li>
 * </ul>
 * NaN and infinite values count as not measured.
 */
final class MetricsInterpreter {

    /** The endpoint's part of a sample, and the configured metrics the scrape did not contain. */
    record Reading(Double processCpu, Double heapUsedBytes, Double requestRate, Double serverErrorRate,
                   Map<String, Double> poolActive, Map<String, Double> poolPending, String breakerState,
                   List<String> missing) {
    }

    /** Request counters of one scrape: per series key, and the keys of 5xx series. */
    record Counters(Map<String, Double> values, Set<String> serverErrors, long nanoTime) {
    }

    private final MetricsSettings.Names names;
    private final Set<String> wanted;
    private Counters previous;

    MetricsInterpreter(MetricsSettings.Names names) {
        this.names = names;
        this.wanted = Set.of(names.cpu(), names.heap(), names.requests(), names.poolActive(), names.poolPending(),
                names.breakerState());
    }

    /** The metric names this interpreter reads; the parser may skip all other lines. */
    Predicate<String> wanted() {
        return wanted::contains;
    }

    /** A scrape failed: the next successful one has nothing to compare with. */
    void scrapeFailed() {
        previous = null;
    }

    Reading read(PrometheusText.Parsed parsed, long nanoTime) {
        List<String> missing = new ArrayList<>();
        List<PrometheusText.Series> cpu = present(parsed, names.cpu(), missing);
        List<PrometheusText.Series> heap = present(parsed, names.heap(), missing);
        List<PrometheusText.Series> requests = present(parsed, names.requests(), missing);
        List<PrometheusText.Series> active = present(parsed, names.poolActive(), missing);
        List<PrometheusText.Series> pending = present(parsed, names.poolPending(), missing);
        List<PrometheusText.Series> breaker = present(parsed, names.breakerState(), missing);

        Counters current = requests.isEmpty() ? null : counters(requests, nanoTime);
        Double requestRate = null;
        Double serverErrorRate = null;
        if (previous != null && current != null) {
            requestRate = rate(previous, current, key -> true);
            serverErrorRate = requestRate == null ? null : rate(previous, current, current.serverErrors()::contains);
        }
        previous = current;
        return new Reading(first(cpu), heap(heap), requestRate, serverErrorRate, perPool(active), perPool(pending),
                breakerState(breaker), missing);
    }

    private static List<PrometheusText.Series> present(PrometheusText.Parsed parsed, String name, List<String> missing) {
        List<PrometheusText.Series> series = parsed.named(name);
        if (series.isEmpty()) {
            missing.add(name);
        }
        return series;
    }

    static Counters counters(List<PrometheusText.Series> series, long nanoTime) {
        Map<String, Double> values = new HashMap<>();
        Set<String> errors = new HashSet<>();
        for (PrometheusText.Series s : series) {
            String key = new TreeMap<>(s.labels()).toString();
            values.merge(key, s.value(), Double::sum);
            String status = s.label("status");
            if (status != null && status.startsWith("5")) {
                errors.add(key);
            }
        }
        return new Counters(values, errors, nanoTime);
    }

    /**
     * Increase per second from {@code before} to {@code after} over the series {@code include} accepts;
     * {@code null} on a counter reset (any series dropped or gone), a non-finite value, or no time passed.
     */
    static Double rate(Counters before, Counters after, Predicate<String> include) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        if (!(seconds > 0)) {
            return null;
        }
        for (Map.Entry<String, Double> e : before.values().entrySet()) {
            Double now = after.values().get(e.getKey());
            if (now == null || !Double.isFinite(now) || !Double.isFinite(e.getValue()) || now < e.getValue()) {
                return null;
            }
        }
        double increase = 0;
        for (Map.Entry<String, Double> e : after.values().entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return null;
            }
            if (include.test(e.getKey())) {
                increase += e.getValue() - before.values().getOrDefault(e.getKey(), 0.0);
            }
        }
        return increase / seconds;
    }

    private static Double first(List<PrometheusText.Series> series) {
        for (PrometheusText.Series s : series) {
            if (Double.isFinite(s.value())) {
                return s.value();
            }
        }
        return null;
    }

    private static Double heap(List<PrometheusText.Series> series) {
        boolean byArea = series.stream().anyMatch(s -> s.label("area") != null);
        Double sum = null;
        for (PrometheusText.Series s : series) {
            if ((!byArea || "heap".equals(s.label("area"))) && Double.isFinite(s.value())) {
                sum = (sum == null ? 0 : sum) + s.value();
            }
        }
        return sum;
    }

    private static Map<String, Double> perPool(List<PrometheusText.Series> series) {
        Map<String, Double> pools = new TreeMap<>();
        for (PrometheusText.Series s : series) {
            if (Double.isFinite(s.value())) {
                String pool = s.label("pool");
                pools.merge(pool == null ? "default" : pool, s.value(), Double::sum);
            }
        }
        return pools.isEmpty() ? null : Collections.unmodifiableMap(pools);
    }

    private static String breakerState(List<PrometheusText.Series> series) {
        Map<String, String> states = new TreeMap<>();
        for (PrometheusText.Series s : series) {
            if (s.value() == 1.0 && s.label("state") != null) {
                String name = s.label("name");
                states.putIfAbsent(name == null ? "" : name, s.label("state"));
            }
        }
        if (states.isEmpty()) {
            return null;
        }
        if (states.size() == 1) {
            return states.values().iterator().next().intern();
        }
        Set<String> pairs = new TreeSet<>();
        states.forEach((name, state) -> pairs.add(name + "=" + state));
        return String.join(",", pairs).intern();
    }
}
