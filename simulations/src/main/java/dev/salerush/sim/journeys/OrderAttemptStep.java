package dev.salerush.sim.journeys;

import dev.salerush.sim.integrity.OrderAttempt;
import dev.salerush.sim.integrity.OrderLog;
import dev.salerush.sim.integrity.OrderOutcome;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import java.util.function.ToIntFunction;

import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * The step after an order request that records what the client saw of it into the run's {@link OrderLog}: the
 * built-in ordering journey's and a team simulation's ({@code SalerushSimulation.orderAttempt}) alike. It reads the
 * session attributes the request's checks saved; no status saved means no response came back. The status and the
 * served-by mark are removed afterwards, so the user's next attempt is not credited with this one's answer; the
 * attempt's {@link OrderOutcome} is left as {@link #OUTCOME} for the journey to decide on a retry.
 *
 * @param keyAttribute       the Idempotency-Key (or request id) the request was sent with
 * @param productIdAttribute the product ordered (number or text)
 * @param quantity           units ordered, from the session
 * @param statusAttribute    the HTTP status, saved with {@code status().saveAs(..)}
 * @param orderIdAttribute   the order id of the response (number or text), absent when there was none
 * @param servedByAttribute  present when the response carried the service's served-by header; {@code null} when the
 *                           request does not capture it (every answer is then taken for a proxy's)
 */
public record OrderAttemptStep(String keyAttribute, String productIdAttribute, ToIntFunction<Session> quantity,
                               String statusAttribute, String orderIdAttribute, String servedByAttribute) {

    /** Session attribute of the last recorded attempt's {@link OrderOutcome}. */
    public static final String OUTCOME = "orderOutcome";

    /** A step for a request that does not capture the served-by header. */
    public OrderAttemptStep(String keyAttribute, String productIdAttribute, ToIntFunction<Session> quantity,
                            String statusAttribute, String orderIdAttribute) {
        this(keyAttribute, productIdAttribute, quantity, statusAttribute, orderIdAttribute, null);
    }

    /** Records one attempt; {@code retry}: a repeat of an earlier attempt with the same key. */
    public ChainBuilder recordInto(OrderLog orderLog, boolean retry) {
        return exec(session -> {
            Session answered = session.remove(statusAttribute);
            try {
                OrderAttempt attempt = attempt(session, retry);
                orderLog.record(attempt);
                answered = answered.set(OUTCOME, attempt.outcome());
            } catch (RuntimeException e) {
                // a team's attribute missing or unusable: the log is then incomplete, and the check says why
                orderLog.unrecordable("an order attempt could not be recorded (" + this + "): " + e.getMessage());
                answered = answered.remove(OUTCOME);
            }
            return servedByAttribute == null ? answered : answered.remove(servedByAttribute);
        });
    }

    private OrderAttempt attempt(Session session, boolean retry) {
        return new OrderAttempt(System.currentTimeMillis(), text(session, keyAttribute),
                text(session, productIdAttribute), quantity.applyAsInt(session),
                session.contains(statusAttribute) ? session.getInt(statusAttribute) : null,
                session.contains(orderIdAttribute) ? text(session, orderIdAttribute) : null, retry,
                servedByAttribute != null && session.contains(servedByAttribute));
    }

    private static String text(Session session, String attribute) {
        if (!session.contains(attribute)) {
            throw new IllegalArgumentException("no session attribute '" + attribute + "'");
        }
        return String.valueOf((Object) session.get(attribute));
    }
}
