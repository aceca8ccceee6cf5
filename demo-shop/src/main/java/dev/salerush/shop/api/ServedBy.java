package dev.salerush.shop.api;

import io.javalin.config.JavalinConfig;

/**
 * Marks every response the shop itself produces, so a client can tell the shop's own answer from its load balancer's:
 * a 504 or 502 without this header came from the proxy, which forwarded the order and then gave up on (or lost) the
 * shop's answer, so the order's outcome is unknown; the shop's own 503 or 409 is a definite answer.
 */
public final class ServedBy {

    /** The header the suite's {@code target.servedByHeader} names by default. */
    public static final String HEADER = "X-Served-By";

    private ServedBy() {
    }

    /**
     * Sets the header before any handler runs, so that answers of the error and exception mappings, a 404 and
     * admission's 503 carry it too. Its value names the instance by the port it listens on (several shops may stand
     * behind one proxy).
     */
    public static void register(JavalinConfig config) {
        config.routes.before(ctx -> ctx.header(HEADER, "shop:" + ctx.req().getLocalPort()));
    }
}
