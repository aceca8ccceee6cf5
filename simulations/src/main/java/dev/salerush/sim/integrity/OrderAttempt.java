package dev.salerush.sim.integrity;

/**
 * What the client saw of one order attempt: one line of {@code orders.csv}. Product and order ids are text as the
 * target's API shows them (the demo shop's are numbers, a team's may be "G000123").
 *
 * @param status  HTTP status, or {@code null} when no response came back (timeout, connection error): the outcome is
 *                unknown to the client
 * @param orderId the order id in the response, or {@code null}
 * @param retry   a repeat of an earlier attempt with the same Idempotency-Key
 * @param servedByService the response carried the service's served-by header ({@code target.servedByHeader}): the
 *                        service itself answered, not a proxy in front of it; false without a response, and in logs
 *                        written before the column existed
 */
public record OrderAttempt(long atMillis, String idempotencyKey, String productId, int quantity, Integer status,
                           String orderId, boolean retry, boolean servedByService) {

    public static final String CSV_HEADER = "atMillis,idempotencyKey,productId,quantity,status,orderId,retry,"
            + "servedByService";
    /** The header of logs written before servedByService was recorded: still read, as answers without the header. */
    static final String OLD_CSV_HEADER = "atMillis,idempotencyKey,productId,quantity,status,orderId,retry";
    private static final int OLD_COLUMNS = 7;
    private static final int COLUMNS = 8;

    /** An attempt whose answer, if any, did not come from the service itself. */
    public OrderAttempt(long atMillis, String idempotencyKey, String productId, int quantity, Integer status,
                        String orderId, boolean retry) {
        this(atMillis, idempotencyKey, productId, quantity, status, orderId, retry, false);
    }

    public OrderAttempt {
        // a comma or line break would break the CSV line
        if (!usable(idempotencyKey)) {
            throw new IllegalArgumentException("unusable idempotency key: " + idempotencyKey);
        }
        if (!usable(productId)) {
            throw new IllegalArgumentException("unusable product id: " + productId);
        }
        if (orderId != null && !usable(orderId)) {
            throw new IllegalArgumentException("unusable order id: " + orderId);
        }
    }

    private static boolean usable(String field) {
        return field != null && !field.isEmpty() && field.chars().noneMatch(c -> c == ',' || c == '\n' || c == '\r');
    }

    /** What the client can know of this attempt ({@link OrderOutcome#classify}). */
    public OrderOutcome outcome() {
        return OrderOutcome.classify(status, orderId != null, servedByService);
    }

    /** The client saw the order placed: 201 with an order id. */
    public boolean succeeded() {
        return outcome() == OrderOutcome.SUCCEEDED;
    }

    /** The client got a definite answer without an order (409, 503, any 4xx, the service's own 5xx, ...). */
    public boolean refused() {
        return outcome() == OrderOutcome.REFUSED;
    }

    /** The client cannot know whether this attempt placed an order (no response, or a proxy's 502/504). */
    public boolean unknown() {
        return outcome() == OrderOutcome.UNKNOWN;
    }

    public String toCsv() {
        return atMillis + "," + idempotencyKey + "," + productId + "," + quantity + ","
                + (status == null ? "" : status) + "," + (orderId == null ? "" : orderId) + "," + retry + ","
                + servedByService;
    }

    /** Reads a line of the current log, or of one written before the servedByService column. */
    public static OrderAttempt fromCsv(String line) {
        String[] f = line.split(",", -1);
        if (f.length != COLUMNS && f.length != OLD_COLUMNS) {
            throw new IllegalArgumentException("not an order attempt line (" + CSV_HEADER + "): " + line);
        }
        return new OrderAttempt(Long.parseLong(f[0]), f[1], f[2], Integer.parseInt(f[3]),
                f[4].isEmpty() ? null : Integer.valueOf(f[4]), f[5].isEmpty() ? null : f[5],
                Boolean.parseBoolean(f[6]), f.length == COLUMNS && Boolean.parseBoolean(f[7]));
    }
}
