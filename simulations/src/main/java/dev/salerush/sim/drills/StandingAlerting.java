package dev.salerush.sim.drills;

import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.alerting.AlertingStack;
import dev.salerush.env.events.EventLog;
import dev.salerush.sim.config.DrillSettings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The drills' alerting stack for an environment that stands without a run (a standing staging): the same Prometheus,
 * rules ({@code drills.rules}) and Alertmanager a drill run starts, pointed at the same parts, and optionally one more
 * webhook that gets every alert.
 */
public final class StandingAlerting {

    private StandingAlerting() {
    }

    /** Refuses when the alerting programs are missing, before anything is started (as a drill run does). */
    public static void checkTools(DrillSettings.Alerting alerting) {
        AlertingParts.checkTools(alerting);
    }

    /**
     * Starts the stack that watches {@code environment} (the redundant one), with its files under {@code dir/alerting}
     * and its logs in {@code dir}; the caller closes it.
     *
     * @param notifyUrl a webhook that gets every alert, Watchdog included, firing and resolved; empty = none
     */
    public static AlertingStack start(DrillSettings.Alerting alerting, SaleEnvironment environment, Path dir,
                                      EventLog events, Optional<URI> notifyUrl) {
        return AlertingParts.start(alerting, environment, dir, events, notifyUrl);
    }
}
