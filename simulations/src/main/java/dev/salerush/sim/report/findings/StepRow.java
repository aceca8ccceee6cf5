package dev.salerush.sim.report.findings;

import dev.salerush.sim.server.ServerAggregate;
import dev.salerush.sim.stress.BreakingPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rate of the staircase, by offered load, with the figures the bottleneck is read from: what it achieved, its
 * latency and errors, whether it held, the server's CPU, pool waits and database sessions, the injector's CPU.
 *
 * @param pools per pool, the most threads that waited ({@code `browse` 46}); null when not measured
 * @param marks the bundle's names of the breaking point and knee measured at this rate
 */
record StepRow(String label, double offeredRps, double achievedRps, Long p95Ms, Long p99Ms, double koPercent,
               boolean held, Double serverCpu, String pools, String database, Double injectorCpu, List<String> marks) {

    static List<StepRow> of(Staircase staircase, Words w) {
        BreakingPoint point = staircase.summary().breakingPoint();
        BreakingPoint knee = staircase.summary().knee();
        return staircase.byOfferedLoad().stream().map(step -> {
            List<String> marks = new ArrayList<>();
            if (point != null && point.rps() != null && Objects.equals(point.step(), step.step())) {
                marks.add(w.get("breakingPoint"));
            }
            if (knee != null && knee.rps() != null && Objects.equals(knee.step(), step.step())) {
                marks.add(w.get("knee"));
            }
            ServerAggregate server = step.server();
            return new StepRow(w.step(step), step.offeredRps(), step.achievedRps(), step.p95Ms(), step.p99Ms(),
                    step.koPercent(), step.held(), server == null ? null : server.processCpuMean(), pools(server),
                    database(server), step.injectorCpu(), marks);
        }).toList();
    }

    private static String pools(ServerAggregate server) {
        Map<String, Double> pending = server == null ? null : server.poolPendingMax();
        if (pending == null || pending.isEmpty()) {
            return null;
        }
        List<String> pools = new ArrayList<>();
        pending.forEach((pool, waiting) -> pools.add(Words.code(pool) + " " + Words.number(waiting, 0)));
        return String.join(", ", pools);
    }

    /** Sessions, and of those the ones running a query: {@code 12 (8)}. */
    private static String database(ServerAggregate server) {
        if (server == null || server.dbConnectionsMax() == null) {
            return null;
        }
        return Words.number(server.dbConnectionsMax(), 0) + " (" + Words.number(server.dbActiveMax(), 0) + ")";
    }
}
