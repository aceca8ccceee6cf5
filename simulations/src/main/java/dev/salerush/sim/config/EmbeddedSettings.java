package dev.salerush.sim.config;

import java.time.Duration;

/** Settings of the embedded sale environment: the demo shop and its payment gateway, each a separate process. */
public record EmbeddedSettings(Duration startupTimeout, Duration warmup, int shopPort, String shopHeap, int browsePoolSize,
                               int orderPoolSize, int gatewayPort, Duration gatewayMedianLatency,
                               double gatewayLatencySigma) {
}
