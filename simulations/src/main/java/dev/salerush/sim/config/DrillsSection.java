package dev.salerush.sim.config;

import dev.salerush.env.ops.OperationSchedule;
import dev.salerush.env.ops.ScheduledOperation;
import dev.salerush.sim.config.DrillSettings.AlertingStep;
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
    private static final Pattern SCHEDULE_ENTRY = Pattern.compile("(\\S+)\\s+(\\S+)");
    private static final List<String> TOOLS = List.of("prometheus", "alertmanager", "promtool", "amtool");

    private DrillsSection() {
    }

    /**
     * A drill (-Ddrill=) runs with the profile {@value #DRILL_PROFILE}, and every drill and the game day on the
     * redundant topology with stock for the whole run on the hot items ({@code drills.hotStock}, unless
     * journeys.ordering.hotStock is set): the configuration as such a run reads it.
     */
    static com.typesafe.config.Config drillMode(com.typesafe.config.Config config) {
        String drill = config.hasPath("drill") ? config.getString("drill").trim() : "";
        String profile = config.hasPath("profile") ? config.getString("profile").trim() : "";
        if (drill.isEmpty() && !GAMEDAY_PROFILE.equals(profile)) {
            return config;
        }
        com.typesafe.config.Config drillRun = config.withValue("embedded.topology",
                com.typesafe.config.ConfigValueFactory.fromAnyRef("redundant"));
        String hotStock = "journeys.ordering.hotStock";
        if ((!config.hasPath(hotStock) || config.getInt(hotStock) == 0) && config.hasPath("drills.hotStock")) {
            drillRun = drillRun.withValue(hotStock, config.getValue("drills.hotStock"));
        }
        if (!drill.isEmpty() && !GAMEDAY_PROFILE.equals(profile)) {
            if (!List.of("smoke", DRILL_PROFILE).contains(profile)) {
                throw new ConfigError("drill = " + drill + " runs the profile '" + DRILL_PROFILE + "'; profile = "
                        + profile + " cannot be combined with it (leave profile unset, or -Dprofile=gameday without "
                        + "-Ddrill for the game day's schedule)");
            }
            drillRun = drillRun.withValue("profile", com.typesafe.config.ConfigValueFactory.fromAnyRef(DRILL_PROFILE));
        }
        return drillRun;
    }

    static DrillSettings read(ConfigReader root, String profileName, Path projectRoot) {
        ConfigReader drills = root.child("drills");
        Map<String, DrillSpec> catalogue = catalogue(drills.child("catalogue"), drills.child("criteria"),
                drills.nonNegativeDuration("responder.delay"));
        List<DrillSettings.ScheduledDrill> scheduled = scheduled(root, drills, profileName, catalogue);
        DrillSettings.Tolerance tolerance = new DrillSettings.Tolerance(
                drills.numberInRange("tolerance.koPercent", 0, 100), drills.positiveNumber("tolerance.p95Ms", 600_000));
        DrillSettings.Abort abort = new DrillSettings.Abort(drills.numberInRange("abort.koPercent", 0, 100),
                drills.positiveDuration("abort.after"));
        return new DrillSettings(scheduled, catalogue, alerting(drills, projectRoot, !scheduled.isEmpty()),
                drills.nonNegativeDuration("responder.delay"), tolerance, drills.positiveDuration("steadyState.hold"),
                drills.positiveDuration("steadyState.within"), drills.positiveDuration("recoveryHold"), abort,
                drills.positiveDuration("pagerSilentAfter"), drills.positiveDuration("resolvedWithin"),
                severity(drills));
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
                                                   Duration responderDelay) {
        Map<String, DrillSpec> drills = new LinkedHashMap<>();
        for (String name : catalogue.keys()) {
            drills.put(name, spec(name, catalogue.child(name), defaultCriteria, responderDelay));
        }
        return drills;
    }

    private static DrillSpec spec(String name, ConfigReader drill, ConfigReader defaultCriteria,
                                  Duration responderDelay) {
        return new DrillSpec(name, drill.string("description"), drill.nonBlank("point"), steps(drill, "fault", false),
                steps(drill, "firstAction", true), drill.bool("rollback"), drill.stringList("expectedAlerts"),
                drill.stringList("allowedAlerts"), new DrillSettings.Criteria(
                criterion(drill, defaultCriteria, "detectWithin"), criterion(drill, defaultCriteria, "notifyWithin"),
                criterion(drill, defaultCriteria, "recoverWithin")), drill.has("absorbed") && drill.bool("absorbed"),
                drill.has("responderDelay") ? drill.nonNegativeDuration("responderDelay") : responderDelay);
    }

    /** The drill's own criterion, else the one every drill is held to. */
    private static Duration criterion(ConfigReader drill, ConfigReader defaults, String name) {
        String own = "criteria." + name;
        return drill.has(own) ? drill.positiveDuration(own) : defaults.positiveDuration(name);
    }

    private static List<DrillStep> steps(ConfigReader drill, String key, boolean mayBeEmpty) {
        List<DrillStep> steps = new ArrayList<>();
        for (String text : drill.stringList(key)) {
            steps.add(step(drill.key(key), text.trim()));
        }
        if (steps.isEmpty() && !mayBeEmpty) {
            throw new ConfigError(drill.key(key) + " is empty; a drill needs at least one fault step");
        }
        return List.copyOf(steps);
    }

    private static DrillStep step(String key, String text) {
        Optional<AlertingStep> alerting = AlertingStep.named(text);
        if (alerting.isPresent()) {
            return new DrillStep(text, null, alerting.get());
        }
        try {
            ScheduledOperation operation = OperationSchedule.parse("0s " + text).get(0);
            return new DrillStep(text, operation, null);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ConfigError(key + ": '" + text + "' is neither an operation (" + e.getMessage()
                    + ") nor an alerting step (" + String.join(", ", java.util.Arrays.stream(AlertingStep.values())
                    .map(AlertingStep::configName).toList()) + ")", e);
        }
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
            levels.add(new DrillSettings.SeverityLevel(level.nonBlank("level"),
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
