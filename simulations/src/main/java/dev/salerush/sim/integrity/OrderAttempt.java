package dev.salerush.sim.integrity;

/**
 * What the client saw of one order attempt: one line of {@code orders.csv}. Product and order ids are text as the
 * target's API shows them (the demo shop's are numbers, a team's may be "G000123").
 *
 * @param status  HTTP status, or {@code null} when no response came back (timeout, connection error): the outcome is
 *                unknown to the client
 * @param orderId the order id in the response, or {@code null}
 * @param retry   a repeat of an earlier attempt with the same Idempotency-Key
 */
public record OrderAttempt(long atMillis, String idempotencyKey, String productId, int quantity, Integer status,
                           String orderId, boolean retry) {

    public static final String CSV_HEADER = "atMillis,idempotencyKey,productId,quantity,status,orderId,retry";
    private static final int CREATED = 201;

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

    /** The client saw the order placed: 201 with an order id. */
    public boolean succeeded() {
        return status != null && status == CREATED && orderId != null;
    }

    /** The client saw an answer without an order (409, 503, 4xx/5xx, or a 201 without an id). */
    public boolean refused() {
        return status != null && !succeeded();
    }

    public String toCsv() {
        return atMillis + "," + idempotencyKey + "," + productId + "," + quantity + ","
                + (status == null ? "" : status) + "," + (orderId == null ? "" : orderId) + "," + retry;
    }

    public static OrderAttempt fromCsv(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("not an order attempt line (" + CSV_HEADER + "): " + line);
        }
        return new OrderAttempt(Long.parseLong(f[0]), f[1], f[2], Integer.parseInt(f[3]),
                f[4].isEmpty() ? null : Integer.valueOf(f[4]), f[5].isEmpty() ? null : f[5],
                Boolean.parseBoolean(f[6]));
    }
}
