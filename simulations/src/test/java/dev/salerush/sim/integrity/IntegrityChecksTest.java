package dev.salerush.sim.integrity;

import dev.salerush.env.demo.GatewayAdmin.Payment;
import dev.salerush.env.demo.GatewayAdmin.PaymentVoid;
import dev.salerush.sim.metrics.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparisons on already-loaded rows: stock before/after, the run's orders, the client's log, the payments. */
class IntegrityChecksTest {
    static final Map<String, Integer> STOCK_BEFORE = Map.of("1", 10, "2", 5, "3", 7);

    static RunOrder paid(long id, long product, int quantity, String key) {
        return order(id, product, quantity, quantity * 900L, "PAID", key);
    }

    /** An order as the demo shop's statements read it: numeric ids as text, PAID the completed status. */
    static RunOrder order(long id, long product, int quantity, long amount, String status, String key) {
        return new RunOrder(String.valueOf(id), String.valueOf(product), quantity, amount, status, key,
                "PAID".equals(status));
    }

    static OrderAttempt attempt(String key, long product, int quantity, Integer status, Long orderId, boolean retry) {
        return new OrderAttempt(0, key, String.valueOf(product), quantity, status,
                orderId == null ? null : String.valueOf(orderId), retry);
    }

    @Test
    void stockThatFellByExactlyTheUnitsSoldBalances() {
        List<RunOrder> orders = List.of(paid(101, 1, 2, "a"), paid(102, 1, 3, "b"), paid(103, 2, 5, "c"));
        Map<String, Long> sold = IntegrityChecks.unitsSold(orders);

        IntegrityCheck balance = IntegrityChecks.stockBalance(STOCK_BEFORE, Map.of("1", 5, "2", 0, "3", 7), sold);

        assertThat(sold).containsExactlyInAnyOrderEntriesOf(Map.of("1", 5L, "2", 5L));
        assertThat(balance.passed()).as(balance.detail()).isTrue();
        assertThat(IntegrityChecks.noOversell(STOCK_BEFORE, sold).passed()).isTrue();
        assertThat(IntegrityChecks.stockNeverNegative(Map.of("1", 5, "2", 0, "3", 7)).passed()).isTrue();
    }

    @Test
    void aLostUpdateBreaksTheBalanceAndAnOversellIsNamedWithItsUnits() {
        // product 2: 5 in stock, 8 units sold in paid orders, yet 1 remains (concurrent writes overwrote each other)
        List<RunOrder> orders = List.of(paid(101, 2, 4, "a"), paid(102, 2, 4, "b"), paid(103, 1, 1, "c"));
        Map<String, Long> sold = IntegrityChecks.unitsSold(orders);
        Map<String, Integer> after = Map.of("1", 9, "2", 1, "3", 7);

        IntegrityCheck balance = IntegrityChecks.stockBalance(STOCK_BEFORE, after, sold);
        IntegrityCheck oversell = IntegrityChecks.noOversell(STOCK_BEFORE, sold);

        assertThat(balance.failed()).isTrue();
        assertThat(balance.offendingIds()).containsExactly("2");
        assertThat(balance.detail()).contains("4 units sold beyond the stock taken", "product 2: 5 at start, 1 remaining, 8 sold");
        assertThat(oversell.failed()).isTrue();
        assertThat(oversell.offendingIds()).containsExactly("2");
        assertThat(oversell.detail()).contains("3 units oversold");
        assertThat(IntegrityChecks.oversoldUnits(STOCK_BEFORE, sold)).isEqualTo(3);
    }

    @Test
    void stockThatChangedWithoutAnOrderAndNegativeStockAreViolations() {
        Map<String, Integer> after = Map.of("1", 10, "2", -2, "3", 6);

        IntegrityCheck balance = IntegrityChecks.stockBalance(STOCK_BEFORE, after, Map.of());
        IntegrityCheck negative = IntegrityChecks.stockNeverNegative(after);

        assertThat(balance.offendingIds()).containsExactly("2", "3");
        assertThat(negative.failed()).isTrue();
        assertThat(negative.offendingIds()).containsExactly("2");
    }

    @Test
    void ordersTheClientSawPlacedMustBePaidUnderTheirKeyProductAndQuantity() {
        ClientOrders client = ClientOrders.of(List.of(
                attempt("a", 1, 2, 201, 101L, false),
                attempt("b", 1, 1, 201, 102L, false),
                attempt("c", 2, 1, 201, 103L, false),
                attempt("d", 3, 1, 201, 104L, false)));
        List<RunOrder> orders = List.of(paid(101, 1, 2, "a"),
                order(102, 1, 1, 0, "PENDING", "b"),   // not paid
                paid(103, 2, 2, "c"));                         // another quantity; 104 is missing

        IntegrityCheck check = IntegrityChecks.clientSuccessesArePaid(client, orders);

        assertThat(check.failed()).isTrue();
        assertThat(check.offendingIds()).containsExactly("104", "102", "103");
        assertThat(check.detail()).startsWith("of 4 orders the client saw placed (201): 1 missing from the database, 1 not PAID, 1 with");
        assertThat(IntegrityChecks.clientSuccessesArePaid(client, List.of(paid(101, 1, 2, "a"), paid(102, 1, 1, "b"),
                paid(103, 2, 1, "c"), paid(104, 3, 1, "d"))).passed()).isTrue();
    }

    @Test
    void aPaidOrderUnderARefusedOrUnknownKeyIsAViolationButAnUnansweredAttemptIsExcused() {
        ClientOrders client = ClientOrders.of(List.of(
                attempt("sold-out", 1, 1, 409, null, false),
                attempt("gateway-down", 1, 1, 503, null, false),
                attempt("timed-out", 1, 1, null, null, false),
                attempt("ok", 1, 1, 201, 104L, false)));
        List<RunOrder> orders = List.of(paid(101, 1, 1, "sold-out"), paid(102, 1, 1, "never-sent"),
                paid(103, 1, 1, "timed-out"), paid(104, 1, 1, "ok"));

        IntegrityCheck check = IntegrityChecks.noPaidOrderTheClientWasRefused(client, orders);

        assertThat(check.failed()).isTrue();
        assertThat(check.offendingIds()).containsExactly("101", "102");
        assertThat(IntegrityChecks.noPaidOrderTheClientWasRefused(client, List.of(paid(103, 1, 1, "timed-out"), paid(104, 1, 1, "ok"))).detail())
                .contains("1 PAID orders of attempts that got no response");
    }

    /** What the client saw of an order answered by HAProxy's own 504: it gave up waiting, no served-by header. */
    static OrderAttempt gatewayTimeout(String key, boolean retry) {
        return new OrderAttempt(0, key, "1", 1, 504, null, retry, false);
    }

    @Test
    void aPaidOrderWhoseEveryAttemptGotAProxyTimeoutIsPaidClientNeverToldAFindingNotAViolation() {
        // db-lock: every attempt under the key waited on a row lock past HAProxy's timeout server; the shop placed it
        ClientOrders client = ClientOrders.of(List.of(gatewayTimeout("locked", false), gatewayTimeout("locked", true),
                gatewayTimeout("locked", true), gatewayTimeout("locked", true)));
        List<RunOrder> orders = List.of(paid(10200, 1, 1, "locked"));

        IntegrityCheck check = IntegrityChecks.noPaidOrderTheClientWasRefused(client, orders);

        assertThat(IntegrityChecks.paidClientNeverTold(client, orders)).containsExactly("10200");
        assertThat(client.unknownOutcomes()).isEqualTo(4);
        assertThat(check.passed()).as(check.detail()).isTrue();
        assertThat(check.detail()).contains("1 PAID orders of attempts that got no response, or only a proxy's 502/504,"
                + " and no later success: paid, client never told (order ids 10200)");
        assertThat(IntegrityReport.of(List.of(check), null).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aRetryWithTheSameKeyThatGotTheOrderToldTheClient() {
        ClientOrders client = ClientOrders.of(List.of(gatewayTimeout("locked", false),
                new OrderAttempt(0, "locked", "1", 1, 201, "10200", true, true)));
        List<RunOrder> orders = List.of(paid(10200, 1, 1, "locked"));

        IntegrityCheck check = IntegrityChecks.noPaidOrderTheClientWasRefused(client, orders);

        assertThat(IntegrityChecks.paidClientNeverTold(client, orders)).isEmpty();
        assertThat(check.passed()).isTrue();
        assertThat(check.detail()).isEqualTo("no PAID order under a key the client saw refused or never sent");
    }

    @Test
    void aPaidOrderUnderAKeyTheShopItselfRefusedIsChargedButToldItFailed() {
        ClientOrders client = ClientOrders.of(List.of(new OrderAttempt(0, "sold-out", "1", 1, 409, null, false, true),
                new OrderAttempt(0, "shed", "1", 1, 503, null, false, true)));
        List<RunOrder> orders = List.of(paid(101, 1, 1, "sold-out"), paid(102, 1, 1, "shed"));

        IntegrityCheck check = IntegrityChecks.noPaidOrderTheClientWasRefused(client, orders);

        assertThat(check.failed()).isTrue();
        assertThat(check.offendingIds()).containsExactly("101", "102");
        assertThat(IntegrityChecks.paidClientNeverTold(client, orders)).isEmpty();
        assertThat(IntegrityReport.of(List.of(check), null).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aRetryThatGotAnotherOrderOrASecondRowUnderOneKeyIsAViolation() {
        ClientOrders client = ClientOrders.of(List.of(
                attempt("same", 1, 1, 201, 101L, false), attempt("same", 1, 1, 201, 101L, true),
                attempt("sold-out-then-ok", 1, 1, 409, null, false), attempt("sold-out-then-ok", 1, 1, 201, 102L, true),
                attempt("changed", 1, 1, 201, 103L, false), attempt("changed", 1, 1, 201, 104L, true)));
        List<RunOrder> orders = List.of(paid(101, 1, 1, "same"), paid(102, 1, 1, "sold-out-then-ok"),
                paid(103, 1, 1, "changed"), paid(104, 1, 1, "changed"));

        IntegrityCheck check = IntegrityChecks.oneOrderPerKey(client, orders);

        assertThat(check.failed()).isTrue();
        assertThat(check.offendingIds()).containsExactly("changed");
        assertThat(IntegrityChecks.oneOrderPerKey(client, orders.subList(0, 2)).failed())
                .as("the client's two order ids for one key fail on their own").isTrue();
        assertThat(IntegrityChecks.oneOrderPerKey(ClientOrders.of(List.of(attempt("same", 1, 1, 201, 101L, false),
                attempt("same", 1, 1, 201, 101L, true))), orders.subList(0, 1)).detail())
                .isEqualTo("1 keys, 1 retries: at most one order per key, and every retry got the first response's order id");
    }

    @Test
    void paymentsMatchPaidOrdersOneToOneByOrderIdAndAmount() {
        List<RunOrder> orders = List.of(paid(101, 1, 1, "a"), paid(102, 1, 2, "b"), paid(103, 1, 1, "c"),
                paid(104, 1, 1, "d"), order(105, 1, 1, 0, "PENDING", "e"));
        List<Payment> payments = List.of(
                new Payment(101, 900, "a"),
                new Payment(102, 1800, "b"), new Payment(102, 1800, "b"),   // charged twice
                new Payment(103, 1000, "c"),                                // another amount
                new Payment(105, 900, "e"));                                // charged, but the order is not paid; 104 never charged

        ClientOrders client = ClientOrders.of(List.of(attempt("e", 1, 1, 503, null, false)));

        IntegrityCheck check = IntegrityChecks.paymentsMatchPaidOrders(GatewayCharges.of(payments, List.of()), orders, client);

        assertThat(check.failed()).isTrue();
        assertThat(check.offendingIds()).containsExactly("104", "105", "102", "103");
        assertThat(check.detail()).isEqualTo("5 payments for 4 PAID orders, 0 charges voided after the shop gave up on"
                + " them (e.g. a gateway timeout): 1 PAID orders without a standing charge, 1 standing charges without a"
                + " PAID order (1 of them answered 503 to the client: the shop gave up on the gateway, rolled the order"
                + " back and did not void the charge), 1 orders charged more than once, 1 charged another amount (order ids)");
        assertThat(IntegrityChecks.paymentsMatchPaidOrders(GatewayCharges.of(List.of(new Payment(101, 900, "a"),
                new Payment(102, 1800, "b")), List.of()), orders.subList(0, 2), client).passed()).isTrue();
    }

    @Test
    void aChargeVoidedAfterATimeoutIsNoOrphanButOneWithoutAVoidStillIs() {
        // the shop timed out on 102 and 103 and rolled both back (503); it voided 102's charge, not 103's
        List<RunOrder> orders = List.of(paid(101, 1, 1, "a"));
        ClientOrders client = ClientOrders.of(List.of(attempt("a", 1, 1, 201, 101L, false),
                attempt("b", 1, 1, 503, null, false), attempt("c", 1, 1, 503, null, false)));
        List<Payment> payments = List.of(new Payment(101, 900, "a"), new Payment(102, 900, "b"), new Payment(103, 900, "c"));
        List<PaymentVoid> voids = List.of(new PaymentVoid(102, "b"));

        IntegrityCheck voided = IntegrityChecks.paymentsMatchPaidOrders(
                GatewayCharges.of(payments.subList(0, 2), voids), orders, client);
        IntegrityCheck orphan = IntegrityChecks.paymentsMatchPaidOrders(GatewayCharges.of(payments, voids), orders, client);

        assertThat(voided.passed()).as(voided.detail()).isTrue();
        assertThat(voided.detail()).isEqualTo("2 payments in the gateway's journal: one standing charge per PAID order"
                + " (1), same amounts; 1 charges voided after the shop gave up on them (e.g. a gateway timeout)");
        assertThat(orphan.failed()).isTrue();
        assertThat(orphan.offendingIds()).containsExactly("103");
        assertThat(orphan.detail()).contains("1 charges voided", "1 standing charges without a PAID order (1 of them"
                + " answered 503");
    }

    @Test
    void aVoidCancelsOnlyTheChargeOfItsOwnOrderNotARetrysUnderTheSameKey() {
        // key "k": order 101 timed out and was voided; the client's retry created order 102, charged and PAID
        List<Payment> payments = List.of(new Payment(101, 900, "k"), new Payment(102, 900, "k"));
        List<PaymentVoid> voids = List.of(new PaymentVoid(101, "k"));
        ClientOrders client = ClientOrders.of(List.of(attempt("k", 1, 1, 503, null, false),
                attempt("k", 1, 1, 201, 102L, true)));

        GatewayCharges charges = GatewayCharges.of(payments, voids);

        assertThat(charges.voided()).containsExactly(new Payment(101, 900, "k"));
        assertThat(IntegrityChecks.paymentsMatchPaidOrders(charges, List.of(paid(102, 1, 1, "k")), client).passed()).isTrue();
        // a PAID order whose only charge was voided was not paid for
        IntegrityCheck voidedPaidOrder = IntegrityChecks.paymentsMatchPaidOrders(charges,
                List.of(paid(101, 1, 1, "k"), paid(102, 1, 1, "k")), client);
        assertThat(voidedPaidOrder.failed()).isTrue();
        assertThat(voidedPaidOrder.offendingIds()).containsExactly("101");
        assertThat(voidedPaidOrder.detail()).contains("1 PAID orders without a standing charge");
    }

    @Test
    void textIdsAsATeamsApiShowsThemAreComparedAsTheyAre() {
        Map<String, Integer> before = Map.of("G000002", 1, "G000010", 5);
        List<RunOrder> orders = List.of(new RunOrder("P00000001", "G000002", 1, 800, "COMPLETED", "r1", true),
                new RunOrder("P00000002", "G000002", 1, 800, "COMPLETED", "r2", true));
        ClientOrders client = ClientOrders.of(List.of(
                new OrderAttempt(0, "r1", "G000002", 1, 201, "P00000001", false),
                new OrderAttempt(0, "r2", "G000002", 1, 201, "P00000003", false)));

        Map<String, Long> sold = IntegrityChecks.unitsSold(orders);

        assertThat(sold).containsExactly(Map.entry("G000002", 2L));
        assertThat(IntegrityChecks.noOversell(before, sold).offendingIds()).containsExactly("G000002");
        assertThat(IntegrityChecks.clientSuccessesArePaid(client, orders).offendingIds()).containsExactly("P00000003");
    }

    @Test
    void idsAreListedNumbersInNumericOrderFirstThenText() {
        List<String> ids = new java.util.ArrayList<>(List.of("G1", "10", "9", "007", "100", "A"));

        ids.sort(IdOrder.INSTANCE);

        assertThat(ids).containsExactly("9", "10", "100", "007", "A", "G1");
    }
}
