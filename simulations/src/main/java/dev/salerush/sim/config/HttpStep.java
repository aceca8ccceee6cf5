package dev.salerush.sim.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A drill step that calls an HTTP API — a deploy system, WireMock's admin API, a feature flag — judged by the status
 * it answers. Only to {@code drills.external.allowedHosts}.
 *
 * @param expectStatus the status that means done; 0 = any 2xx
 * @param headers      sent as given; their values are never printed (a token may be among them)
 */
public record HttpStep(String method, URI url, Map<String, String> headers, String body, int expectStatus,
                       Duration timeout) {
    /** How much of the body a plan, a timeline and a report show. */
    static final int BODY_SHOWN = 40;

    public HttpStep {
        headers = Map.copyOf(headers);
    }

    /** Whether {@code status} means the step did what it was asked. */
    public boolean succeeded(int status) {
        return expectStatus == 0 ? status / 100 == 2 : status == expectStatus;
    }

    /** {@code http POST <url>}, and the start of its body: steps to the same endpoint differ by what they send. */
    public String describe() {
        String text = body.strip().replaceAll("\\s+", " ");
        return "http " + method + " " + url + (text.isEmpty() ? "" : " '" + (text.length() > BODY_SHOWN
                ? text.substring(0, BODY_SHOWN) + "…" : text) + "'");
    }
}
