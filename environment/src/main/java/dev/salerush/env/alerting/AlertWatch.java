package dev.salerush.env.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows Prometheus' active alerts ({@code GET /api/v1/alerts}): every state change becomes an {@link AlertChange}
 * (gone from the list = {@code inactive}), and a start or end of firing an {@code alert.firing} / {@code
 * alert.resolved} event. An alert is told apart from others of the same name by all its labels.
 */
final class AlertWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI alertsUrl;
    private final EventLog events;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<Map<String, String>, String> states = new HashMap<>();
    private final List<AlertChange> history = new ArrayList<>();

    AlertWatch(URI prometheusUrl, EventLog events) {
        this.alertsUrl = prometheusUrl.resolve("/api/v1/alerts");
        this.events = events;
    }

    /** Reads the active alerts once and records what changed. */
    void poll() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(alertsUrl).timeout(Duration.ofSeconds(1))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + alertsUrl + " answered " + response.statusCode());
        }
        Map<Map<String, String>, String> active = new HashMap<>();
        for (JsonNode alert : JSON.readTree(response.body()).path("data").path("alerts")) {
            Map<String, String> labels = new TreeMap<>();
            alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            active.put(labels, alert.path("state").asText());
        }
        observe(Instant.now(), active);
    }

    /** Records the changes from the last observation to {@code active} (labels to state) seen at {@code at}. */
    synchronized void observe(Instant at, Map<Map<String, String>, String> active) {
        for (Map.Entry<Map<String, String>, String> alert : active.entrySet()) {
            String before = states.put(alert.getKey(), alert.getValue());
            if (!alert.getValue().equals(before)) {
                change(at, alert.getKey(), alert.getValue(), before);
            }
        }
        for (Iterator<Map.Entry<Map<String, String>, String>> it = states.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Map<String, String>, String> known = it.next();
            if (!active.containsKey(known.getKey())) {
                it.remove();
                change(at, known.getKey(), AlertChange.INACTIVE, known.getValue());
            }
        }
    }

    private void change(Instant at, Map<String, String> labels, String state, String before) {
        String name = labels.getOrDefault("alertname", "?");
        history.add(new AlertChange(at, name, state, labels));
        String detail = "channel=" + labels.getOrDefault("channel", "none") + " severity="
                + labels.getOrDefault("severity", "none");
        if (AlertChange.FIRING.equals(state)) {
            events.record(EventKinds.ALERT_FIRING, name, detail);
        } else if (AlertChange.FIRING.equals(before)) {
            events.record(EventKinds.ALERT_RESOLVED, name, detail);
        }
    }

    synchronized List<AlertChange> history() {
        return List.copyOf(history);
    }
}
