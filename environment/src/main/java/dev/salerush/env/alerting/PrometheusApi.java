package dev.salerush.env.alerting;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Paths of Prometheus' and Alertmanager's HTTP APIs under a base URL that may carry a prefix of its own. */
public final class PrometheusApi {
    private PrometheusApi() {
    }

    /**
     * {@code base} + {@code path}: {@code http://h:9090} and {@code https://h/prometheus/} both work (a Prometheus
     * behind a proxy prefix keeps it).
     *
     * @param path relative, e.g. {@code api/v1/alerts}
     */
    /** The URLs of the Alertmanagers Prometheus sends to, from its {@code /api/v1/alertmanagers} answer. */
    public static List<String> activeAlertmanagers(JsonNode answer) {
        List<String> urls = new ArrayList<>();
        answer.path("data").path("activeAlertmanagers").forEach(am -> urls.add(am.path("url").asText()));
        return urls;
    }

    public static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + path : text + "/" + path);
    }
}
