package dev.salerush.sim.config;

import dev.salerush.env.EmbeddedSettings;

/** The {@code embedded} section: the demo shop and its payment gateway, as the environment module's settings. */
final class EmbeddedSection {
    private EmbeddedSection() {
    }

    static EmbeddedSettings read(ConfigReader reader) {
        EmbeddedSettings.Shop shop = new EmbeddedSettings.Shop(
                reader.intInRange("shop.port", 0, 65535),
                reader.heapSize("shop.heap"),
                reader.intInRange("shop.browsePoolSize", 1, 500),
                reader.intInRange("shop.orderPoolSize", 1, 500),
                reader.positiveDuration("shop.gatewayConnectTimeout"),
                reader.positiveDuration("shop.gatewayTimeout"),
                breaker(reader.child("shop.breaker")),
                reader.bool("shop.unsafeStockCheck"),
                reader.nonNegativeDuration("shop.artificialDelay"));
        EmbeddedSettings.Gateway gateway = new EmbeddedSettings.Gateway(
                reader.intInRange("gateway.port", 0, 65535),
                reader.positiveDuration("gateway.medianLatency"),
                reader.numberInRange("gateway.latencySigma", 0, 3),
                reader.heapSize("gateway.heap"),
                reader.intInRange("gateway.maxRequestJournalEntries", 1, 10_000_000),
                reader.intInRange("gateway.containerThreads", 8, 2_000));
        return new EmbeddedSettings(reader.positiveDuration("startupTimeout"), shop, gateway);
    }

    private static EmbeddedSettings.Breaker breaker(ConfigReader breaker) {
        return new EmbeddedSettings.Breaker(
                breaker.intInRange("window", 1, 10_000),
                breaker.intInRange("minimumCalls", 1, 10_000),
                breaker.intInRange("failureRate", 1, 100),
                breaker.positiveDuration("slowCall"),
                breaker.intInRange("slowCallRate", 1, 100),
                breaker.positiveDuration("openWait"),
                breaker.intInRange("halfOpenCalls", 1, 10_000));
    }
}
