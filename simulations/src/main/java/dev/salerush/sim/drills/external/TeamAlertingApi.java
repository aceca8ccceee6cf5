package dev.salerush.sim.drills.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.salerush.env.alerting.PrometheusApi;
import dev.salerush.env.alerting.RuleDurations;
import dev.salerush.sim.config.ExternalDrills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the drills ask a team's Prometheus and Alertmanager (read only, with {@code drills.external.headers}): the
 * rules loaded, where alerts go, the intervals and {@code group_wait} a detection and a notice time depend on, and
 * whether the Alertmanager routes to the drill receiver.
 */
public final class TeamAlertingApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");
    /** Alertmanager's default {@code group_wait}, and Prometheus' default intervals. */
    static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final ExternalDrills external;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public TeamAlertingApi(ExternalDrills external) {
        this.external = external;
    }

    /** What Alertmanager's configuration says of the drill receiver. */
    public record Routing(Duration groupWait, List<String> receiverUrls, boolean routesToReceiver) {
    }

    /**
     * GET {@code path} under {@code base}, with the headers; the JSON answer.
     *
     * @throws IOException unreachable, or an answer other than 200 (named with its status)
     */
    JsonNode get(URI base, String path) throws IOException {
        URI uri = PrometheusApi.resolve(base, path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        external.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot reach " + uri + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + (response.statusCode() == 401
                    || response.statusCode() == 403 ? " (drills.external.headers: a token missing or refused?)" : ""));
        }
        return JSON.readTree(response.body());
    }

    /** Every alerting rule Prometheus loaded, with its {@code for:} in seconds. */
    public Map<String, Double> rules() throws IOException {
        return RuleDurations.parse(get(external.prometheusUrl(), "api/v1/rules?type=alert"));
    }

    /** As {@link #rules()}, empty when Prometheus cannot be asked (a drill in progress goes on). */
    Map<String, Double> rulesOrEmpty() {
        return RuleDurations.read(external.prometheusUrl(), external.headers());
    }

    /** The Alertmanagers Prometheus sends alerts to. */
    public List<String> alertmanagers() throws IOException {
        return PrometheusApi.activeAlertmanagers(get(external.prometheusUrl(), "api/v1/alertmanagers"));
    }

    /** Prometheus' global scrape and evaluation intervals (its defaults, 1m, where the file sets none). */
    public Duration[] intervals() throws IOException {
        JsonNode config = YAML.readTree(get(external.prometheusUrl(), "api/v1/status/config").path("data")
                .path("yaml").asText());
        JsonNode global = config.path("global");
        return new Duration[]{duration(global.path("scrape_interval").asText(""), DEFAULT_INTERVAL),
                duration(global.path("evaluation_interval").asText(""), DEFAULT_INTERVAL)};
    }

    /** Alertmanager's top-level {@code group_wait} and whether a webhook receiver posts to the drill receiver. */
    public Routing routing(URI alertmanager) throws IOException {
        JsonNode config = YAML.readTree(get(alertmanager, "api/v2/status").path("config").path("original").asText());
        List<String> urls = new ArrayList<>();
        config.path("receivers").forEach(receiver -> receiver.path("webhook_configs")
                .forEach(webhook -> urls.add(webhook.path("url").asText())));
        String port = ":" + external.receiverPort() + DrillReceiver.ALERTS_PATH;
        boolean routed = urls.stream().anyMatch(url -> url.contains(port));
        return new Routing(duration(config.path("route").path("group_wait").asText(""), DEFAULT_GROUP_WAIT),
                urls, routed);
    }

    /** A Prometheus / Alertmanager duration such as {@code 1m30s} or {@code 500ms}; {@code fallback} when empty. */
    static Duration duration(String text, Duration fallback) {
        if (text.isBlank()) {
            return fallback;
        }
        Matcher part = DURATION_PART.matcher(text.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofDays(365 * n);
            });
            end = part.end();
        }
        if (end != text.trim().length()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }

    Optional<URI> alertmanagerUrl() {
        return external.alertmanagerUrl();
    }
}
