package dev.salerush.env;

import dev.salerush.env.demo.GatewayAdmin;
import dev.salerush.env.ops.Operations;

import java.net.URI;
import java.util.Optional;
import java.util.Map;

/** The service a run sends load to: the embedded sale environment or a team's own service. */
public interface SaleEnvironment extends AutoCloseable {

    URI baseUrl();

    boolean embedded();

    /**
     * Where the target's own metrics are scraped: the service itself. Behind a load balancer one instance
     * ({@code shop-1}), because counters of alternating instances would not add up to rates.
     */
    default URI metricsBaseUrl() {
        return baseUrl();
    }

    /** The target's database, when the suite can reach it (for server metrics and checks). */
    Optional<DatabaseSettings> database();

    /** The admin API of the target's payment gateway, when the suite started it (its request journal holds the payments). */
    default Optional<GatewayAdmin> paymentGateway() {
        return Optional.empty();
    }

    /** What the suite can do to this environment while load runs; empty for a service it did not start. */
    default Optional<Operations> operations() {
        return Optional.empty();
    }

    /** Facts about the environment for the run summary (never credentials). */
    Map<String, Object> describe();

    /** Stops whatever the suite started; idempotent and never throws. */
    @Override
    void close();
}
