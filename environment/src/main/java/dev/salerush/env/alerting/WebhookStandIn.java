package dev.salerush.env.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.env.demo.WiremockLauncher;
import dev.salerush.env.process.ChildProcess;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.process.LaunchedProcess;
import dev.salerush.env.process.ProcessOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Alertmanager posts in a drill: WireMock standalone as its own process (see {@link WiremockLauncher}) that
 * answers {@code POST /slack} and {@code POST /watchdog} with 200 {@code ok} (what Slack answers; anything else is an
 * error to Alertmanager's Slack notifier) and keeps every post in its request journal, read back as {@link Notice}s.
 * Closing it and starting another on the same port is the "webhook down" drill; the journal of the closed one is
 * gone with it, so whoever needs the whole history reads {@link #notices()} before closing.
 */
public final class WebhookStandIn extends LaunchedProcess<Path> {

    static final String PART = "webhook stand-in";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private WebhookStandIn(ChildProcess child, Path rootDir) {
        super(child, rootDir);
    }

    /**
     * Starts the stand-in on {@code port} (0 = a free one) with the two stubs and waits until it is healthy.
     *
     * @throws LaunchException it exited or did not become healthy in time; the message has its log tail
     */
    public static WebhookStandIn start(int port, ProcessOptions options) {
        Path rootDir = WiremockLauncher.rootDir(options);
        Path mappings = WiremockLauncher.emptyMappings(rootDir);
        try {
            for (String path : List.of(AlertmanagerConfig.SLACK_PATH, AlertmanagerConfig.WATCHDOG_PATH)) {
                Files.writeString(mappings.resolve(path.substring(1) + ".json"), """
                        {"request": {"method": "POST", "url": "%s"},
                         "response": {"status": 200, "body": "ok", "headers": {"Content-Type": "text/plain"}}}
                        """.formatted(path), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new LaunchException(PART + ": cannot write its stubs under " + rootDir + ": " + e, e);
        }
        return WiremockLauncher.start(PART, port, rootDir, options,
                List.of("--max-request-journal-entries", "10000", "--container-threads", "10"),
                (child, p) -> new WebhookStandIn(child, rootDir));
    }

    /** Every notice this process received, oldest first. */
    public List<Notice> notices() {
        return List.copyOf(journal().values());
    }

    /**
     * The notices of the request journal by WireMock's request id (stable while this process lives), oldest first.
     *
     * @throws IllegalStateException the admin API cannot be read
     */
    Map<String, Notice> journal() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/__admin/requests"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        JsonNode answer;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(PART + ": GET /__admin/requests answered " + response.statusCode());
            }
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(PART + ": cannot read its request journal: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        List<Map.Entry<String, Notice>> notices = new ArrayList<>();
        for (JsonNode event : answer.path("requests")) {
            JsonNode logged = event.path("request");
            if (!"POST".equals(logged.path("method").asText())) {
                continue;
            }
            Notice notice = parse(logged.path("url").asText(), Instant.ofEpochMilli(logged.path("loggedDate").asLong()),
                    logged.path("body").asText());
            if (notice != null) {
                notices.add(Map.entry(event.path("id").asText(), notice));
            }
        }
        notices.sort(Comparator.comparing(e -> e.getValue().receivedAt()));
        Map<String, Notice> byId = new LinkedHashMap<>();
        notices.forEach(e -> byId.put(e.getKey(), e.getValue()));
        return byId;
    }

    /** A notice from one posted body; null for a path that is neither receiver's. */
    static Notice parse(String url, Instant at, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        if (AlertmanagerConfig.WATCHDOG_PATH.equals(url)) {
            Set<String> names = new LinkedHashSet<>();
            json.path("alerts").forEach(a -> names.add(a.path("labels").path("alertname").asText()));
            return new Notice(at, Notice.WATCHDOG, json.path("status").asText(), List.copyOf(names), "", "");
        }
        if (AlertmanagerConfig.SLACK_PATH.equals(url)) {
            JsonNode attachment = json.path("attachments").path(0);
            String title = attachment.path("title").asText();
            String text = attachment.path("text").asText();
            String status = title.startsWith("[RESOLVED]") ? "resolved" : "firing";
            // from the title, not the text, whose words are the locale's or a team's: alerts are grouped by name, so
            // a notice is about the one alert its title names
            String name = title.contains("] ") ? title.substring(title.indexOf("] ") + 2).strip() : "";
            return new Notice(at, Notice.SLACK, status, name.isEmpty() ? List.of() : List.of(name), title, text);
        }
        return null;
    }
}
