package dev.salerush.env;

import java.time.Duration;

/**
 * Settings of the embedded sale environment (the {@code embedded} section): the demo shop and its payment gateway,
 * each a separate process on 127.0.0.1. Plain values, so the suite's configuration can build them without knowing
 * the shop's own classes.
 */
public record EmbeddedSettings(Duration startupTimeout, Shop shop, Gateway gateway) {

    public record Shop(int port, String heap, int browsePoolSize, int orderPoolSize, Duration gatewayConnectTimeout,
                       Duration gatewayTimeout, Breaker breaker, boolean unsafeStockCheck,
                       Duration artificialDelay) {
    }

    /** The shop's circuit breaker around the payment gateway (see the demo shop's BreakerSettings for each value). */
    public record Breaker(int window, int minimumCalls, int failureRatePercent, Duration slowCall,
                          int slowCallRatePercent, Duration openWait, int halfOpenCalls) {
    }

    public record Gateway(int port, Duration medianLatency, double latencySigma, String heap,
                          int maxRequestJournalEntries, int containerThreads) {
    }
}
