package dev.salerush.env.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a run's {@code events.jsonl}: something that happened to the environment during the run.
 *
 * @param at     when it happened (UTC, millisecond precision)
 * @param kind   what kind of event, dotted and stable (see {@link EventKinds})
 * @param source the part it happened to or came from ({@code shop-1}, {@code load-balancer}, {@code db-primary}, ...)
 * @param detail one human-readable sentence; never credentials
 */
public record Event(Instant at, String kind, String source, String detail) {

    public Event {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
    }
}
