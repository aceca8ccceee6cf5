package dev.salerush.env.embedded;

import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.demo.GatewayAdmin;

import java.net.URI;
import java.util.Optional;

/**
 * What both embedded topologies have once started: the URL load goes to, the database (for the integrity checks and
 * server metrics), the payment gateway's admin API, and the parts a drill's alerting watches. The parts themselves are stopped by the run's Cleanup, newest
 * first, so closing the environment does nothing more.
 */
abstract class StartedSaleEnvironment implements SaleEnvironment, MonitoredParts {
    private final URI baseUrl;
    private final DatabaseSettings database;
    private final GatewayAdmin gateway;

    StartedSaleEnvironment(URI baseUrl, DatabaseSettings database, GatewayAdmin gateway) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.gateway = gateway;
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public Optional<DatabaseSettings> database() {
        return Optional.of(database);
    }

    @Override
    public Optional<GatewayAdmin> paymentGateway() {
        return Optional.of(gateway);
    }

    GatewayAdmin gateway() {
        return gateway;
    }

    @Override
    public void close() {
        // the parts are closed by the run's Cleanup, newest first
    }
}
