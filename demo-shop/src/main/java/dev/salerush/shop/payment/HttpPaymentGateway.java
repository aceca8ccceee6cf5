package dev.salerush.shop.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.shop.config.BreakerSettings;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
 */
public final class HttpPaymentGateway implements PaymentGateway {

    public static final String BREAKER_NAME = "payment";
    private static final Logger log = LoggerFactory.getLogger(HttpPaymentGateway.class);

    private final HttpClient client;
    private final URI paymentsUri;
    private final Duration requestTimeout;
    private final CircuitBreaker breaker;
    private final ObjectMapper json;

    public HttpPaymentGateway(String baseUrl, Duration connectTimeout, Duration requestTimeout,
                              CircuitBreakerRegistry breakers, ObjectMapper json) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.paymentsUri = URI.create(stripSlash(baseUrl) + "/v1/payments");
        this.requestTimeout = requestTimeout;
        this.breaker = breakers.circuitBreaker(BREAKER_NAME);
        this.json = json;
        this.breaker.getEventPublisher().onStateTransition(e ->
                log.warn("Payment circuit breaker {}", e.getStateTransition()));
    }

    /** The breaker configuration from the settings: COUNT_BASED window, automatic OPEN to HALF_OPEN. */
    public static CircuitBreakerConfig breakerConfig(BreakerSettings s) {
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
        try {
            return breaker.executeCheckedSupplier(() -> call(orderId, amount, idempotencyKey));
        } catch (CallNotPermittedException e) {
            throw new PaymentUnavailableException("payment circuit breaker is " + breaker.getState(), e);
        } catch (PaymentUnavailableException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentUnavailableException("interrupted while waiting for the payment gateway", e);
        } catch (Throwable e) {
            throw new PaymentUnavailableException("payment gateway call failed: " + e, e);
        }
    }

    private String call(long orderId, long amount, String idempotencyKey)
            throws IOException, InterruptedException, PaymentUnavailableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("amount", amount);
        body.put("idempotencyKey", idempotencyKey);
        HttpRequest request = HttpRequest.newBuilder(paymentsUri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new PaymentUnavailableException("payment gateway answered HTTP " + response.statusCode());
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
            throw new PaymentUnavailableException("payment not approved: status=" + status);
        }
        return paymentId;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
