package dev.salerush.shop.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.shop.config.BreakerSettings;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/payments {orderId, amount, idempotencyKey}} over {@link HttpClient}, guarded by a Resilience4j
 * circuit breaker named {@value #BREAKER_NAME}. Every failure - connect error, timeout, non-200, a body that is not an
 * approval - is recorded by the breaker and surfaces as {@link PaymentUnavailableException}.
 *
 * <p>When a failed charge may nevertheless have reached the gateway (a timeout, a connection lost after sending, a
 * 5xx, an unreadable 200), it is voided by its idempotency key ({@link ChargeVoids}) before the exception is thrown:
 * the caller rolls the order back, so a standing charge would be money taken for nothing. A charge that surely never
 * left (breaker open, connection refused or connect timeout) or that the gateway declined is not voided.
 */
public final class HttpPaymentGateway implements PaymentGateway {

    public static final String BREAKER_NAME = "payment";
    /** A void is small and comes after the caller already waited for the charge: give it up quickly. */
    public static final Duration VOID_TIMEOUT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(HttpPaymentGateway.class);

    private final HttpClient client;
    private final URI paymentsUri;
    private final Duration requestTimeout;
    private final CircuitBreaker breaker;
    private final ObjectMapper json;
    private final ChargeVoids voids;

    public HttpPaymentGateway(String baseUrl, Duration connectTimeout, Duration requestTimeout,
                              CircuitBreakerRegistry breakers, ObjectMapper json, MeterRegistry meters) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.paymentsUri = URI.create(stripSlash(baseUrl) + "/v1/payments");
        this.requestTimeout = requestTimeout;
        this.breaker = breakers.circuitBreaker(BREAKER_NAME);
        this.json = json;
        this.voids = new ChargeVoids(client, URI.create(stripSlash(baseUrl) + "/v1/payments/void"), VOID_TIMEOUT,
                json, meters);
        this.breaker.getEventPublisher().onStateTransition(e ->
                log.warn("Payment circuit breaker {}", e.getStateTransition()));
    }

    /**
     * The breaker configuration from the settings: COUNT_BASED window, automatic OPEN to HALF_OPEN. A disabled breaker
     * stays in place but can never open: its rates are never evaluated (a one-second window that would need more
     * calls than can ever fall into it), so every payment is attempted while the calls are still counted — unlike
     * Resilience4j's DISABLED state, which records no calls and would leave the payment alerts blind.
     */
    public static CircuitBreakerConfig breakerConfig(BreakerSettings s) {
        if (!s.enabled()) {
            return CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                    .slidingWindowSize(1)
                    .minimumNumberOfCalls(Integer.MAX_VALUE)
                    .build();
        }
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.windowSize())
                .minimumNumberOfCalls(s.minimumCalls())
                .failureRateThreshold(s.failureRatePercent())
                .slowCallDurationThreshold(s.slowCallThreshold())
                .slowCallRateThreshold(s.slowCallRatePercent())
                .waitDurationInOpenState(s.openWait())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
                .build();
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public String charge(long orderId, long amount, String idempotencyKey) throws PaymentUnavailableException {
        HttpRequest request = chargeRequest(orderId, amount, idempotencyKey);
        PaymentUnavailableException failure;
        try {
            return breaker.executeCheckedSupplier(() -> call(request));
        } catch (CallNotPermittedException e) {
            throw new PaymentUnavailableException("payment circuit breaker is " + breaker.getState(), e);
        } catch (PaymentUnavailableException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new PaymentUnavailableException("interrupted while waiting for the payment gateway", e);
        } catch (Throwable e) {
            failure = new PaymentUnavailableException("payment gateway call failed: " + e, e);
        }
        if (mayHaveReachedGateway(failure)) {
            voids.voidCharge(orderId, idempotencyKey, failure.getMessage());
        }
        throw failure;
    }

    @Override
    public void voidCharge(long orderId, String idempotencyKey, String reason) {
        voids.voidCharge(orderId, idempotencyKey, reason);
    }

    /**
     * Whether the gateway may have received (and approved) the charge despite the failure. Only a connection that
     * was never made, or an answer that says no charge was made, rules it out.
     */
    static boolean mayHaveReachedGateway(PaymentUnavailableException failure) {
        if (failure instanceof NotCharged) {
            return false;
        }
        Throwable cause = failure.getCause();
        return !(cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException);
    }

    private HttpRequest chargeRequest(long orderId, long amount, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("amount", amount);
        body.put("idempotencyKey", idempotencyKey);
        try {
            return HttpRequest.newBuilder(paymentsUri)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a payment request", e);
        }
    }

    private String call(HttpRequest request) throws IOException, InterruptedException, PaymentUnavailableException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            String message = "payment gateway answered HTTP " + response.statusCode();
            // a 5xx may come after the charge was made; a 4xx is a refusal of the request
            throw response.statusCode() >= 500 ? new PaymentUnavailableException(message) : new NotCharged(message);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new PaymentUnavailableException("payment gateway answered with invalid JSON", e);
        }
        String paymentId = answer.path("paymentId").asText("");
        String status = answer.path("status").asText("");
        if (paymentId.isEmpty() || !"APPROVED".equals(status)) {
            throw new NotCharged("payment not approved: status=" + status);
        }
        return paymentId;
    }

    /** The gateway answered, and its answer says it made no charge: nothing to void. */
    static final class NotCharged extends PaymentUnavailableException {
        NotCharged(String message) {
            super(message);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
