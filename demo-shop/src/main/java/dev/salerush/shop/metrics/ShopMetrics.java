package dev.salerush.shop.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The shop's Prometheus registry with JVM metrics bound, and the request timer.
 *
 * <p>Request timer: {@value #REQUEST_TIMER} (Prometheus {@code http_server_requests_seconds_count/_sum/_max/_bucket})
 * tagged {@code method}, {@code route} (the route template, e.g. {@code /api/products/{id}}; {@code NOT_FOUND} for
 * unmatched paths) and {@code status}.
 */
public final class ShopMetrics implements AutoCloseable {

    public static final String REQUEST_TIMER = "http.server.requests";
    public static final String UNMATCHED_ROUTE = "NOT_FOUND";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    /** @param version the version label, a common tag ({@code version}) of every metric next to application */
    public ShopMetrics(String version) {
        registry.config().commonTags("application", "demo-shop", "version", version);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Records one served request. */
    public void recordRequest(String method, String route, int status, long nanos) {
        Timer.builder(REQUEST_TIMER)
                .description("HTTP requests served by the demo shop")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
