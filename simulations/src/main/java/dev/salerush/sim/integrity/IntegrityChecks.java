package dev.salerush.sim.integrity;

import dev.salerush.env.demo.GatewayAdmin.Payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.salerush.sim.integrity.IntegrityCheck.fail;
import static dev.salerush.sim.integrity.IntegrityCheck.pass;

/**
 * The order-integrity comparisons, on rows already loaded: stock per product before and after the run, the orders the
 * run created, what the client saw, and the payments the gateway received. No I/O here.
 */
public final class IntegrityChecks {
    public static final String STOCK_NOT_NEGATIVE = "stock never negative";
    public static final String STOCK_BALANCE = "stock balance";
    public static final String NO_OVERSELL = "no oversell";
    public static final String CLIENT_SUCCESSES_PAID = "client successes are paid orders";
    public static final String NO_UNEXPECTED_PAID = "no paid order the client was refused";
    public static final String ONE_ORDER_PER_KEY = "one order per idempotency key";
    public static final String PAYMENTS_MATCH = "gateway payments match paid orders";
    private static final int PAYMENT_UNAVAILABLE = 503;

    private IntegrityChecks() {
    }

    /** Units sold per product: the quantities of the run's PAID orders. */
    public static Map<String, Long> unitsSold(List<RunOrder> orders) {
        Map<String, Long> sold = new TreeMap<>(IdOrder.INSTANCE);
        orders.stream().filter(RunOrder::paid).forEach(order -> sold.merge(order.productId(), (long) order.quantity(), Long::sum));
        return sold;
    }

    public static IntegrityCheck stockNeverNegative(Map<String, Integer> stockAfter) {
        List<String> negative = stockAfter.entrySet().stream().filter(e -> e.getValue() < 0)
                .map(Map.Entry::getKey).sorted(IdOrder.INSTANCE).toList();
        return negative.isEmpty()
                ? pass(STOCK_NOT_NEGATIVE, "no product's stock is below 0 (" + stockAfter.size() + " products)")
                : fail(STOCK_NOT_NEGATIVE, negative.size() + " products have a negative stock (product ids)", negative);
    }

    /** Per product: stock at start = remaining stock + units sold in PAID orders. A lost update breaks it. */
    public static IntegrityCheck stockBalance(Map<String, Integer> stockBefore, Map<String, Integer> stockAfter,
                                              Map<String, Long> sold) {
        TreeSet<String> products = new TreeSet<>(IdOrder.INSTANCE);
        products.addAll(stockBefore.keySet());
        products.addAll(sold.keySet());
        List<String> offending = new ArrayList<>();
        long unaccounted = 0;
        String example = null;
        for (String product : products) {
            Integer start = stockBefore.get(product);
            Integer remaining = stockAfter.get(product);
            long units = sold.getOrDefault(product, 0L);
            if (start == null || remaining == null || start != remaining + units) {
                offending.add(product);
                if (start != null && remaining != null) {
                    unaccounted += remaining + units - start;
                }
                if (example == null) {
                    example = "product " + product + ": " + start + " at start, " + remaining + " remaining, " + units
                            + " sold in paid orders";
                }
            }
        }
        long totalSold = sold.values().stream().mapToLong(Long::longValue).sum();
        if (offending.isEmpty()) {
            return pass(STOCK_BALANCE, "stock at start = remaining + sold for all " + products.size() + " products ("
                    + totalSold + " units sold in paid orders)");
        }
        return fail(STOCK_BALANCE, offending.size() + " products where stock at start != remaining + units sold: "
                + unaccounted + " units sold beyond the stock taken (lost updates); e.g. " + example + " (product ids)",
                offending);
    }

    /** Units sold beyond a product's stock at start, over all products. */
    public static long oversoldUnits(Map<String, Integer> stockBefore, Map<String, Long> sold) {
        return sold.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - stockBefore.getOrDefault(e.getKey(), 0))).sum();
    }

    public static IntegrityCheck noOversell(Map<String, Integer> stockBefore, Map<String, Long> sold) {
        List<String> oversold = sold.entrySet().stream()
                .filter(e -> e.getValue() > stockBefore.getOrDefault(e.getKey(), 0)).map(Map.Entry::getKey).toList();
        if (oversold.isEmpty()) {
            return pass(NO_OVERSELL, "no product sold more units than it had in stock at start ("
                    + sold.size() + " products sold)");
        }
        String first = oversold.get(0);
        return fail(NO_OVERSELL, oversold.size() + " products sold more than their stock at start: "
                + oversoldUnits(stockBefore, sold) + " units oversold; e.g. product " + first + ": " + sold.get(first)
                + " sold of " + stockBefore.get(first) + " (product ids)", oversold);
    }

    /**
     * Orders the client was told were placed (201 + orderId) that are not in the database at all: acknowledged, then
     * lost — what an asynchronous failover can do, and what must stay 0 with synchronous replication.
     */
    public static long acknowledgedMissing(ClientOrders client, List<RunOrder> orders) {
        java.util.Set<String> inDatabase = new java.util.HashSet<>();
        orders.forEach(order -> inDatabase.add(order.id()));
        return client.keys().stream().filter(ClientOrders.KeyHistory::succeeded)
                .flatMap(key -> key.orderIds().stream())
                .filter(orderId -> !inDatabase.contains(orderId))
                .count();
    }

    /** Every order the client was told was placed (201 + orderId) is in the database once, PAID, as ordered. */
    public static IntegrityCheck clientSuccessesArePaid(ClientOrders client, List<RunOrder> orders) {
        Map<String, RunOrder> byId = new HashMap<>();
        orders.forEach(order -> byId.put(order.id(), order));
        List<String> missing = new ArrayList<>();
        List<String> notPaid = new ArrayList<>();
        List<String> different = new ArrayList<>();
        long seen = 0;
        for (ClientOrders.KeyHistory key : client.keys()) {
            if (!key.succeeded()) {
                continue;
            }
            for (String orderId : key.orderIds()) {
                seen++;
                RunOrder order = byId.get(orderId);
                if (order == null) {
                    missing.add(orderId);
                } else if (!order.paid()) {
                    notPaid.add(orderId);
                } else if (!Objects.equals(order.idempotencyKey(), key.key()) || !order.productId().equals(key.productId())
                        || order.quantity() != key.quantity()) {
                    different.add(orderId);
                }
            }
        }
        if (missing.isEmpty() && notPaid.isEmpty() && different.isEmpty()) {
            return pass(CLIENT_SUCCESSES_PAID, "all " + seen + " orders the client saw placed (201) are PAID in the "
                    + "database under their key, product and quantity");
        }
        List<String> offending = new ArrayList<>(missing);
        offending.addAll(notPaid);
        offending.addAll(different);
        return fail(CLIENT_SUCCESSES_PAID, "of " + seen + " orders the client saw placed (201): " + missing.size()
                + " missing from the database, " + notPaid.size() + " not PAID, " + different.size()
                + " with another key, product or quantity (order ids)", offending);
    }

    /**
     * No PAID order exists under a key whose every attempt the client saw refused (409, 503, ...), nor under a key
     * the client never sent: "charged but told it failed". A PAID order under a key that never succeeded but had an
     * attempt of unknown outcome (no response, a proxy's 504) is excused, and named in the detail as "paid, client
     * never told": the customer was charged and not told, yet the service did nothing wrong with its data; the drill's
     * impact counts those attempts (see docs/run-folder.md).
     */
    public static IntegrityCheck noPaidOrderTheClientWasRefused(ClientOrders client, List<RunOrder> orders) {
        List<String> refused = new ArrayList<>();
        List<String> unknownKey = new ArrayList<>();
        for (RunOrder order : orders) {
            if (!order.paid()) {
                continue;
            }
            ClientOrders.KeyHistory key = clientKey(client, order);
            if (key == null) {
                unknownKey.add(order.id());
            } else if (key.onlyRefused()) {
                refused.add(order.id());
            }
        }
        List<String> neverTold = paidClientNeverTold(client, orders);
        if (refused.isEmpty() && unknownKey.isEmpty()) {
            return pass(NO_UNEXPECTED_PAID, "no PAID order under a key the client saw refused or never sent"
                    + (neverTold.isEmpty() ? "" : "; " + neverTold.size() + " PAID orders of attempts that got no"
                    + " response, or only a proxy's 502/504, and no later success: paid, client never told (order ids "
                    + String.join(", ", neverTold.subList(0, Math.min(neverTold.size(), IntegrityCheck.MAX_OFFENDING)))
                    + ")"));
        }
        List<String> offending = new ArrayList<>(refused);
        offending.addAll(unknownKey);
        return fail(NO_UNEXPECTED_PAID, refused.size() + " PAID orders under keys the client saw refused, "
                + unknownKey.size() + " under keys it never sent (order ids)", offending);
    }

    /**
     * PAID orders under a key the client never saw succeed though an attempt's outcome was unknown: charged, and the
     * retries (if any) never learned it. A retry that got the 201 makes the order told.
     */
    public static List<String> paidClientNeverTold(ClientOrders client, List<RunOrder> orders) {
        return orders.stream().filter(RunOrder::paid)
                .filter(order -> {
                    ClientOrders.KeyHistory key = clientKey(client, order);
                    return key != null && key.neverTold();
                })
                .map(RunOrder::id).toList();
    }

    private static ClientOrders.KeyHistory clientKey(ClientOrders client, RunOrder order) {
        return order.idempotencyKey() == null ? null : client.key(order.idempotencyKey());
    }

    /** Retries never create a second order: one order per key in the database, one order id per key on the client. */
    public static IntegrityCheck oneOrderPerKey(ClientOrders client, List<RunOrder> orders) {
        Map<String, Integer> perKey = new HashMap<>();
        orders.stream().filter(order -> order.idempotencyKey() != null)
                .forEach(order -> perKey.merge(order.idempotencyKey(), 1, Integer::sum));
        TreeSet<String> offending = new TreeSet<>();
        perKey.forEach((key, count) -> {
            if (count > 1) {
                offending.add(key);
            }
        });
        client.keys().stream().filter(key -> key.orderIds().size() > 1).forEach(key -> offending.add(key.key()));
        if (offending.isEmpty()) {
            return pass(ONE_ORDER_PER_KEY, client.keys().size() + " keys, " + client.retries() + " retries: at most one"
                    + " order per key, and every retry got the first response's order id");
        }
        return fail(ONE_ORDER_PER_KEY, offending.size() + " keys with more than one order (in the database or in the"
                + " responses to their retries) (idempotency keys)", List.copyOf(offending));
    }

    /**
     * The gateway's standing charges of the run and its PAID orders, one to one, by order id and amount; voided
     * charges are counted, not matched. A standing charge without a PAID order is money taken for nothing; the detail
     * says how many of those the client saw answered 503 (the gateway got the charge, the shop gave up on it, rolled
     * the order back and did not void it).
     */
    public static IntegrityCheck paymentsMatchPaidOrders(GatewayCharges charges, List<RunOrder> orders,
                                                         ClientOrders client) {
        Map<String, RunOrder> paid = new TreeMap<>(IdOrder.INSTANCE);
        orders.stream().filter(RunOrder::paid).forEach(order -> paid.put(order.id(), order));
        Map<String, List<Payment>> byOrder = new TreeMap<>(IdOrder.INSTANCE);
        charges.standing().forEach(charge -> byOrder.computeIfAbsent(String.valueOf(charge.orderId()), id -> new ArrayList<>())
                .add(charge));
        List<String> unpaid = paid.keySet().stream().filter(id -> !byOrder.containsKey(id)).toList();
        List<String> withoutOrder = byOrder.keySet().stream().filter(id -> !paid.containsKey(id)).toList();
        List<String> twice = byOrder.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        List<String> otherAmount = byOrder.entrySet().stream()
                .filter(e -> paid.containsKey(e.getKey()))
                .filter(e -> e.getValue().stream().anyMatch(p -> p.amount() != paid.get(e.getKey()).amount()))
                .map(Map.Entry::getKey).toList();
        long gaveUp = withoutOrder.stream().map(id -> byOrder.get(id).get(0).idempotencyKey())
                .map(key -> key == null ? null : client.key(key))
                .filter(key -> key != null && !key.succeeded() && key.statuses().contains(PAYMENT_UNAVAILABLE)).count();
        String voided = charges.voided().size() + " charges voided after the shop gave up on them (e.g. a gateway"
                + " timeout)";
        if (unpaid.isEmpty() && withoutOrder.isEmpty() && twice.isEmpty() && otherAmount.isEmpty()) {
            return pass(PAYMENTS_MATCH, charges.total() + " payments in the gateway's journal: one standing charge per"
                    + " PAID order (" + paid.size() + "), same amounts; " + voided);
        }
        List<String> offending = new ArrayList<>(unpaid);
        offending.addAll(withoutOrder);
        offending.addAll(twice);
        offending.addAll(otherAmount);
        return fail(PAYMENTS_MATCH, charges.total() + " payments for " + paid.size() + " PAID orders, " + voided + ": "
                + unpaid.size() + " PAID orders without a standing charge, " + withoutOrder.size()
                + " standing charges without a PAID order"
                + (gaveUp == 0 ? "" : " (" + gaveUp + " of them answered 503 to the client: the shop gave up on the"
                        + " gateway, rolled the order back and did not void the charge)")
                + ", " + twice.size() + " orders charged more than once, " + otherAmount.size()
                + " charged another amount (order ids)", offending);
    }
}
