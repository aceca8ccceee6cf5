package dev.salerush.sim.integrity;

import dev.salerush.env.demo.GatewayAdmin;
import dev.salerush.env.demo.GatewayAdmin.Payment;
import dev.salerush.env.demo.GatewayAdmin.PaymentVoid;
import dev.salerush.env.DatabaseSettings;
import dev.salerush.sim.config.IntegritySettings;
import dev.salerush.sim.config.JourneySettings;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.env.SaleEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Order integrity of one run whose journey places orders: records what the client saw ({@link OrderLog}), snapshots
 * the target's stock and order ids before the load (after setting the hot items' stock in hot-item mode), and after
 * the load compares database, client log and the payment gateway's journal ({@link IntegrityChecks}).
 */
public final class OrderIntegrity {
    private static final Logger log = LoggerFactory.getLogger(OrderIntegrity.class);
    private static final String JOURNAL_LIMIT_KEY = "embedded.gateway.maxRequestJournalEntries";
    /** The check reported when the orders could not be read at all. */
    static final String READ_ORDERS = "read the orders";

    private final OrderLog orderLog;
    private final OrderDatabase database;
    private final GatewayAdmin gateway;
    private final int journalLimit;
    private final boolean embedded;
    private final int hotStock;
    /** Why the payments cannot be matched when there is no gateway journal to read. */
    private final String noGateway;
    private OrderDatabase.Before before;
    private String notCheckable;
    /** A configured statement that failed before the load: the check is then incomplete, never skipped. */
    private String queryFailure;
    /** A team's simulation class, whose run is skipped when it records no attempt; null for the built-in sale. */
    private String teamSimulation;

    private OrderIntegrity(OrderLog orderLog, Optional<DatabaseSettings> database, IntegritySettings queries,
                           Optional<GatewayAdmin> gateway, String noGateway, int journalLimit, boolean embedded,
                           int hotStock) {
        this.orderLog = orderLog;
        this.database = database.map(settings -> new OrderDatabase(settings, queries)).orElse(null);
        this.gateway = gateway.orElse(null);
        this.noGateway = noGateway;
        this.journalLimit = journalLimit;
        this.embedded = embedded;
        this.hotStock = hotStock;
        if (this.database == null) {
            notCheckable = "no access to the target's database: set db.url (password in SALERUSH_DB_PASSWORD) to check"
                    + " the orders of an external target";
        }
    }

    /** Whether runs of this journey place orders, and so are checked. */
    public static boolean placesOrders(String journey) {
        return !JourneySettings.BROWSING.equals(journey);
    }

    /** Opens the order log in the run folder; nothing is read from the target yet. */
    public static OrderIntegrity forRun(SuiteConfig config, SaleEnvironment environment, Path runDir) {
        return new OrderIntegrity(OrderLog.open(runDir.resolve(OrderLog.FILE)), environment.database(),
                config.integrity(), environment.paymentGateway(), "no access to the payment gateway's request journal"
                + " (only the embedded target's gateway is the suite's own)",
                config.embedded().gateway().maxRequestJournalEntries(), environment.embedded(),
                config.journeys().ordering().hotStock());
    }

    /**
     * For a team's simulation that records its purchases: the orders are read with the configured
     * {@code integrity.queries} and only read (no hot-item stock); there is no payment gateway of the suite's to match.
     */
    public static OrderIntegrity forTeamRun(SuiteConfig config, SaleEnvironment environment, Path runDir,
                                            String simulation) {
        OrderIntegrity integrity = new OrderIntegrity(OrderLog.open(runDir.resolve(OrderLog.FILE)),
                environment.database(), config.integrity(), Optional.empty(), "a team's target has no payment gateway"
                + " of the suite's whose journal could be matched with its orders", 0, false, 0);
        integrity.teamSimulation = simulation;
        return integrity;
    }

    public OrderLog orderLog() {
        return orderLog;
    }

    /** Right before the load: hot-item stock (embedded target only), then the snapshot the checks compare against. */
    public void beforeLoad(long[] hotProductIds) {
        if (database == null) {
            log.warn("order integrity will be skipped: {}", notCheckable);
            return;
        }
        try {
            setHotStock(hotProductIds);
            before = database.before();
            log.info("order integrity: stock of {} products and orders up to id {} noted before the load",
                    before.stock().size(), before.maxOrderId());
        } catch (OrderDatabase.QueryFailed e) {
            queryFailure = "before the load, " + e.getMessage();
            log.error("order integrity will be incomplete: {}", queryFailure);
        } catch (SQLException e) {
            notCheckable = "the target's database could not be read before the load: " + e.getMessage();
            log.error("order integrity will be skipped: {}", notCheckable);
        }
    }

    private void setHotStock(long[] hotProductIds) throws SQLException {
        if (hotStock == 0) {
            return;
        }
        if (!embedded) {
            log.warn("journeys.ordering.hotStock = {} ignored: the suite sets stock only on its embedded target", hotStock);
            return;
        }
        int updated = database.setStock(hotProductIds, hotStock);
        log.info("hot items: stock of {} products set to {} units", updated, hotStock);
    }

    /** After the load (the target still running): closes the order log and runs every check. */
    public IntegrityReport afterLoad(boolean loadCompleted) {
        orderLog.close();
        if (!loadCompleted) {
            return IntegrityReport.skipped("the load did not complete; an interrupted run's orders are not checked");
        }
        if (teamSimulation != null && orderLog.recorded() == 0 && orderLog.problem() == null) {
            return IntegrityReport.skipped(teamSimulation + " recorded no order attempt during the run (its"
                    + " orderAttempt(...) step was never reached), so there is nothing to compare with "
                    + IntegritySettings.ORDERS_AFTER_KEY);
        }
        if (queryFailure != null) {
            return IntegrityReport.of(List.of(IntegrityCheck.incomplete(READ_ORDERS, queryFailure)), null);
        }
        if (before == null) {
            return IntegrityReport.skipped(notCheckable);
        }
        OrderDatabase.After after;
        try {
            after = database.after(before.maxOrderId());
        } catch (OrderDatabase.QueryFailed e) {
            return IntegrityReport.of(List.of(IntegrityCheck.incomplete(READ_ORDERS, "after the load, "
                    + e.getMessage())), null);
        } catch (SQLException e) {
            return IntegrityReport.of(List.of(IntegrityCheck.incomplete(READ_ORDERS,
                    "the target's database could not be read after the load: " + e.getMessage())), null);
        }
        ClientOrders client = new ClientOrders();
        OrderLog.read(orderLog.file(), client::add);
        Map<String, Long> sold = IntegrityChecks.unitsSold(after.orders());

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("orderAttempts", client.attempts());
        figures.put("retries", client.retries());
        figures.put("unknownOutcomes", client.unknownOutcomes());
        figures.put("responses", client.statusCounts());
        figures.put("ordersInDatabase", after.orders().size());
        figures.put("paidOrders", after.orders().stream().filter(RunOrder::paid).count());
        figures.put("unitsSold", sold.values().stream().mapToLong(Long::longValue).sum());
        figures.put("oversoldUnits", IntegrityChecks.oversoldUnits(before.stock(), sold));
        figures.put("acknowledgedMissing", IntegrityChecks.acknowledgedMissing(client, after.orders()));
        figures.put("paidClientNeverTold", IntegrityChecks.paidClientNeverTold(client, after.orders()).size());

        List<IntegrityCheck> checks = new ArrayList<>();
        checks.add(IntegrityChecks.stockNeverNegative(after.stock()));
        checks.add(IntegrityChecks.stockBalance(before.stock(), after.stock(), sold));
        checks.add(IntegrityChecks.noOversell(before.stock(), sold));
        checks.addAll(clientChecks(client, after.orders()));
        checks.add(payments(after.orders(), client, figures));
        IntegrityReport report = IntegrityReport.of(checks, figures);
        log.info("order integrity: {} — {}", report.verdict(), report.reason());
        return report;
    }

    private List<IntegrityCheck> clientChecks(ClientOrders client, List<RunOrder> orders) {
        String problem = orderLog.problem();
        if (problem != null) {
            return List.of(IntegrityCheck.incomplete(IntegrityChecks.CLIENT_SUCCESSES_PAID, problem),
                    IntegrityCheck.incomplete(IntegrityChecks.NO_UNEXPECTED_PAID, problem),
                    IntegrityCheck.incomplete(IntegrityChecks.ONE_ORDER_PER_KEY, problem));
        }
        return List.of(IntegrityChecks.clientSuccessesArePaid(client, orders),
                IntegrityChecks.noPaidOrderTheClientWasRefused(client, orders),
                IntegrityChecks.oneOrderPerKey(client, orders));
    }

    private IntegrityCheck payments(List<RunOrder> orders, ClientOrders client, Map<String, Object> figures) {
        String name = IntegrityChecks.PAYMENTS_MATCH;
        if (gateway == null) {
            return IntegrityCheck.skipped(name, noGateway);
        }
        try {
            long journalSize = gateway.journalSize();
            if (journalSize >= journalLimit) {
                return IntegrityCheck.incomplete(name, "the gateway's request journal is full (" + journalSize
                        + " requests, " + JOURNAL_LIMIT_KEY + " = " + journalLimit + "), older payments may have been"
                        + " dropped; raise the limit above the run's payments, e.g. -D" + JOURNAL_LIMIT_KEY + "="
                        + 4L * journalLimit + " (and embedded.gateway.heap with it)");
            }
            List<Payment> payments = gateway.payments().stream()
                    .filter(payment -> payment.orderId() > before.maxOrderId()).toList();
            List<PaymentVoid> voids = gateway.voids().stream()
                    .filter(paymentVoid -> paymentVoid.orderId() > before.maxOrderId()).toList();
            GatewayCharges charges = GatewayCharges.of(payments, voids);
            figures.put("paymentsInJournal", payments.size());
            figures.put("voidedCharges", charges.voided().size());
            return IntegrityChecks.paymentsMatchPaidOrders(charges, orders, client);
        } catch (IllegalStateException e) {
            return IntegrityCheck.incomplete(name, e.getMessage());
        }
    }
}
