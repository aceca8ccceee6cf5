package dev.salerush.env.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The {@code for:} of every alerting rule Prometheus has loaded, read from its rules API. */
public final class RuleDurations {
    private static final Logger log = LoggerFactory.getLogger(RuleDurations.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleDurations() {
    }

    static Map<String, Double> read(URI prometheusUrl) {
        return read(prometheusUrl, Map.of());
    }

    /** As Prometheus at {@code prometheusUrl} loaded them, asked with {@code headers}; empty when it cannot be asked. */
    public static Map<String, Double> read(URI prometheusUrl, Map<String, String> headers) {
        URI rules = PrometheusApi.resolve(prometheusUrl, "api/v1/rules?type=alert");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(rules).timeout(Duration.ofSeconds(2)).GET();
            headers.forEach(request::header);
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode());
            }
            return parse(JSON.readTree(response.body()));
        } catch (IOException e) {
            log.warn("cannot read the rules' for: durations from {}: {}", rules, e.toString());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** Alert name to {@code for:} in seconds from a {@code /api/v1/rules} answer. */
    public static Map<String, Double> parse(JsonNode answer) {
        Map<String, Double> durations = new TreeMap<>();
        for (JsonNode group : answer.path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if ("alerting".equals(rule.path("type").asText())) {
                    durations.put(rule.path("name").asText(), rule.path("duration").asDouble());
                }
            }
        }
        return durations;
    }
}
