package dev.salerush.sim.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.salerush.env.ops.OperationSchedule;
import dev.salerush.env.ops.ScheduledOperation;
import dev.salerush.sim.config.DrillSettings.AlertingStep;
import dev.salerush.sim.config.DrillSettings.DrillStep;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps of a catalogue drill ({@code fault}, {@code firstAction}, {@code undo}): each entry is a built-in step
 * written as text ({@code "kill-instance shop-1"}, {@code "stop-alertmanager"}), a program
 * ({@code { run = ["kubectl", "rollout", "undo", "deploy/shop"], timeout = 60s, env { }, holds = false }}) or an HTTP
 * call ({@code { http { method = POST, url = "...", headers { }, body = "...", expectStatus = 200 } }}), whose host
 * must be in {@code drills.external.allowedHosts}.
 */
final class DrillStepsSection {
    static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final List<String> allowedHosts;

    DrillStepsSection(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    List<DrillStep> read(ConfigReader drill, String key) {
        List<DrillStep> steps = new ArrayList<>();
        List<ConfigValue> entries = drill.values(key);
        for (int i = 0; i < entries.size(); i++) {
            String entryKey = drill.key(key) + "[" + i + "]";
            ConfigValue entry = entries.get(i);
            if (entry.valueType() == ConfigValueType.STRING) {
                steps.add(builtIn(drill.key(key), ((String) entry.unwrapped()).trim()));
            } else if (entry instanceof ConfigObject object) {
                steps.add(external(new ConfigReader(object.toConfig(), entryKey), entryKey));
            } else {
                throw new ConfigError(entryKey + " must be a step: an operation as text, { run = [...] } or "
                        + "{ http { method, url } }, got " + entry.render());
            }
        }
        return List.copyOf(steps);
    }

    private static DrillStep builtIn(String key, String text) {
        Optional<AlertingStep> alerting = AlertingStep.named(text);
        if (alerting.isPresent()) {
            return DrillStep.of(text, alerting.get());
        }
        try {
            ScheduledOperation operation = OperationSchedule.parse("0s " + text).get(0);
            return DrillStep.of(text, operation);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ConfigError(key + ": '" + text + "' is neither an operation (" + e.getMessage()
                    + ") nor an alerting step (" + String.join(", ", Arrays.stream(AlertingStep.values())
                    .map(AlertingStep::configName).toList()) + "); a step of your own is { run = [...] } or "
                    + "{ http { method, url } }", e);
        }
    }

    private DrillStep external(ConfigReader step, String entryKey) {
        boolean run = step.has("run");
        boolean http = step.has("http");
        if (run == http) {
            throw new ConfigError(entryKey + " must have exactly one of run = [program, args...] or "
                    + "http { method, url }; it has " + step.keys());
        }
        return run ? DrillStep.of(run(step)) : DrillStep.of(http(step.child("http")));
    }

    private static RunStep run(ConfigReader step) {
        List<String> argv = step.stringList("run");
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw new ConfigError(step.key("run") + " must name a program and its arguments, e.g. "
                    + "[\"kubectl\", \"delete\", \"pod\", \"shop-0\"]");
        }
        Duration timeout = step.has("timeout") ? step.positiveDuration("timeout") : DEFAULT_RUN_TIMEOUT;
        return new RunStep(argv, timeout, step.stringMap("env"), step.has("holds") && step.bool("holds"));
    }

    private HttpStep http(ConfigReader http) {
        String method = http.has("method") ? http.string("method").trim().toUpperCase(Locale.ROOT) : "POST";
        if (!METHODS.contains(method)) {
            throw new ConfigError(http.key("method") + " must be one of " + String.join(", ", METHODS) + ", got '"
                    + method + "'");
        }
        URI url = http.httpUrl("url");
        if (!allowedHosts.contains(url.getHost())) {
            throw new ConfigError(http.key("url") + ": host '" + url.getHost() + "' is not in "
                    + "drills.external.allowedHosts " + allowedHosts + "; add it there on purpose if drills may call it");
        }
        int expect = http.has("expectStatus") ? http.intInRange("expectStatus", 100, 599) : 0;
        Duration timeout = http.has("timeout") ? http.positiveDuration("timeout") : DEFAULT_HTTP_TIMEOUT;
        return new HttpStep(method, url, http.stringMap("headers"), http.has("body") ? http.string("body") : "",
                expect, timeout);
    }
}
