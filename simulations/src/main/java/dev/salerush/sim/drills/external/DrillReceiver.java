package dev.salerush.sim.drills.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.sim.drills.watch.AlertingView.NoticedAlert;
import dev.salerush.sim.drills.watch.AlertingView.PostedNotice;
import dev.salerush.sim.drills.watch.OnCallLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The drills' receiver, an HTTP server in the run's JVM: a team's Alertmanager posts its notices to
 * {@code POST /alerts} (a webhook receiver; the time each arrives is the time to notice), and a person on call records
 * {@code POST /drill/ack} and {@code POST /drill/action} with one line of text — what was done.
 */
public final class DrillReceiver implements OnCallLog, AutoCloseable {
    public static final String ALERTS_PATH = "/alerts";
    public static final String ACK_PATH = "/drill/ack";
    public static final String ACTION_PATH = "/drill/action";
    private static final Logger log = LoggerFactory.getLogger(DrillReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NOTE = 500;
    private static final String WATCHDOG = "Watchdog";

    private final HttpServer server;
    private final EventLog events;
    private final List<PostedNotice> notices = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    private DrillReceiver(HttpServer server, EventLog events) {
        this.server = server;
        this.events = events;
    }

    /**
     * Listens on {@code address:port}.
     *
     * @throws EnvironmentError the port is taken (one line naming {@code drills.external.receiver.port})
     */
    public static DrillReceiver start(String address, int port, EventLog events) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 16);
        } catch (IOException e) {
            throw new EnvironmentError("drills.external.receiver.port: cannot listen on " + address + ":" + port
                    + " (" + e.getMessage() + "); choose a free port", e);
        }
        DrillReceiver receiver = new DrillReceiver(server, events);
        server.createContext(ALERTS_PATH, receiver::alerts);
        server.createContext(ACK_PATH, exchange -> receiver.onCall(exchange, Kind.ACK));
        server.createContext(ACTION_PATH, exchange -> receiver.onCall(exchange, Kind.ACTION));
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "salerush-drill-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        log.info("drill receiver on http://{}:{} (notices: POST {}; on call: POST {}, POST {})", address,
                server.getAddress().getPort(), ALERTS_PATH, ACK_PATH, ACTION_PATH);
        return receiver;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public synchronized List<PostedNotice> notices() {
        return List.copyOf(notices);
    }

    @Override
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** When the last heartbeat (the {@code Watchdog} alert) arrived; empty before the first. */
    public synchronized Optional<Instant> lastHeartbeat() {
        return notices.stream().filter(PostedNotice::heartbeat).map(PostedNotice::at).reduce((a, b) -> b);
    }

    private void alerts(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "POST an Alertmanager webhook body here");
            return;
        }
        PostedNotice notice;
        try (InputStream body = exchange.getRequestBody()) {
            notice = parse(at, JSON.readTree(body));
        } catch (IOException | RuntimeException e) {
            answer(exchange, 400, "not an Alertmanager webhook body: " + e.getMessage());
            return;
        }
        synchronized (this) {
            notices.add(notice);
        }
        if (!notice.heartbeat()) {
            events.record(EventKinds.NOTICE_POSTED, notice.receiver(), (notice.firing() ? "[FIRING] " : "[RESOLVED] ")
                    + String.join(", ", notice.alertNames()));
        }
        answer(exchange, 200, "ok");
    }

    /** A notice from an Alertmanager webhook body ({@code version 4}). */
    static PostedNotice parse(Instant at, JsonNode body) {
        if (!body.path("alerts").isArray()) {
            throw new IllegalArgumentException("no alerts[]");
        }
        List<NoticedAlert> alerts = new ArrayList<>();
        boolean allHeartbeats = true;
        for (JsonNode alert : body.path("alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            String name = labels.getOrDefault("alertname", "?");
            allHeartbeats &= WATCHDOG.equals(name);
            alerts.add(new NoticedAlert(name, labels, instant(alert.path("startsAt").asText())));
        }
        String receiver = allHeartbeats && !alerts.isEmpty() ? dev.salerush.sim.drills.watch.AlertingView.HEARTBEAT
                : body.path("receiver").asText("alertmanager");
        return new PostedNotice(at, receiver, "firing".equals(body.path("status").asText()), alerts);
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void onCall(HttpExchange exchange, Kind kind) throws IOException {
        Instant at = Instant.now();
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "POST one line of text: what was done");
            return;
        }
        String note;
        try (InputStream body = exchange.getRequestBody()) {
            note = new String(body.readNBytes(MAX_NOTE * 4), StandardCharsets.UTF_8).strip();
        }
        if (note.isEmpty() || note.contains("\n")) {
            answer(exchange, 400, "post one line of text saying what was done, e.g. \"rolled back to v1\"");
            return;
        }
        note = note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note;
        synchronized (this) {
            entries.add(new Entry(at, kind, note));
        }
        String what = kind == Kind.ACK ? "ack" : "action";
        events.record("oncall." + what, "on-call", note);
        log.info("on call: {} recorded at {}: {}", what, at, note);
        answer(exchange, 200, what + " recorded at " + at);
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
