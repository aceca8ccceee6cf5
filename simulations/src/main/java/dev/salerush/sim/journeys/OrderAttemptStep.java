package dev.salerush.sim.journeys;

import dev.salerush.sim.integrity.OrderAttempt;
import dev.salerush.sim.integrity.OrderLog;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import java.util.function.ToIntFunction;

import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * The step after an order request that records what the client saw of it into the run's {@link OrderLog}: the
 * built-in ordering journey's and a team simulation's ({@code SalerushSimulation.orderAttempt}) alike. It reads the
 * session attributes the request's checks saved; no status saved means no response came back. The status is removed
 * afterwards, so the user's next attempt is not credited with this one's answer.
 *
 * @param keyAttribute       the Idempotency-Key (or request id) the request was sent with
 * @param productIdAttribute the product ordered (number or text)
 * @param quantity           units ordered, from the session
 * @param statusAttribute    the HTTP status, saved with {@code status().saveAs(..)}
 * @param orderIdAttribute   the order id of the response (number or text), absent when there was none
 */
public record OrderAttemptStep(String keyAttribute, String productIdAttribute, ToIntFunction<Session> quantity,
                               String statusAttribute, String orderIdAttribute) {

    /** Records one attempt; {@code retry}: a repeat of an earlier attempt with the same key. */
    public ChainBuilder recordInto(OrderLog orderLog, boolean retry) {
        return exec(session -> {
            try {
                orderLog.record(attempt(session, retry));
            } catch (RuntimeException e) {
                // a team's attribute missing or unusable: the log is then incomplete, and the check says why
                orderLog.unrecordable("an order attempt could not be recorded (" + this + "): " + e.getMessage());
            }
            return session.remove(statusAttribute);
        });
    }

    private OrderAttempt attempt(Session session, boolean retry) {
        return new OrderAttempt(System.currentTimeMillis(), text(session, keyAttribute),
                text(session, productIdAttribute), quantity.applyAsInt(session),
                session.contains(statusAttribute) ? session.getInt(statusAttribute) : null,
                session.contains(orderIdAttribute) ? text(session, orderIdAttribute) : null, retry);
    }

    private static String text(Session session, String attribute) {
        if (!session.contains(attribute)) {
            throw new IllegalArgumentException("no session attribute '" + attribute + "'");
        }
        return String.valueOf((Object) session.get(attribute));
    }
}
