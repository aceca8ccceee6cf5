package dev.salerush.shop.launch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drill controls of the payment gateway through WireMock's {@code /__admin} API. A fault is one extra stub with id
 * {@value #FAULT_STUB_ID} at priority 1 (it wins over the approval stub at priority 5); setting another fault replaces
 * it, {@link #clearFaults()} removes it. Everything here is plain WireMock admin API, so other tools can do the same.
 */
public final class GatewayAdmin {

    public static final String FAULT_STUB_ID = "5a1e2a5b-0000-4000-8000-0000000000f1";
    private static final String PAYMENTS_PATTERN = "{\"method\":\"POST\",\"url\":\"/v1/payments\"}";

    /** One payment request the gateway received: the body of a {@code POST /v1/payments}. */
    public record Payment(long orderId, long amount, String idempotencyKey) {
    }

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    public GatewayAdmin(URI gatewayBaseUrl) {
        this.base = gatewayBaseUrl;
    }

    /** Every payment answers this HTTP status (e.g. 500) with a JSON error body. */
    public void failWithStatus(int status) {
        setFault("{\"status\":" + status
                + ",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"error\\\":\\\"GATEWAY_ERROR\\\"}\"}");
    }

    /** Every payment connection is reset by the peer (no HTTP answer at all). */
    public void connectionReset() {
        setFault("{\"fault\":\"CONNECTION_RESET_BY_PEER\"}");
    }

    /** Payments are approved, but each takes exactly {@code delay} (e.g. to trip the slow-call rate or timeouts). */
    public void fixedDelay(Duration delay) {
        setFault("{\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":\"{\\\"paymentId\\\":\\\"pay-{{jsonPath request.body '$.idempotencyKey'}}\\\","
                + "\\\"status\\\":\\\"APPROVED\\\"}\",\"transformers\":[\"response-template\"],"
                + "\"fixedDelayMilliseconds\":" + delay.toMillis() + "}");
    }

    /** Back to normal approvals (removes the fault stub; other stubs are kept). */
    public void clearFaults() {
        send(HttpRequest.newBuilder(base.resolve("/__admin/mappings/" + FAULT_STUB_ID)).DELETE(), 200, 404);
    }

    /** Restores the stubs from the root directory (the approval stub), dropping every stub added at runtime. */
    public void resetStubs() {
        send(HttpRequest.newBuilder(base.resolve("/__admin/mappings/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    /** Payment requests in the request journal (bounded by the gateway's max journal entries). */
    public long paymentRequestCount() {
        return count(PAYMENTS_PATTERN);
    }

    /**
     * Every request in the journal, payments or not. The journal keeps at most the gateway's
     * {@code --max-request-journal-entries} and drops the oldest beyond it: a journal this full may be incomplete.
     */
    public long journalSize() {
        return count("{\"method\":\"ANY\"}");
    }

    /**
     * The payment requests in the journal, read as a stream (a long run's journal is large): one {@link Payment} per
     * {@code POST /v1/payments} body {@code {orderId, amount, idempotencyKey}}.
     *
     * @throws IllegalStateException the admin API is unreachable or a body is not a payment
     */
    public List<Payment> payments() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/__admin/requests/find"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PAYMENTS_PATTERN))
                .timeout(Duration.ofMinutes(2)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body(); JsonParser parser = json.createParser(body)) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("gateway admin POST " + request.uri() + " answered " + response.statusCode());
                }
                return readPayments(parser);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the payment journal at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Walks {@code {"requests": [ {..., "body": "<payment json>"}, ... ]}} one logged request at a time. */
    private List<Payment> readPayments(JsonParser parser) throws IOException {
        List<Payment> payments = new ArrayList<>();
        while (parser.nextToken() != null) {
            if (parser.currentToken() == JsonToken.FIELD_NAME && "requests".equals(parser.currentName())
                    && parser.nextToken() == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    payments.add(payment(parser.readValueAsTree()));
                }
                return payments;
            }
        }
        throw new IllegalStateException("the gateway's journal answer has no \"requests\" list");
    }

    private Payment payment(JsonNode loggedRequest) throws IOException {
        String body = loggedRequest.path("body").asText();
        JsonNode payment = json.readTree(body);
        if (payment == null || !payment.path("orderId").canConvertToLong() || !payment.path("amount").canConvertToLong()) {
            throw new IllegalStateException("a payment request in the gateway's journal is not {orderId, amount, "
                    + "idempotencyKey}: " + body);
        }
        return new Payment(payment.path("orderId").asLong(), payment.path("amount").asLong(),
                payment.path("idempotencyKey").asText(null));
    }

    private long count(String requestPattern) {
        String answer = send(HttpRequest.newBuilder(base.resolve("/__admin/requests/count"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestPattern)), 200);
        try {
            JsonNode node = json.readTree(answer);
            return node.path("count").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer of /__admin/requests/count: " + answer, e);
        }
    }

    /** Empties the request journal. */
    public void clearJournal() {
        send(HttpRequest.newBuilder(base.resolve("/__admin/requests")).DELETE(), 200);
    }

    private void setFault(String responseJson) {
        clearFaults();
        String stub = "{\"id\":\"" + FAULT_STUB_ID + "\",\"name\":\"payments-fault\",\"priority\":1,"
                + "\"request\":{\"method\":\"POST\",\"url\":\"/v1/payments\"},"
                + "\"response\":" + responseJson + "}";
        send(HttpRequest.newBuilder(base.resolve("/__admin/mappings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(stub)), 201, 200);
    }

    private String send(HttpRequest.Builder request, int... okStatuses) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (int ok : okStatuses) {
                if (response.statusCode() == ok) {
                    return response.body();
                }
            }
            throw new IllegalStateException("gateway admin " + response.request().method() + " "
                    + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            throw new IllegalStateException("gateway admin API not reachable at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
