package dev.salerush.env;


import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A team's own service: nothing is started or stopped, its health endpoint must answer before any load. */
public final class ExternalTarget implements SaleEnvironment {
    private final URI baseUrl;
    private final DatabaseSettings database;

    private ExternalTarget(URI baseUrl, DatabaseSettings database) {
        this.baseUrl = baseUrl;
        this.database = database;
    }

    /** Checks the target answers its health endpoint (the host was checked against the allow-list by the config). */
    public static ExternalTarget connect(URI baseUrl, String healthPath, Duration healthTimeout,
                                         DatabaseSettings database) {
        HealthCheck.awaitHealthy(URI.create(Urls.join(baseUrl.toString(), healthPath)), healthTimeout);
        return new ExternalTarget(baseUrl, database.embedded() ? null : database);
    }

    @Override
    public Optional<DatabaseSettings> database() {
        return Optional.ofNullable(database);
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
