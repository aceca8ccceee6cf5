package dev.salerush.env.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's event log, {@value #FILE}: one JSON object per line, {@code {at, kind, source, detail}}, appended and
 * flushed as each event happens so that a run that dies still leaves what it saw. Thread-safe; the operations, the
 * state watchers and (later) the drills all write to the same log.
 */
public final class EventLog implements AutoCloseable {
    public static final String FILE = "events.jsonl";

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final java.util.List<java.util.function.Consumer<Event>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Clock clock;
    private final BufferedWriter out;
    private boolean closed;

    private EventLog(Path file, Clock clock, BufferedWriter out) {
        this.file = file;
        this.clock = clock;
        this.out = out;
    }

    /** Opens (creating or appending to) the event log at {@code file}. */
    public static EventLog open(Path file) {
        return open(file, Clock.systemUTC());
    }

    static EventLog open(Path file, Clock clock) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return new EventLog(file, clock, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log " + file + ": " + e.getMessage(), e);
        }
    }

    /** A log that keeps nothing: for parts used without a run folder (tests of one part, tools). */
    public static EventLog discarding() {
        return new EventLog(null, Clock.systemUTC(), null);
    }

    /** Hands every event recorded from now on to {@code listener}, on the recording thread (keep it short). */
    public void addListener(java.util.function.Consumer<Event> listener) {
        listeners.add(listener);
    }

    /** Stops handing events to {@code listener}. */
    public void removeListener(java.util.function.Consumer<Event> listener) {
        listeners.remove(listener);
    }

    /** Records an event that happens now and returns it. */
    public Event record(String kind, String source, String detail) {
        Event event = new Event(clock.instant().truncatedTo(ChronoUnit.MILLIS), kind, source, detail);
        log.info("[{}] {}: {}", kind, source, event.detail());
        write(event);
        listeners.forEach(listener -> listener.accept(event));
        return event;
    }

    private synchronized void write(Event event) {
        if (out == null || closed) {
            return;
        }
        try {
            out.write(toJson(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // an event log that cannot be written must not end the run it describes
            log.warn("cannot write to the event log {}: {}", file, e.toString());
        }
    }

    static String toJson(Event event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", event.at().toString());
        node.put("kind", event.kind());
        node.put("source", event.source());
        node.put("detail", event.detail());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event of an event-log file, in file order. */
    public static List<Event> read(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            events.add(new Event(Instant.parse(node.path("at").asText()), node.path("kind").asText(),
                    node.path("source").asText(), node.path("detail").asText()));
        }
        return events;
    }

    @Override
    public synchronized void close() {
        if (out == null || closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            log.warn("cannot close the event log {}: {}", file, e.toString());
        }
    }
}
