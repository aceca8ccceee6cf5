package dev.salerush.sim.drills.steps;

import dev.salerush.sim.config.HttpStep;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls an {@link HttpStep}'s API and judges it by the status it answers. */
final class HttpStepRunner {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** @return the status and the answer's tail; throws when the status is not the one expected */
    String call(HttpStep step) {
        HttpRequest.Builder request = HttpRequest.newBuilder(step.url()).timeout(step.timeout())
                .method(step.method(), step.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(step.body()));
        step.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(step.describe() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(step.describe() + " was interrupted", e);
        }
        String answer = "status " + response.statusCode() + "; answer: " + OutputTail.of(response.body());
        if (!step.succeeded(response.statusCode())) {
            throw new IllegalStateException("expected " + (step.expectStatus() == 0 ? "a 2xx status"
                    : "status " + step.expectStatus()) + ", got " + answer);
        }
        return answer;
    }
}
