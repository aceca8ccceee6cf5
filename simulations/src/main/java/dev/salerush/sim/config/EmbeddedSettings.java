package dev.salerush.sim.config;

import dev.salerush.shop.config.BreakerSettings;

import java.time.Duration;

/**
 * Settings of the embedded sale environment (the {@code embedded} section): the demo shop and its payment gateway,
 * each a separate process on 127.0.0.1.
 */
public record EmbeddedSettings(Duration startupTimeout, Duration warmup, Shop shop, Gateway gateway) {

    public record Shop(int port, String heap, int browsePoolSize, int orderPoolSize, Duration gatewayConnectTimeout,
                       Duration gatewayTimeout, BreakerSettings breaker, boolean unsafeStockCheck,
                       Duration artificialDelay) {
    }

    public record Gateway(int port, Duration medianLatency, double latencySigma, String heap,
                          int maxRequestJournalEntries, int containerThreads) {
    }
}
