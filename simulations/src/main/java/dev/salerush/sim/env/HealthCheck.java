package dev.salerush.sim.env;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a health endpoint until it answers 200, or fails naming the URL and the last thing that went wrong. */
public final class HealthCheck {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private HealthCheck() {
    }

    public static void awaitHealthy(URI healthUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no answer";
        while (true) {
            try {
                HttpRequest request = HttpRequest.newBuilder(healthUrl).timeout(Duration.ofSeconds(2)).GET().build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastProblem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentError("interrupted while waiting for " + healthUrl, e);
            }
            if (System.nanoTime() > deadline) {
                throw new EnvironmentError("target unreachable: GET " + healthUrl + " did not answer 200 within "
                        + timeout.toSeconds() + " s (last: " + lastProblem + ")");
            }
            sleep(POLL_INTERVAL);
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
