package dev.salerush.sim.drills;

import dev.salerush.env.EnvironmentError;
import dev.salerush.sim.config.AlertMatcher;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.config.DrillSettings.DrillSpec;
import dev.salerush.sim.config.ExternalDrills;
import dev.salerush.sim.drills.external.TeamAlertingApi;
import dev.salerush.sim.drills.steps.Programs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a run's drills need, checked before any fault (and alone with {@code drills.preflight = true}): the
 * team's Prometheus reachable with every expected alert among its loaded rules and an Alertmanager to send to, its
 * Alertmanager's route to the receiver, the receiver's port free, every {@code run} step's program found (the hosts of
 * {@code http} steps were checked with the configuration). Reads only; injects nothing.
 */
final class Preflight {
    private final DrillSettings settings;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> plan = new ArrayList<>();

    private Preflight(DrillSettings settings) {
        this.settings = settings;
    }

    /** What the checks found: problems (each one line; any refuses the run), warnings, and the plan. */
    record Report(List<String> problems, List<String> warnings, List<String> plan) {
        boolean passed() {
            return problems.isEmpty();
        }
    }

    static Report check(DrillSettings settings) {
        Preflight preflight = new Preflight(settings);
        preflight.run();
        return new Report(List.copyOf(preflight.problems), List.copyOf(preflight.warnings),
                List.copyOf(preflight.plan));
    }

    private void run() {
        Map<String, Double> rules = settings.isExternal() ? teamAlerting() : Map.of();
        if (!settings.isExternal()) {
            try {
                Drills.checkTools(settings);
            } catch (EnvironmentError e) {
                problems.add(e.getMessage());
            }
            plan.add("environment: embedded (the demo world with its own Prometheus and Alertmanager, "
                    + settings.alerting().rulesDir() + ")");
        }
        if (settings.needsReceiver()) {
            receiverPortFree();
        }
        for (DrillSettings.ScheduledDrill scheduled : settings.scheduled()) {
            DrillSpec spec = scheduled.drill();
            programsFound(spec);
            if (settings.isExternal() && !rules.isEmpty()) {
                alertsLoaded(spec, rules);
            }
            describe(scheduled, rules);
        }
    }

    /** The team's Prometheus and Alertmanager; returns the loaded rules (empty when Prometheus cannot be asked). */
    private Map<String, Double> teamAlerting() {
        ExternalDrills external = settings.external();
        TeamAlertingApi api = new TeamAlertingApi(external);
        plan.add("environment: external — Prometheus " + external.prometheusUrl() + ", Alertmanager "
                + external.alertmanagerUrl().map(Object::toString).orElse("(not given)") + ", receiver "
                + external.receiverAddress() + ":" + external.receiverPort()
                + (external.headers().isEmpty() ? "" : ", headers " + external.headers().keySet()));
        Map<String, Double> rules;
        try {
            rules = api.rules();
        } catch (IOException e) {
            problems.add("drills.external.prometheus.url: " + e.getMessage());
            return Map.of();
        }
        try {
            if (api.alertmanagers().isEmpty()) {
                problems.add("drills.external.prometheus.url: your Prometheus sends alerts to no Alertmanager "
                        + "(/api/v1/alertmanagers is empty): no notice can be posted");
            }
        } catch (IOException e) {
            problems.add("drills.external.prometheus.url: " + e.getMessage());
        }
        external.alertmanagerUrl().ifPresentOrElse(url -> {
            try {
                TeamAlertingApi.Routing routing = api.routing(url);
                plan.add("Alertmanager group_wait " + routing.groupWait().toMillis() / 1000.0 + " s (a notice waits "
                        + "this long after the alert fires)");
                if (!routing.routesToReceiver()) {
                    warnings.add("your Alertmanager has no webhook to the drill receiver (:" + external.receiverPort()
                            + "/alerts): time to notice will not be measured; add the route with continue: true "
                            + "(docs/drill-your-own-staging.md)");
                }
            } catch (IOException | RuntimeException e) {
                problems.add("drills.external.alertmanager.url: " + e.getMessage());
            }
        }, () -> warnings.add("drills.external.alertmanager.url is not set: its route to the receiver and its "
                + "group_wait cannot be checked"));
        return rules;
    }

    private void receiverPortFree() {
        ExternalDrills external = settings.external();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(external.receiverAddress(), external.receiverPort()));
        } catch (IOException e) {
            problems.add("drills.external.receiver.port: " + external.receiverAddress() + ":"
                    + external.receiverPort() + " is taken or cannot be listened on (" + e.getMessage()
                    + "); choose a free port");
        }
    }

    private void programsFound(DrillSpec spec) {
        spec.steps().filter(step -> step.run() != null).forEach(step -> {
            String program = step.run().program();
            if (Programs.find(program).isEmpty()) {
                problems.add("drills.catalogue." + spec.name() + ": program '" + program + "' of step '" + step
                        + "' is not found" + (program.contains("/") ? " or not executable" : " on PATH"));
            }
        });
    }

    private void alertsLoaded(DrillSpec spec, Map<String, Double> rules) {
        for (AlertMatcher alert : spec.expected()) {
            if (!DrillSettings.PAGER_SILENT.equals(alert.name()) && !rules.containsKey(alert.name())) {
                problems.add("drills.catalogue." + spec.name() + ".expectedAlerts: '" + alert.name() + "' is not an "
                        + "alerting rule your Prometheus has loaded (" + rules.size() + " rules: "
                        + String.join(", ", rules.keySet().stream().limit(12).toList())
                        + (rules.size() > 12 ? ", …" : "") + ")");
            }
        }
    }

    private void describe(DrillSettings.ScheduledDrill scheduled, Map<String, Double> rules) {
        DrillSpec spec = scheduled.drill();
        plan.add("drill " + spec.name() + " at +" + scheduled.at().toSeconds() + " s: " + spec.description().en());
        plan.add("  fault:        " + spec.fault());
        plan.add("  first action: " + (spec.human() ? "the person on call (POST /drill/action)"
                : spec.firstAction().isEmpty() ? "none" : spec.firstAction() + ", "
                + spec.responderDelay().toSeconds() + " s after the notice"));
        if (!spec.undo().isEmpty()) {
            plan.add("  undo:         " + spec.undo());
        }
        plan.add("  expects:      " + (spec.expected().isEmpty() ? "no alert" : String.join(", ", spec.expected()
                .stream().map(alert -> alert + forOf(alert.name(), rules)).toList())));
        plan.add(String.format(Locale.ROOT, "  criteria:     detect ≤ %d s, notice ≤ %d s, recover ≤ %d s",
                spec.criteria().detectWithin().toSeconds(), spec.criteria().notifyWithin().toSeconds(),
                spec.criteria().recoverWithin().toSeconds()));
    }

    private static String forOf(String alert, Map<String, Double> rules) {
        Double seconds = rules.get(alert);
        return seconds == null ? "" : " (for " + seconds + " s)";
    }
}
