package dev.salerush.env.redundant;

import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.process.Poller;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes every state change of each instance's circuit breaker around the payment gateway (closed, open, half_open)
 * to the event log, read from the instance's own {@code /metrics} once a second.
 */
final class BreakerWatch implements AutoCloseable {
    private static final long PERIOD_MS = 1_000;
    /** {@code resilience4j_circuitbreaker_state{...,state="open",...} 1.0}: the state whose gauge is 1. */
    private static final Pattern STATE = Pattern.compile(
            "^resilience4j_circuitbreaker_state\\{[^}]*state=\"([a-z_]+)\"[^}]*} 1\\.0$", Pattern.MULTILINE);

    private final ShopFleet fleet;
    private final EventLog events;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Map<String, String> lastState = new HashMap<>();
    private Poller poller;

    private BreakerWatch(ShopFleet fleet, EventLog events) {
        this.fleet = fleet;
        this.events = events;
    }

    static BreakerWatch start(ShopFleet fleet, EventLog events) {
        BreakerWatch watch = new BreakerWatch(fleet, events);
        watch.poller = Poller.every(PERIOD_MS, "salerush-breaker-watch", watch::poll);
        return watch;
    }

    private void poll() {
        for (ShopInstance instance : fleet.instances()) {
            if (!instance.running()) {
                continue;
            }
            breakerState(instance).ifPresent(state -> {
                String before = lastState.put(instance.name(), state);
                if (!state.equals(before)) {
                    events.record(EventKinds.BREAKER_STATE, instance.name(),
                            (before == null ? "" : before + " -> ") + state);
                }
            });
        }
    }

    private Optional<String> breakerState(ShopInstance instance) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/metrics"))
                    .timeout(Duration.ofMillis(800)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = STATE.matcher(response.body());
            return response.statusCode() == 200 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        poller.close();
    }
}
