package dev.salerush.sim.env;

import dev.salerush.sim.config.TargetSettings;

import java.net.URI;
import java.util.Map;

/** A team's own service: nothing is started or stopped, its health endpoint must answer before any load. */
public final class ExternalTarget implements SaleEnvironment {
    private final URI baseUrl;

    private ExternalTarget(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Checks the target answers its health endpoint (the host was checked against the allow-list by the config). */
    public static ExternalTarget connect(TargetSettings target) {
        URI baseUrl = target.baseUrl();
        HealthCheck.awaitHealthy(baseUrl.resolve(target.healthPath()), target.healthTimeout());
        return new ExternalTarget(baseUrl);
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("kind", "external", "baseUrl", baseUrl.toString());
    }

    @Override
    public void close() {
        // nothing was started
    }
}
