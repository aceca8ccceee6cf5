package dev.salerush.env.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * One alert changed state, as seen by polling Prometheus' {@code /api/v1/alerts}.
 *
 * @param at     when the poll saw it
 * @param name   the alert's name ({@code alertname})
 * @param state  {@code pending}, {@code firing} or {@code inactive} (gone from the active alerts)
 * @param labels all of its labels (they tell alerts of the same name apart)
 */
public record AlertChange(Instant at, String name, String state, Map<String, String> labels) {
    public static final String PENDING = "pending";
    public static final String FIRING = "firing";
    public static final String INACTIVE = "inactive";

    public AlertChange {
        labels = Map.copyOf(labels);
    }
}
