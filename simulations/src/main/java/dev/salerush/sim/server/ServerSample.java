package dev.salerush.sim.server;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * What the server looked like at one scrape: one line of {@code server-metrics.jsonl}. A field is {@code null} (and
 * absent from the JSON line) when it was not measured: endpoint or database unreachable, metric not exposed, or a
 * rate without a previous scrape to compare with. It is never 0 for "unknown".
 *
 * @param epochMillis     when the scrape started (wall clock)
 * @param processCpu      CPU usage of the server process, 0..1 of all its cores
 * @param heapUsedBytes   used heap, summed over the heap memory pools
 * @param requestRate     requests served per second since the previous successful scrape
 * @param serverErrorRate responses with a 5xx status per second since the previous successful scrape
 * @param poolActive      connections in use, per pool name
 * @param poolPending     threads waiting for a connection, per pool name
 * @param breakerState    the circuit breaker's state ({@code closed}, {@code open}, {@code half_open}, ...); with
 *                        several breakers {@code name=state} pairs joined by {@code ,}
 * @param dbConnections   the database's connections (sessions) to the target database, the scraper's own excluded
 * @param dbActive        of those, the ones running a query
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerSample(long epochMillis, Double processCpu, Double heapUsedBytes, Double requestRate,
                           Double serverErrorRate, Map<String, Double> poolActive, Map<String, Double> poolPending,
                           String breakerState, Integer dbConnections, Integer dbActive) {
}
