package dev.salerush.shop.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.salerush.shop.config.ShopSettings;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The two connection pools: {@value #BROWSE} for catalog reads and /health, {@value #ORDER} for order placement (its
 * connections are held during the payment call, so a slow gateway cannot starve browsing). Both report to Micrometer
 * as {@code hikaricp_*{pool="browse"|"order"}}.
 */
public final class Pools implements AutoCloseable {

    public static final String BROWSE = "browse";
    public static final String ORDER = "order";

    private final HikariDataSource browse;
    private final HikariDataSource order;

    public Pools(ShopSettings settings, MeterRegistry meters) {
        MicrometerMetricsTrackerFactory tracker = new MicrometerMetricsTrackerFactory(meters);
        this.browse = new HikariDataSource(config(settings, BROWSE, settings.browsePoolSize(), tracker));
        try {
            this.order = new HikariDataSource(config(settings, ORDER, settings.orderPoolSize(), tracker));
        } catch (RuntimeException e) {
            browse.close();
            throw e;
        }
    }

    private static HikariConfig config(ShopSettings s, String name, int size,
                                       MicrometerMetricsTrackerFactory tracker) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(s.dbUrl());
        c.setUsername(s.dbUser());
        c.setPassword(s.dbPassword());
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(size);
        // Short on purpose: a request that cannot get a connection soon answers 503 DATABASE_UNAVAILABLE
        // (Retry-After: 1) instead of holding its thread and memory (--pool-wait, at least Hikari's 250 ms).
        c.setConnectionTimeout(s.admission().poolWait().toMillis());
        // Evict a connection that answers "read-only transaction" (25006): it landed on a standby after a failover.
        c.setExceptionOverrideClassName(FailoverExceptionOverride.class.getName());
        // Fail at startup (not at the first request) when the database is unreachable.
        c.setInitializationFailTimeout(5_000);
        c.setMetricsTrackerFactory(tracker);
        c.addDataSourceProperty("ApplicationName", "salerush-demo-shop-" + name);
        c.addDataSourceProperty("tcpKeepAlive", "true");
        return c;
    }

    public HikariDataSource browse() {
        return browse;
    }

    public HikariDataSource order() {
        return order;
    }

    @Override
    public void close() {
        order.close();
        browse.close();
    }
}
