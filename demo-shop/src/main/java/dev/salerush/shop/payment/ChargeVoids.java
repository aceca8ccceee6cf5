package dev.salerush.shop.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voids a charge the shop gave up on: {@code POST /v1/payments/void {orderId, idempotencyKey}}, best effort, once,
 * with its own short timeout. Counted in {@code shop_payment_voids_total{outcome="voided|failed"}}; a failed void is
 * logged at WARN with the idempotency key, so an operator can reconcile that charge with the payment provider.
 *
 * <p>Deliberately not guarded by the circuit breaker: a void only follows a charge the breaker let through, and the
 * failure of that very charge may just have opened the breaker; a void must not be skipped for it, nor counted as a
 * charge failure.
 */
final class ChargeVoids {

    static final String METRIC = "shop.payment.voids";
    private static final Logger log = LoggerFactory.getLogger(ChargeVoids.class);

    private final HttpClient client;
    private final URI voidUri;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Counter voided;
    private final Counter failed;

    ChargeVoids(HttpClient client, URI voidUri, Duration timeout, ObjectMapper json, MeterRegistry meters) {
        this.client = client;
        this.voidUri = voidUri;
        this.timeout = timeout;
        this.json = json;
        this.voided = outcomeCounter(meters, "voided");
        this.failed = outcomeCounter(meters, "failed");
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder(METRIC).description("Voids of charges the shop gave up on, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    /**
     * Voids the charge of {@code orderId} under {@code idempotencyKey}; never throws.
     *
     * @param chargeFailure why the charge was given up (for the log)
     */
    void voidCharge(long orderId, String idempotencyKey, String chargeFailure) {
        String problem = send(orderId, idempotencyKey);
        if (problem == null) {
            voided.increment();
            log.info("Voided the charge of order {} (Idempotency-Key {}) after: {}", orderId, idempotencyKey,
                    chargeFailure);
        } else {
            failed.increment();
            log.warn("RECONCILE: the charge of order {} with Idempotency-Key {} may stand at the payment gateway: the "
                    + "charge failed ({}) and voiding it failed too ({}); the order was rolled back", orderId,
                    idempotencyKey, chargeFailure, problem);
        }
    }

    /** @return null when the gateway confirmed the void, else what went wrong */
    private String send(long orderId, String idempotencyKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(voidUri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
                            Map.of("orderId", orderId, "idempotencyKey", idempotencyKey))))
                    .build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            JsonNode answer = json.readTree(response.body());
            String status = answer == null ? "" : answer.path("status").asText("");
            return "VOIDED".equals(status) ? null : "status=" + status;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
