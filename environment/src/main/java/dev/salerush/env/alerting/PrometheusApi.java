package dev.salerush.env.alerting;

import java.net.URI;

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
    public static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + path : text + "/" + path);
    }
}
