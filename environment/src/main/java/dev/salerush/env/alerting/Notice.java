package dev.salerush.env.alerting;

import java.time.Instant;
import java.util.List;

/**
 * One notice Alertmanager posted to the webhook stand-in: exactly what a Slack channel (or the heartbeat monitor)
 * would have received.
 *
 * @param receivedAt when the stand-in received it
 * @param receiver   {@code slack} (an incident notice) or {@code watchdog} (a heartbeat)
 * @param status     {@code firing} or {@code resolved}
 * @param alertNames the alerts it is about
 * @param title      the Slack title ({@code [FIRING] ProbeUp}); empty for a heartbeat
 * @param text       the Slack text (the incident-notice lines); empty for a heartbeat
 */
public record Notice(Instant receivedAt, String receiver, String status, List<String> alertNames, String title,
                     String text) {
    public static final String SLACK = "slack";
    public static final String WATCHDOG = "watchdog";

    public Notice {
        alertNames = List.copyOf(alertNames);
    }
}
