package dev.salerush.sim.drills.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the drills read of the alerting — the suite's own stack in the demo world, or a team's Prometheus and
 * Alertmanager: the alerts' state changes, the notices posted, the pager's heartbeat, and the timings detection
 * depends on.
 */
public interface AlertingView {

    /** The receiver name of a heartbeat notice (the {@code Watchdog} alert): never an incident notice. */
    String HEARTBEAT = "watchdog";

    /** An alert's state as Prometheus reported it at {@code at}: firing, or not (pending, resolved). */
    record AlertChange(Instant at, String name, boolean firing, String channel, String severity,
                       Map<String, String> labels) {
        public AlertChange {
            labels = Map.copyOf(labels);
        }

        public AlertChange(Instant at, String name, boolean firing, String channel, String severity) {
            this(at, name, firing, channel, severity, Map.of("alertname", name));
        }
    }

    /** One alert of a notice; {@code startsAt} (when Prometheus fired it) is null when the notice does not say. */
    record NoticedAlert(String name, Map<String, String> labels, Instant startsAt) {
        public NoticedAlert {
            labels = Map.copyOf(labels);
        }
    }

    /** A notice the receiver got: to the team's channel (an incident notice) or the heartbeat ({@link #HEARTBEAT}). */
    record PostedNotice(Instant at, String receiver, boolean firing, List<NoticedAlert> alerts) {
        public PostedNotice {
            alerts = List.copyOf(alerts);
        }

        /** A notice known only by its alerts' names. */
        public static PostedNotice named(Instant at, String receiver, boolean firing, List<String> alertNames) {
            return new PostedNotice(at, receiver, firing, alertNames.stream()
                    .map(name -> new NoticedAlert(name, Map.of("alertname", name), null)).toList());
        }

        public List<String> alertNames() {
            return alerts.stream().map(NoticedAlert::name).distinct().toList();
        }

        public boolean heartbeat() {
            return HEARTBEAT.equals(receiver);
        }
    }

    /**
     * What a detection and a notice time depend on; each null when it could not be read.
     *
     * @param receiverRouted whether notices reach the suite at all (false: a team's Alertmanager has no route to the
     *                       receiver, and no time to notice is measured)
     */
    record Timing(Duration scrapeInterval, Duration evaluationInterval, Duration groupWait, boolean receiverRouted) {
    }

    List<AlertChange> alertHistory();

    List<PostedNotice> notices();

    /** Each alerting rule's {@code for:} in seconds, as Prometheus loaded it. */
    Map<String, Double> ruleForSeconds();

    /** When the last Watchdog heartbeat reached the receiver; empty before the first. */
    Optional<Instant> lastHeartbeat();

    Timing timing();
}
