package dev.salerush.sim.it;

import dev.salerush.env.events.Event;
import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.sim.integrity.OrderAttempt;
import dev.salerush.sim.integrity.OrderLog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a run on the redundant topology left in its folder, read for the tests: every order attempt as the client saw
 * it ({@code orders.csv}) and every event ({@code events.jsonl}).
 */
final class SaleDayRecord {
    private final List<OrderAttempt> orders;
    private final List<Event> events;

    private SaleDayRecord(List<OrderAttempt> orders, List<Event> events) {
        this.orders = orders;
        this.events = events;
    }

    static SaleDayRecord read(Path runDir) throws IOException {
        List<OrderAttempt> orders = new ArrayList<>();
        OrderLog.read(runDir.resolve(OrderLog.FILE), orders::add);
        orders.sort(Comparator.comparingLong(OrderAttempt::atMillis));
        return new SaleDayRecord(orders, EventLog.read(runDir.resolve(EventLog.FILE)));
    }

    /** An attempt that failed: no answer, or an answer other than placed (201) or sold out (409). */
    static boolean failed(OrderAttempt attempt) {
        return attempt.status() == null || (attempt.status() != 201 && attempt.status() != 409);
    }

    List<OrderAttempt> orders() {
        return orders;
    }

    List<OrderAttempt> failedOrders() {
        return orders.stream().filter(SaleDayRecord::failed).toList();
    }

    /** Order attempts from {@code warmupMs} after the first one: the measured part of the run. */
    List<OrderAttempt> measuredOrders(long warmupMs) {
        long start = orders.get(0).atMillis() + warmupMs;
        return orders.stream().filter(o -> o.atMillis() >= start).toList();
    }

    /** How many attempts got each status ("none": no answer). */
    static java.util.Map<String, Long> statuses(List<OrderAttempt> attempts) {
        return attempts.stream().collect(java.util.stream.Collectors.groupingBy(
                o -> o.status() == null ? "none" : String.valueOf(o.status()), java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    List<Event> events() {
        return events;
    }

    /** The first event of this kind from this source whose detail contains {@code text}, at or after {@code from}. */
    Optional<Event> first(String kind, String source, String text, Instant from) {
        return events.stream().filter(e -> e.kind().equals(kind) && e.source().equals(source)
                && e.detail().contains(text) && !e.at().isBefore(from)).findFirst();
    }

    Event operation(String kind, String name) {
        return first(kind, name, "", Instant.EPOCH)
                .orElseThrow(() -> new AssertionError("no " + kind + " of " + name + " in " + events));
    }

    Event started(String operation) {
        return operation(EventKinds.OPERATION_STARTED, operation);
    }

    Event ended(String operation) {
        return operation(EventKinds.OPERATION_ENDED, operation);
    }

    /** Order attempts sent in [from, to). */
    List<OrderAttempt> ordersBetween(Instant from, Instant to) {
        return orders.stream().filter(o -> o.atMillis() >= from.toEpochMilli() && o.atMillis() < to.toEpochMilli())
                .toList();
    }

    /** Order attempts sent at or after {@code from}. */
    List<OrderAttempt> ordersFrom(Instant from) {
        return orders.stream().filter(o -> o.atMillis() >= from.toEpochMilli()).toList();
    }

    /**
     * The write-unavailability window of a crash at {@code crash}: from the first failed order attempt (or the crash,
     * if that came first) to the send time of the first order placed that was sent after the crash — the old primary
     * was gone by then, so it committed on the new one. Empty when no order was placed after the crash.
     */
    Optional<long[]> writeGap(Instant crash) {
        long crashMillis = crash.toEpochMilli();
        long firstFailure = firstOrder(o -> failed(o) && o.atMillis() >= crashMillis - 2_000)
                .map(OrderAttempt::atMillis).orElse(crashMillis);
        long start = Math.min(firstFailure, crashMillis);
        return firstOrder(o -> o.atMillis() > crashMillis && o.succeeded())
                .map(success -> new long[] {start, success.atMillis()});
    }

    private Optional<OrderAttempt> firstOrder(Predicate<OrderAttempt> condition) {
        return orders.stream().filter(condition).findFirst();
    }
}
