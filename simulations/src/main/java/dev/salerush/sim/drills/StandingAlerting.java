package dev.salerush.sim.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.alerting.AlertingStack;
import dev.salerush.env.alerting.PrometheusApi;
import dev.salerush.env.events.EventLog;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.config.ReportSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The drills' alerting stack for an environment that stands without a run (a standing staging): the same Prometheus,
 * rules ({@code drills.rules}) and Alertmanager a drill run starts, pointed at the same parts, and optionally one more
 * webhook that gets every alert.
 */
public final class StandingAlerting {
    private static final Duration ALERTMANAGER_DISCOVERY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StandingAlerting() {
    }

    /** Refuses when the alerting programs are missing, before anything is started (as a drill run does). */
    public static void checkTools(DrillSettings.Alerting alerting) {
        AlertingParts.checkTools(alerting);
    }

    /**
     * Starts the stack that watches {@code environment} (the redundant one), with its files under {@code dir/alerting}
     * and its logs in {@code dir}, its notices written as {@code report} says on the drills' severity scale; the
     * caller closes it.
     *
     * @param notifyUrl a webhook that gets every alert, Watchdog included, firing and resolved; empty = none
     */
    public static AlertingStack start(DrillSettings drills, ReportSettings report, SaleEnvironment environment,
                                      Path dir, EventLog events, Optional<URI> notifyUrl) {
        AlertingStack stack = AlertingParts.start(drills.alerting(), AlertingParts.notice(report, drills.severity()),
                environment, dir, events, notifyUrl);
        try {
            awaitAlertmanagerKnown(stack.prometheusUrl());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * A fresh Prometheus takes a few seconds to discover its Alertmanager (it throttles service discovery updates to
     * 5 s); an alert firing before then is never sent. A standing staging is ready only once alerts can be sent.
     */
    private static void awaitAlertmanagerKnown(URI prometheus) {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = PrometheusApi.resolve(prometheus, "api/v1/alertmanagers");
        long deadline = System.nanoTime() + ALERTMANAGER_DISCOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (!PrometheusApi.activeAlertmanagers(JSON.readTree(answer)).isEmpty()) {
                    return;
                }
                Thread.sleep(250);
            } catch (IOException e) {
                // not answering yet: asked again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentError("interrupted while waiting for Prometheus to find its Alertmanager", e);
            }
        }
        throw new EnvironmentError("Prometheus had no Alertmanager " + ALERTMANAGER_DISCOVERY.toSeconds()
                + " s after it started (" + uri + ")");
    }
}
