package dev.salerush.sim.drills.external;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.env.alerting.AlertWatch;
import dev.salerush.env.events.EventLog;
import dev.salerush.sim.config.ExternalDrills;
import dev.salerush.sim.drills.watch.AlertingView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A team's alerting as the drills read it: the alerts of its Prometheus (polled every {@value #POLL_MS} ms), the
 * notices its Alertmanager posts to the {@link DrillReceiver}, and the timings read from both at the start. When its
 * Alertmanager has no route to the receiver, its {@code /api/v2/alerts} is polled instead, so the timeline still shows
 * when Alertmanager had each alert — and no time to notice is measured: nobody can say when a channel got it.
 */
public final class ExternalAlerting implements AlertingView, AutoCloseable {
    static final long POLL_MS = 500;
    private static final Logger log = LoggerFactory.getLogger(ExternalAlerting.class);

    private final TeamAlertingApi api;
    private final DrillReceiver receiver;
    private final AlertWatch alerts;
    private final EventLog events;
    private final Timing timing;
    private final Set<String> seenByAlertmanager = new HashSet<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "salerush-team-alerting");
        thread.setDaemon(true);
        return thread;
    });

    private ExternalAlerting(ExternalDrills external, DrillReceiver receiver, EventLog events) {
        this.api = new TeamAlertingApi(external);
        this.receiver = receiver;
        this.events = events;
        this.alerts = new AlertWatch(external.prometheusUrl(), external.headers(), events);
        this.timing = readTiming();
    }

    /** Starts following the team's alerting; the receiver is the run's (it also takes the on-call records). */
    public static ExternalAlerting start(ExternalDrills external, DrillReceiver receiver, EventLog events) {
        ExternalAlerting alerting = new ExternalAlerting(external, receiver, events);
        alerting.poller.scheduleWithFixedDelay(alerting::poll, 0, POLL_MS, TimeUnit.MILLISECONDS);
        log.info("following the team's alerting: Prometheus {}, Alertmanager {}; scrape {}, evaluation {}, "
                        + "group_wait {}{}", external.prometheusUrl(), external.alertmanagerUrl().map(URI::toString)
                        .orElse("(not given)"), alerting.timing.scrapeInterval(), alerting.timing.evaluationInterval(),
                alerting.timing.groupWait(), alerting.timing.receiverRouted() ? ""
                        : "; NO route to the drill receiver: no time to notice is measured");
        return alerting;
    }

    private Timing readTiming() {
        Duration scrape = null;
        Duration evaluation = null;
        try {
            Duration[] intervals = api.intervals();
            scrape = intervals[0];
            evaluation = intervals[1];
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read Prometheus' intervals: {}", e.getMessage());
        }
        Duration groupWait = null;
        boolean routed = true;
        if (api.alertmanagerUrl().isPresent()) {
            try {
                TeamAlertingApi.Routing routing = api.routing(api.alertmanagerUrl().get());
                groupWait = routing.groupWait();
                routed = routing.routesToReceiver();
            } catch (IOException | RuntimeException e) {
                log.warn("cannot read Alertmanager's configuration: {}", e.getMessage());
            }
        }
        return new Timing(scrape, evaluation, groupWait, routed);
    }

    private void poll() {
        // every failure is caught: an exception would end the schedule
        try {
            alerts.poll();
        } catch (IOException e) {
            log.debug("cannot read the team's Prometheus alerts: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("reading the team's Prometheus alerts failed: {}", e.toString());
        }
        if (!timing.receiverRouted()) {
            pollAlertmanager();
        }
    }

    private void pollAlertmanager() {
        try {
            for (JsonNode alert : api.get(api.alertmanagerUrl().orElseThrow(), "api/v2/alerts")) {
                if (seenByAlertmanager.add(alert.path("fingerprint").asText())) {
                    events.record("alertmanager.active", alert.path("labels").path("alertname").asText("?"),
                            "Alertmanager has it since " + alert.path("startsAt").asText()
                                    + " (no route to the drill receiver: notice time unknown)");
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("cannot read Alertmanager's alerts: {}", e.toString());
        }
    }

    @Override
    public List<AlertChange> alertHistory() {
        return alerts.history().stream().map(change -> new AlertChange(change.at(), change.name(),
                dev.salerush.env.alerting.AlertChange.FIRING.equals(change.state()),
                change.labels().getOrDefault("channel", ""), change.labels().getOrDefault("severity", ""),
                change.labels())).toList();
    }

    @Override
    public List<PostedNotice> notices() {
        return receiver.notices();
    }

    @Override
    public Map<String, Double> ruleForSeconds() {
        return api.rulesOrEmpty();
    }

    @Override
    public Optional<Instant> lastHeartbeat() {
        return receiver.lastHeartbeat();
    }

    @Override
    public Timing timing() {
        return timing;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
