package dev.salerush.env.demo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Drill controls of the payment gateway through WireMock's {@code /__admin} API. A fault is two extra stubs at
 * priority 1 (they win over the approval and void stubs at priority 5): {@value #FAULT_STUB_ID} for charges and
 * {@value #VOID_FAULT_STUB_ID} for voids, so a faulty gateway fails its voids the same way as its charges. Setting
 * another fault replaces them, {@link #clearFaults()} removes them. Everything here is plain WireMock admin API, so
 * other tools can do the same.
 */
public final class GatewayAdmin {

    public static final String FAULT_STUB_ID = "5a1e2a5b-0000-4000-8000-0000000000f1";
    public static final String VOID_FAULT_STUB_ID = "5a1e2a5b-0000-4000-8000-0000000000f2";
    private static final String PAYMENTS_URL = "/v1/payments";
    private static final String VOIDS_URL = "/v1/payments/void";
    private static final String PAYMENTS_PATTERN = requestPattern(PAYMENTS_URL);
    private static final String VOIDS_PATTERN = requestPattern(VOIDS_URL);
    private static final String KEY_TEMPLATE = "{{jsonPath request.body '$.idempotencyKey'}}";

    /** One payment request the gateway received: the body of a {@code POST /v1/payments}. */
    public record Payment(long orderId, long amount, String idempotencyKey) {
    }

    /** One void request the gateway received: the body of a {@code POST /v1/payments/void}. */
    public record PaymentVoid(long orderId, String idempotencyKey) {
    }

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    public GatewayAdmin(URI gatewayBaseUrl) {
        this.base = gatewayBaseUrl;
    }

    /** Every payment and void answers this HTTP status (e.g. 500) with a JSON error body. */
    public void failWithStatus(int status) {
        ObjectNode error = jsonResponse(status, "{\"error\":\"GATEWAY_ERROR\"}");
        setFault(error, error);
    }

    /** Every payment and void connection is reset by the peer (no HTTP answer at all). */
    public void connectionReset() {
        ObjectNode reset = json.createObjectNode().put("fault", "CONNECTION_RESET_BY_PEER");
        setFault(reset, reset);
    }

    /**
     * Payments are approved and voids done, but each takes exactly {@code delay} (e.g. to trip the slow-call rate or
     * timeouts). The gateway logs a request when it arrives, so a charge the shop gave up on is in the journal.
     */
    public void fixedDelay(Duration delay) {
        setFault(delayedTemplate(delay, "{\"paymentId\":\"pay-" + KEY_TEMPLATE + "\",\"status\":\"APPROVED\"}"),
                delayedTemplate(delay, "{\"idempotencyKey\":\"" + KEY_TEMPLATE + "\",\"status\":\"VOIDED\"}"));
    }

    private ObjectNode jsonResponse(int status, String body) {
        ObjectNode response = json.createObjectNode().put("status", status);
        response.putObject("headers").put("Content-Type", "application/json");
        return response.put("body", body);
    }

    private ObjectNode delayedTemplate(Duration delay, String bodyTemplate) {
        ObjectNode response = jsonResponse(200, bodyTemplate);
        response.putArray("transformers").add("response-template");
        return response.put("fixedDelayMilliseconds", delay.toMillis());
    }

    /** Back to normal approvals and voids (removes the fault stubs; other stubs are kept). */
    public void clearFaults() {
        for (String id : List.of(FAULT_STUB_ID, VOID_FAULT_STUB_ID)) {
            send(HttpRequest.newBuilder(base.resolve("/__admin/mappings/" + id)).DELETE(), 200, 404);
        }
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

    /** Void requests in the request journal. */
    public long voidRequestCount() {
        return count(VOIDS_PATTERN);
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
        return journal(PAYMENTS_PATTERN, this::payment);
    }

    /**
     * The void requests in the journal: one {@link PaymentVoid} per {@code POST /v1/payments/void} body
     * {@code {orderId, idempotencyKey}}. Like {@link #payments()} these are requests received, whatever the answer.
     *
     * @throws IllegalStateException the admin API is unreachable or a body is not a void
     */
    public List<PaymentVoid> voids() {
        return journal(VOIDS_PATTERN, this::paymentVoid);
    }

    /** The journal's requests matching {@code requestPattern}, read as a stream, each body parsed by {@code parse}. */
    private <T> List<T> journal(String requestPattern, BodyParser<T> parse) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/__admin/requests/find"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestPattern))
                .timeout(Duration.ofMinutes(2)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body(); JsonParser parser = json.createParser(body)) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("gateway admin POST " + request.uri() + " answered " + response.statusCode());
                }
                return readRequests(parser, parse);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the payment journal at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Parses the JSON body of one logged request; {@code text} is the raw body for the error message. */
    @FunctionalInterface
    private interface BodyParser<T> {
        T parse(JsonNode body, String text);
    }

    /** Walks {@code {"requests": [ {..., "body": "<json>"}, ... ]}} one logged request at a time. */
    private <T> List<T> readRequests(JsonParser parser, BodyParser<T> parse) throws IOException {
        List<T> requests = new ArrayList<>();
        while (parser.nextToken() != null) {
            if (parser.currentToken() == JsonToken.FIELD_NAME && "requests".equals(parser.currentName())
                    && parser.nextToken() == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode loggedRequest = parser.readValueAsTree();
                    String text = loggedRequest.path("body").asText();
                    requests.add(parse.parse(json.readTree(text), text));
                }
                return requests;
            }
        }
        throw new IllegalStateException("the gateway's journal answer has no \"requests\" list");
    }

    private Payment payment(JsonNode body, String text) {
        if (body == null || !body.path("orderId").canConvertToLong() || !body.path("amount").canConvertToLong()) {
            throw new IllegalStateException("a payment request in the gateway's journal is not {orderId, amount, "
                    + "idempotencyKey}: " + text);
        }
        return new Payment(body.path("orderId").asLong(), body.path("amount").asLong(),
                body.path("idempotencyKey").asText(null));
    }

    private PaymentVoid paymentVoid(JsonNode body, String text) {
        if (body == null || !body.path("orderId").canConvertToLong() || !body.path("idempotencyKey").isTextual()) {
            throw new IllegalStateException("a void request in the gateway's journal is not {orderId, idempotencyKey}: "
                    + text);
        }
        return new PaymentVoid(body.path("orderId").asLong(), body.path("idempotencyKey").asText());
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

    private void setFault(ObjectNode chargeResponse, ObjectNode voidResponse) {
        clearFaults();
        addFaultStub(FAULT_STUB_ID, "payments-fault", PAYMENTS_URL, chargeResponse);
        addFaultStub(VOID_FAULT_STUB_ID, "payments-void-fault", VOIDS_URL, voidResponse);
    }

    private void addFaultStub(String id, String name, String url, ObjectNode response) {
        ObjectNode stub = json.createObjectNode().put("id", id).put("name", name).put("priority", 1);
        stub.putObject("request").put("method", "POST").put("url", url);
        stub.set("response", response);
        send(HttpRequest.newBuilder(base.resolve("/__admin/mappings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(stub.toString())), 201, 200);
    }

    private static String requestPattern(String url) {
        return "{\"method\":\"POST\",\"url\":\"" + url + "\"}";
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
