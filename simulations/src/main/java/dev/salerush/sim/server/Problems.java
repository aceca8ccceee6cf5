package dev.salerush.sim.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What could not be measured, with how often: "metrics endpoint ... unreachable: ConnectException (12 of 30 scrapes)".
 * Each distinct problem is logged once (WARN) when first seen. Thread-safe.
 */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    /** What a counted problem is counted against. */
    enum Kind {
        SCRAPE("scrapes"), POLL("polls");

        final String plural;

        Kind(String plural) {
            this.plural = plural;
        }
    }

    private record Entry(Kind kind, int[] count) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final int[] attempts = new int[Kind.values().length];

    /** One more scrape or poll happened (the denominator). */
    synchronized void attempt(Kind kind) {
        attempts[kind.ordinal()]++;
    }

    /** A problem that holds for the whole run (nothing to count), e.g. no database given. */
    synchronized void note(String message) {
        if (entries.putIfAbsent(message, new Entry(null, new int[1])) == null) {
            log.warn("server metrics: {}", message);
        }
    }

    /** One scrape or poll had this problem. */
    synchronized void count(Kind kind, String message) {
        Entry entry = entries.computeIfAbsent(message, m -> {
            log.warn("server metrics: {} (further occurrences are counted, not logged)", m);
            return new Entry(kind, new int[1]);
        });
        entry.count()[0]++;
    }

    synchronized List<String> list() {
        List<String> list = new ArrayList<>();
        entries.forEach((message, entry) -> list.add(entry.kind() == null ? message
                : message + " (" + entry.count()[0] + " of " + attempts[entry.kind().ordinal()] + " "
                + entry.kind().plural + ")"));
        return List.copyOf(list);
    }

    /** A short name for a failure: the exception's simple class name and its message, if any. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message.strip() + ")");
    }
}
