package dev.salerush.sim.drills;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the drills read of the alerting stack: the alerts' state changes, the notices posted, the pager's heartbeat. */
public interface AlertingView {

    /** An alert's state as Prometheus reported it at {@code at}: firing, or not (pending, resolved). */
    record AlertChange(Instant at, String name, boolean firing, String channel, String severity) {
    }

    /** A notice the webhook received: to the channel ({@code slack}) or the heartbeat ({@code watchdog}). */
    record PostedNotice(Instant at, String receiver, boolean firing, List<String> alertNames) {
    }

    List<AlertChange> alertHistory();

    List<PostedNotice> notices();

    /** Each alerting rule's {@code for:} in seconds, as Prometheus loaded it. */
    java.util.Map<String, Double> ruleForSeconds();

    /** When the last Watchdog heartbeat reached the webhook; empty before the first. */
    Optional<Instant> lastHeartbeat();
}
