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
public final class AlertWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI alertsUrl;
    private final Map<String, String> headers;
    private final EventLog events;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<Map<String, String>, String> states = new HashMap<>();
    private final List<AlertChange> history = new ArrayList<>();

    AlertWatch(URI prometheusUrl, EventLog events) {
        this(prometheusUrl, Map.of(), events);
    }

    /**
     * Follows the Prometheus at {@code prometheusUrl} (its path kept: a Prometheus behind a prefix), sending
     * {@code headers} with every request (a team's Prometheus may want a token).
     */
    public AlertWatch(URI prometheusUrl, Map<String, String> headers, EventLog events) {
        this.alertsUrl = PrometheusApi.resolve(prometheusUrl, "api/v1/alerts");
        this.headers = Map.copyOf(headers);
        this.events = events;
    }

    /** Reads the active alerts once and records what changed. */
    public void poll() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(alertsUrl).timeout(Duration.ofSeconds(2)).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    public synchronized List<AlertChange> history() {
        return List.copyOf(history);
    }
}
