package dev.salerush.shop.gateway;

import dev.salerush.shop.lifecycle.ParentWatch;

/**
 * Entry point of the payment gateway process: WireMock standalone plus orphan safety. The process runs with only the
 * WireMock standalone jar and demo-shop's own classes on its classpath (WireMock shades its dependencies; this class
 * and {@link ParentWatch} use nothing but the JDK), so no library of the shop can clash with WireMock's.
 *
 * <p>All arguments go to WireMock unchanged. System properties {@value #PARENT_PID_PROPERTY} and
 * {@value #STDIN_EOF_PROPERTY} switch on the parent watch.
 */
public final class PaymentGatewayMain {

    public static final String PARENT_PID_PROPERTY = "salerush.parentPid";
    public static final String STDIN_EOF_PROPERTY = "salerush.exitOnStdinEof";

    private PaymentGatewayMain() {
    }

    public static void main(String[] args) {
        long parentPid = Long.getLong(PARENT_PID_PROPERTY, 0L);
        boolean stdinEof = Boolean.getBoolean(STDIN_EOF_PROPERTY);
        ParentWatch.start(parentPid, stdinEof, "payment-gateway");
        wiremock.Run.main(args);
    }
}
