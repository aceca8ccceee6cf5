package dev.salerush.sim.integrity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the client saw, per Idempotency-Key: the attempts of the order log folded into one entry per key. */
public final class ClientOrders {

    /** Everything the client saw under one Idempotency-Key. */
    public static final class KeyHistory {
        private final String key;
        private final String productId;
        private final int quantity;
        private final List<String> orderIds = new ArrayList<>(1);
        private final List<Integer> statuses = new ArrayList<>(1);
        private boolean succeeded;
        private boolean refused;
        private boolean unknown;
        private boolean unanswered;

        KeyHistory(String key, String productId, int quantity) {
            this.key = key;
            this.productId = productId;
            this.quantity = quantity;
        }

        void add(OrderAttempt attempt) {
            succeeded |= attempt.succeeded();
            refused |= attempt.refused();
            unknown |= attempt.unknown();
            unanswered |= attempt.status() == null;
            if (attempt.status() != null && !statuses.contains(attempt.status())) {
                statuses.add(attempt.status());
            }
            if (attempt.orderId() != null && !orderIds.contains(attempt.orderId())) {
                orderIds.add(attempt.orderId());
            }
        }

        public String key() {
            return key;
        }

        public String productId() {
            return productId;
        }

        public int quantity() {
            return quantity;
        }

        /** Distinct order ids the responses named, in the order they were first seen. */
        public List<String> orderIds() {
            return orderIds;
        }

        public boolean succeeded() {
            return succeeded;
        }

        /** Distinct HTTP statuses the attempts were answered with. */
        public List<Integer> statuses() {
            return statuses;
        }

        /** Some attempt got no response: the client cannot know whether that one placed an order. */
        public boolean unanswered() {
            return unanswered;
        }

        /** The client saw only refusals (no attempt succeeded, every attempt got a definite answer). */
        public boolean onlyRefused() {
            return refused && !succeeded && !unknown;
        }

        /**
         * No attempt succeeded and at least one's outcome was unknown ({@link OrderOutcome#UNKNOWN}): if the key has
         * an order, that attempt may have placed it, and the client was never told.
         */
        public boolean neverTold() {
            return unknown && !succeeded;
        }
    }

    private final Map<String, KeyHistory> keys = new LinkedHashMap<>();
    private final Map<String, Long> statusCounts = new TreeMap<>();
    private long attempts;
    private long retries;
    private long unknownOutcomes;

    public static ClientOrders of(Iterable<OrderAttempt> attempts) {
        ClientOrders orders = new ClientOrders();
        attempts.forEach(orders::add);
        return orders;
    }

    public void add(OrderAttempt attempt) {
        keys.computeIfAbsent(attempt.idempotencyKey(),
                key -> new KeyHistory(key, attempt.productId(), attempt.quantity())).add(attempt);
        statusCounts.merge(attempt.status() == null ? "none" : attempt.status().toString(), 1L, Long::sum);
        attempts++;
        if (attempt.retry()) {
            retries++;
        }
        if (attempt.unknown()) {
            unknownOutcomes++;
        }
    }

    public KeyHistory key(String idempotencyKey) {
        return keys.get(idempotencyKey);
    }

    public Collection<KeyHistory> keys() {
        return keys.values();
    }

    public long attempts() {
        return attempts;
    }

    public long retries() {
        return retries;
    }

    /** Attempts whose outcome the client could not know: no response, or a proxy's 502 or 504. */
    public long unknownOutcomes() {
        return unknownOutcomes;
    }

    /** Attempts per HTTP status ("none" = no response). */
    public Map<String, Long> statusCounts() {
        return statusCounts;
    }
}
