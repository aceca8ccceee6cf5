package dev.salerush.env;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a health endpoint until it answers 200, or fails naming the URL and the last thing that went wrong. */
public final class HealthCheck {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private HealthCheck() {
    }

    public static void awaitHealthy(URI healthUrl, Duration timeout) {
        HttpClient client = client(REQUEST_TIMEOUT);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String problem = probe(client, healthUrl, REQUEST_TIMEOUT);
            if (problem == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new EnvironmentError("target unreachable: GET " + healthUrl + " did not answer 200 within "
                        + timeout.toSeconds() + " s (last: " + problem + ")");
            }
            sleep(POLL_INTERVAL);
        }
    }

    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** One GET of the health URL: null when it answered 200, otherwise what went wrong. */
    static String probe(HttpClient client, URI healthUrl, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(healthUrl).timeout(timeout).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentError("interrupted while checking " + healthUrl, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentError("interrupted while waiting for the target", e);
        }
    }
}
