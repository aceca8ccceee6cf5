package dev.salerush.sim.config;

import dev.salerush.env.ops.OperationSchedule;
import dev.salerush.sim.config.DrillSettings.DrillSpec;
import dev.salerush.sim.config.DrillSettings.DrillStep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code drill} key and the {@code drills} section, read into {@link DrillSettings}. */
final class DrillsSection {
    static final String GAMEDAY_PROFILE = "gameday";
    static final String DRILL_PROFILE = "drill";
    /** The mitigation comparison's profile: its runs are drills too (see {@link CompareSection}). */
    static final String COMPARE_PROFILE = "compare";
    private static final Pattern SCHEDULE_ENTRY = Pattern.compile("(\\S+)\\s+(\\S+)");
    private static final List<String> TOOLS = List.of("prometheus", "alertmanager", "promtool", "amtool");

    private DrillsSection() {
    }

    /**
     * A drill (-Ddrill=) runs with the profile {@value #DRILL_PROFILE} (or {@value #COMPARE_PROFILE}, as one run of a
     * comparison), and every drill and the game day on the redundant topology — unless a layer above the defaults sets
     * {@code embedded.topology} itself ({@code topologySet}): a drill on {@code single} crashes its one shop — with
     * stock for the whole run on the hot items ({@code drills.hotStock}, unless journeys.ordering.hotStock is set): the
     * configuration as such a run reads it.
     */
    static com.typesafe.config.Config drillMode(com.typesafe.config.Config config, boolean topologySet) {
        String drill = config.hasPath("drill") ? config.getString("drill").trim() : "";
        String profile = config.hasPath("profile") ? config.getString("profile").trim() : "";
        if (drill.isEmpty() && !GAMEDAY_PROFILE.equals(profile)) {
            return config;
        }
        com.typesafe.config.Config drillRun = topologySet ? config : config.withValue("embedded.topology",
                com.typesafe.config.ConfigValueFactory.fromAnyRef("redundant"));
        String hotStock = "journeys.ordering.hotStock";
        if ((!config.hasPath(hotStock) || config.getInt(hotStock) == 0) && config.hasPath("drills.hotStock")) {
            drillRun = drillRun.withValue(hotStock, config.getValue("drills.hotStock"));
        }
        if (!drill.isEmpty() && !GAMEDAY_PROFILE.equals(profile) && !COMPARE_PROFILE.equals(profile)) {
            if (!List.of("smoke", DRILL_PROFILE).contains(profile)) {
                throw new ConfigError("drill = " + drill + " runs the profile '" + DRILL_PROFILE + "'; profile = "
                        + profile + " cannot be combined with it (leave profile unset, or -Dprofile=gameday without "
                        + "-Ddrill for the game day's schedule)");
            }
            drillRun = drillRun.withValue("profile", com.typesafe.config.ConfigValueFactory.fromAnyRef(DRILL_PROFILE));
        }
        return drillRun;
    }

    /**
     * @param headers drills.external.headers, each read from its environment variable (see {@link Secrets})
     */
    static DrillSettings read(ConfigReader root, String profileName, Path projectRoot, Map<String, String> headers) {
        ConfigReader drills = root.child("drills");
        DrillSettings.Environment environment = DrillSettings.Environment.valueOf(drills.oneOf("environment",
                List.of("embedded", "external")).toUpperCase(java.util.Locale.ROOT));
        ExternalDrills external = external(drills.child("external"), headers);
        DrillSettings.ResponderMode mode = responderMode(drills, "responder.mode");
        Map<String, DrillSpec> catalogue = catalogue(drills.child("catalogue"), drills.child("criteria"),
                drills.nonNegativeDuration("responder.delay"), mode, new DrillStepsSection(external.allowedHosts()));
        List<DrillSettings.ScheduledDrill> scheduled = scheduled(root, drills, profileName, catalogue);
        if (environment == DrillSettings.Environment.EXTERNAL && !scheduled.isEmpty()) {
            checkExternal(drills, external, scheduled);
        }
        DrillSettings.Tolerance tolerance = new DrillSettings.Tolerance(
                drills.numberInRange("tolerance.koPercent", 0, 100), drills.positiveNumber("tolerance.p95Ms", 600_000));
        DrillSettings.Abort abort = new DrillSettings.Abort(drills.numberInRange("abort.koPercent", 0, 100),
                drills.positiveDuration("abort.after"));
        boolean preflightOnly = drills.bool("preflight");
        if (preflightOnly && scheduled.isEmpty()) {
            throw new ConfigError(drills.key("preflight") + " = true checks the drills of a run: give -Ddrill=<name> "
                    + "or -Dprofile=gameday as well");
        }
        boolean embeddedAlerting = environment == DrillSettings.Environment.EMBEDDED && !scheduled.isEmpty();
        return new DrillSettings(scheduled, catalogue, alerting(drills, projectRoot, embeddedAlerting),
                drills.nonNegativeDuration("responder.delay"), tolerance, drills.positiveDuration("steadyState.hold"),
                drills.positiveDuration("steadyState.within"), drills.positiveDuration("recoveryHold"), abort,
                drills.positiveDuration("pagerSilentAfter"), drills.positiveDuration("resolvedWithin"),
                severity(drills), environment, external, drills.positiveDuration("maxDuration"), preflightOnly);
    }

    private static DrillSettings.ResponderMode responderMode(ConfigReader section, String key) {
        return DrillSettings.ResponderMode.valueOf(section.oneOf(key, List.of("auto", "human"))
                .toUpperCase(java.util.Locale.ROOT));
    }

    private static ExternalDrills external(ConfigReader external, Map<String, String> headers) {
        String prometheus = external.string("prometheus.url").trim();
        String alertmanager = external.string("alertmanager.url").trim();
        return new ExternalDrills(prometheus.isEmpty() ? null : external.httpUrl("prometheus.url"),
                alertmanager.isEmpty() ? Optional.empty()
                        : Optional.of(external.httpUrl("alertmanager.url")), headers,
                external.nonBlank("receiver.address").trim(), external.intInRange("receiver.port", 1, 65535),
                external.hostList("allowedHosts"));
    }

    /** An external drill has the team's Prometheus to watch and performs only steps of its own. */
    private static void checkExternal(ConfigReader drills, ExternalDrills external,
                                      List<DrillSettings.ScheduledDrill> scheduled) {
        if (external.prometheusUrl() == null) {
            throw new ConfigError(drills.key("external.prometheus.url") + " is empty: drills.environment = external "
                    + "detects with your Prometheus, e.g. https://prometheus.staging.example.com");
        }
        for (DrillSettings.ScheduledDrill entry : scheduled) {
            DrillSpec spec = entry.drill();
            spec.steps().filter(DrillStep::builtIn).findFirst().ifPresent(step -> {
                        throw new ConfigError(drills.key("catalogue." + spec.name()) + ": '" + step + "' is a step of "
                                + "the embedded environment; drills.environment = external performs only "
                                + "{ run = [...] } and { http { ... } } steps (see docs/drill-your-own-staging.md)");
                    });
        }
    }

    private static List<DrillSettings.ScheduledDrill> scheduled(ConfigReader root, ConfigReader drills,
                                                                String profileName, Map<String, DrillSpec> catalogue) {
        String drill = root.string("drill").trim();
        if (GAMEDAY_PROFILE.equals(profileName)) {
            if (!drill.isEmpty()) {
                throw new ConfigError("drill = " + drill + " and profile = gameday: a game day runs its own schedule "
                        + "(drills.gameday.schedule); give one of them");
            }
            return gameday(drills, catalogue);
        }
        if (drill.isEmpty()) {
            return List.of();
        }
        DrillSpec spec = catalogue.get(drill);
        if (spec == null) {
            throw new ConfigError("drill: no drill named '" + drill + "'; the catalogue (drills.catalogue) has "
                    + String.join(", ", catalogue.keySet()));
        }
        return List.of(new DrillSettings.ScheduledDrill(Duration.ZERO, spec));
    }

    private static List<DrillSettings.ScheduledDrill> gameday(ConfigReader drills, Map<String, DrillSpec> catalogue) {
        String key = "gameday.schedule";
        List<DrillSettings.ScheduledDrill> schedule = new ArrayList<>();
        for (String entry : drills.string(key).split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            Matcher m = SCHEDULE_ENTRY.matcher(entry.trim());
            if (!m.matches()) {
                throw new ConfigError(drills.key(key) + ": '" + entry.trim() + "' is not '<offset> <drill>', e.g. "
                        + "'1m instance-crash'");
            }
            Duration at;
            try {
                at = OperationSchedule.duration(m.group(1), entry.trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigError(drills.key(key) + ": " + e.getMessage(), e);
            }
            DrillSpec spec = catalogue.get(m.group(2));
            if (spec == null) {
                throw new ConfigError(drills.key(key) + ": no drill named '" + m.group(2) + "'; the catalogue has "
                        + String.join(", ", catalogue.keySet()));
            }
            if (!schedule.isEmpty() && at.compareTo(schedule.get(schedule.size() - 1).at()) <= 0) {
                throw new ConfigError(drills.key(key) + ": offsets must increase ('" + entry.trim() + "')");
            }
            schedule.add(new DrillSettings.ScheduledDrill(at, spec));
        }
        if (schedule.isEmpty()) {
            throw new ConfigError(drills.key(key) + " is empty; a game day needs at least one drill");
        }
        return schedule;
    }

    private static Map<String, DrillSpec> catalogue(ConfigReader catalogue, ConfigReader defaultCriteria,
                                                   Duration responderDelay, DrillSettings.ResponderMode mode,
                                                   DrillStepsSection steps) {
        Map<String, DrillSpec> drills = new LinkedHashMap<>();
        for (String name : catalogue.keys()) {
            drills.put(name, spec(name, catalogue.child(name), defaultCriteria, responderDelay, mode, steps));
        }
        return drills;
    }

    private static DrillSpec spec(String name, ConfigReader drill, ConfigReader defaultCriteria,
                                  Duration responderDelay, DrillSettings.ResponderMode mode, DrillStepsSection steps) {
        List<DrillStep> fault = steps.read(drill, "fault");
        if (fault.isEmpty()) {
            throw new ConfigError(drill.key("fault") + " is empty; a drill needs at least one fault step");
        }
        return new DrillSpec(name, LocalizedText.read(drill, "description", false), LocalizedText.read(drill, "point", true),
                fault,
                steps.read(drill, "firstAction"), drill.bool("rollback"), expected(drill, "expectedAlerts"),
                drill.stringList("allowedAlerts"), new DrillSettings.Criteria(
                criterion(drill, defaultCriteria, "detectWithin"), criterion(drill, defaultCriteria, "notifyWithin"),
                criterion(drill, defaultCriteria, "recoverWithin")), drill.has("absorbed") && drill.bool("absorbed"),
                drill.has("responderDelay") ? drill.nonNegativeDuration("responderDelay") : responderDelay,
                drill.has("responderMode") ? responderMode(drill, "responderMode") : mode,
                drill.has("undo") ? steps.read(drill, "undo") : List.of());
    }

    /** Alert names, or {@code { alert = "High5xxRatio", labels { service = "checkout" } }} to match labels too. */
    private static List<AlertMatcher> expected(ConfigReader drill, String key) {
        List<AlertMatcher> matchers = new ArrayList<>();
        List<com.typesafe.config.ConfigValue> entries = drill.values(key);
        for (int i = 0; i < entries.size(); i++) {
            com.typesafe.config.ConfigValue entry = entries.get(i);
            if (entry.valueType() == com.typesafe.config.ConfigValueType.STRING) {
                matchers.add(AlertMatcher.named(((String) entry.unwrapped()).trim()));
            } else if (entry instanceof com.typesafe.config.ConfigObject object) {
                ConfigReader matcher = new ConfigReader(object.toConfig(), drill.key(key) + "[" + i + "]");
                matchers.add(new AlertMatcher(matcher.nonBlank("alert").trim(), matcher.stringMap("labels")));
            } else {
                throw new ConfigError(drill.key(key) + "[" + i + "] must be an alert name or { alert = \"Name\", "
                        + "labels { key = \"value\" } }, got " + entry.render());
            }
        }
        return List.copyOf(matchers);
    }

    /** The drill's own criterion, else the one every drill is held to. */
    private static Duration criterion(ConfigReader drill, ConfigReader defaults, String name) {
        String own = "criteria." + name;
        return drill.has(own) ? drill.positiveDuration(own) : defaults.positiveDuration(name);
    }

    private static DrillSettings.Alerting alerting(ConfigReader drills, Path projectRoot, boolean needed) {
        Path rules = projectRoot.resolve(drills.nonBlank("rules")).normalize();
        if (needed && !Files.isDirectory(rules)) {
            throw new ConfigError(drills.key("rules") + " names " + rules + ", which is not a folder of rule files");
        }
        Map<String, String> tools = new LinkedHashMap<>();
        for (String tool : TOOLS) {
            tools.put(tool, drills.string("tools." + tool).trim());
        }
        String slack = drills.string("notify.slackWebhookUrl").trim();
        if (!slack.isEmpty() && !slack.startsWith("https://")) {
            // the URL itself is a secret: never repeated in a message
            throw new ConfigError(drills.key("notify.slackWebhookUrl") + " must be an https:// URL (a Slack incoming "
                    + "webhook); the value given is not (not shown: it may be a secret)");
        }
        Duration scrape = drills.positiveDuration("scrapeInterval");
        Duration evaluation = drills.positiveDuration("evaluationInterval");
        return new DrillSettings.Alerting(rules, scrape, evaluation, drills.nonNegativeDuration("notify.groupWait"),
                drills.positiveDuration("notify.groupInterval"), drills.positiveDuration("notify.repeatInterval"),
                drills.positiveDuration("notify.watchdogRepeat"), drills.nonBlank("notify.channel"),
                slack.isEmpty() ? Optional.empty() : Optional.of(slack), tools);
    }

    private static List<DrillSettings.SeverityLevel> severity(ConfigReader drills) {
        List<DrillSettings.SeverityLevel> levels = new ArrayList<>();
        var sections = drills.sections("severity");
        for (int i = 0; i < sections.size(); i++) {
            ConfigReader level = new ConfigReader(sections.get(i), drills.key("severity") + "[" + i + "]");
            levels.add(new DrillSettings.SeverityLevel(level.nonBlank("id"), LocalizedText.read(level, "level", true),
                    level.has("koPercent") ? level.numberInRange("koPercent", 0, 100) : null,
                    level.has("failedOrders") ? level.longInRange("failedOrders", 0, Long.MAX_VALUE) : null,
                    level.has("impactSeconds") ? level.longInRange("impactSeconds", 0, Long.MAX_VALUE) : null));
        }
        if (levels.isEmpty()) {
            throw new ConfigError(drills.key("severity") + " is empty; give at least one level");
        }
        return List.copyOf(levels);
    }
}
