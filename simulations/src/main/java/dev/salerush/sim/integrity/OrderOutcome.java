package dev.salerush.sim.integrity;

/**
 * What the client can know of one order attempt from the answer it got. The service is the authority on its orders:
 * whatever it answers itself (any status but 201 with an order id) is a definite refusal, and if it charged anyway the
 * integrity check names it. A proxy in front of it (HAProxy, a gateway) is not: a 502 or 504 of its own means it
 * forwarded the order and then lost or gave up on the answer, which may still have placed the order. The table, and
 * how the journey and the integrity check treat each row, is in docs/run-folder.md.
 */
public enum OrderOutcome {
    /** 201 with an order id: the client was told the order was placed. */
    SUCCEEDED,
    /** A definite answer without an order: nothing was placed (the sold-out 409, shedding's 503, any 4xx, ...). */
    REFUSED,
    /** No answer the client can rely on: it must retry with the same Idempotency-Key to learn the outcome. */
    UNKNOWN;

    private static final int CREATED = 201;
    private static final int FIRST_SERVER_ERROR = 500;
    /** A proxy answers 503 only when it did not forward: no server up, a queue timeout, a failed connect. */
    private static final int SERVICE_UNAVAILABLE = 503;

    /**
     * @param status          the HTTP status, {@code null} when no response came back (client timeout, cut connection)
     * @param withOrderId     the response named an order
     * @param servedByService the response carried the service's served-by header ({@code target.servedByHeader}): the
     *                        service answered, not a proxy in front of it
     */
    public static OrderOutcome classify(Integer status, boolean withOrderId, boolean servedByService) {
        if (status == null) {
            return UNKNOWN;
        }
        if (status == CREATED && withOrderId) {
            return SUCCEEDED;
        }
        if (servedByService || status < FIRST_SERVER_ERROR || status == SERVICE_UNAVAILABLE) {
            return REFUSED;
        }
        // the proxy's own 502, 504 (or another 5xx): it may have forwarded the order before it gave up
        return UNKNOWN;
    }
}
