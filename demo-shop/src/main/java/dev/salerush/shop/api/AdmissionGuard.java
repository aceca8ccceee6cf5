package dev.salerush.shop.api;

import dev.salerush.shop.admission.AdmissionLimiter;
import dev.salerush.shop.admission.AdmissionLimiter.Decision;
import dev.salerush.shop.config.AdmissionSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.javalin.http.Handler;
import java.time.Duration;

/**
 * Load shedding for /api/*: wraps a route's handler so that it runs only with a slot of the {@link AdmissionLimiter};
 * a refused request is answered at once with 503, {@code Retry-After: 1} and {@code {"error":"OVERLOADED"}}.
 *
 * <p>Metrics: {@code shop_shed_requests_total{reason="queue_full"|"wait_timeout"}}, gauges
 * {@code shop_admission_in_flight} and {@code shop_admission_queued}, and the limits as
 * {@code shop_admission_limit{kind="concurrent"|"queued"}}.
 */
public final class AdmissionGuard {

    public static final String OVERLOADED = "OVERLOADED";
    public static final String RETRY_AFTER_SECONDS = "1";

    private final AdmissionLimiter limiter;
    private final Duration queueWait;
    private final Counter shedQueueFull;
    private final Counter shedTimedOut;

    public AdmissionGuard(AdmissionSettings settings, MeterRegistry meters) {
        this(new AdmissionLimiter(settings.maxConcurrent(), settings.maxQueued()), settings.queueWait(), meters);
    }

    AdmissionGuard(AdmissionLimiter limiter, Duration queueWait, MeterRegistry meters) {
        this.limiter = limiter;
        this.queueWait = queueWait;
        this.shedQueueFull = shedCounter(meters, "queue_full");
        this.shedTimedOut = shedCounter(meters, "wait_timeout");
        Gauge.builder("shop.admission.in_flight", limiter, AdmissionLimiter::inFlight)
                .description("/api requests in progress").register(meters);
        Gauge.builder("shop.admission.queued", limiter, AdmissionLimiter::queued)
                .description("/api requests waiting for a slot").register(meters);
        Gauge.builder("shop.admission.limit", limiter, AdmissionLimiter::maxConcurrent).tag("kind", "concurrent")
                .description("admission limits").register(meters);
        Gauge.builder("shop.admission.limit", limiter, AdmissionLimiter::maxQueued).tag("kind", "queued")
                .description("admission limits").register(meters);
    }

    private static Counter shedCounter(MeterRegistry meters, String reason) {
        return Counter.builder("shop.shed.requests")
                .description("/api requests refused with 503 OVERLOADED by admission control")
                .tag("reason", reason).register(meters);
    }

    /** {@code handler} behind admission control; the slot is held until the handler returns or throws. */
    public Handler guard(Handler handler) {
        return ctx -> {
            Decision decision = limiter.acquire(queueWait);
            if (decision != Decision.ADMITTED) {
                (decision == Decision.QUEUE_FULL ? shedQueueFull : shedTimedOut).increment();
                ctx.status(503).header("Retry-After", RETRY_AFTER_SECONDS).json(ApiError.of(OVERLOADED));
                return;
            }
            try {
                handler.handle(ctx);
            } finally {
                limiter.release();
            }
        };
    }
}
