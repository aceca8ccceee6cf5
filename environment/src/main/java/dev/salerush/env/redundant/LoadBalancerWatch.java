package dev.salerush.env.redundant;

import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.lb.HaproxyRuntime;
import dev.salerush.env.lb.HaproxyRuntime.ServerStat;
import dev.salerush.env.process.Poller;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes every change of the load balancer's view of its servers (UP, DOWN, DRAIN, MAINT, ...) to the event log, as
 * HAProxy's runtime API shows it, polled every {@value #PERIOD_MS} ms: the moment a killed instance was marked down is
 * what "detected by the load balancer" means in the run's figures.
 */
final class LoadBalancerWatch implements AutoCloseable {
    static final long PERIOD_MS = 100;

    private final HaproxyRuntime runtime;
    private final EventLog events;
    private final Map<String, String> lastStatus = new HashMap<>();
    private Poller poller;
    private volatile String lastProblem;

    private LoadBalancerWatch(HaproxyRuntime runtime, EventLog events) {
        this.runtime = runtime;
        this.events = events;
    }

    static LoadBalancerWatch start(HaproxyRuntime runtime, EventLog events) {
        LoadBalancerWatch watch = new LoadBalancerWatch(runtime, events);
        watch.poller = Poller.every(PERIOD_MS, "salerush-lb-watch", watch::poll);
        return watch;
    }

    private void poll() {
        try {
            for (ServerStat server : runtime.servers()) {
                String status = server.status().name();
                String before = lastStatus.put(server.name(), status);
                if (!status.equals(before)) {
                    events.record(EventKinds.SERVER_STATE, server.name(), (before == null ? "" : before + " -> ")
                            + status + " (" + server.rawStatus() + ", check " + server.checkStatus() + ")");
                }
            }
            lastProblem = null;
        } catch (RuntimeException e) {
            // the load balancer itself down is an event too, once
            String problem = e.getMessage();
            if (lastProblem == null) {
                events.record(EventKinds.SERVER_STATE, "load-balancer", "runtime API unreachable: " + problem);
            }
            lastProblem = problem;
        }
    }

    @Override
    public void close() {
        poller.close();
    }
}
