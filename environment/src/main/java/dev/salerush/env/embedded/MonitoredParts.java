package dev.salerush.env.embedded;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What a drill's alerting stack watches in an embedded environment, in either topology: the shop processes as they
 * are now (Prometheus scrapes each by the name the alerts give it), the load balancer's exporter when there is one,
 * and the payment gateway (probed beside the database).
 */
public interface MonitoredParts {

    /** One shop process: its name in the alerts ({@code shop-1}, ...) and the port it keeps across restarts. */
    record Shop(String name, int port) {
    }

    /** Every shop, running or not (a killed one is scraped too: that it answers no more is what pages). */
    List<Shop> shops();

    /** The load balancer's Prometheus exporter; empty in the single topology, which has none. */
    Optional<URI> loadBalancerMetricsUrl();

    /** The payment gateway's base URL. */
    URI gatewayBaseUrl();
}
