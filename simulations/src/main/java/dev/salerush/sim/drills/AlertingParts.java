package dev.salerush.sim.drills;

import dev.salerush.env.DatabaseSettings;
import dev.salerush.env.EnvironmentError;
import dev.salerush.env.SaleEnvironment;
import dev.salerush.env.alerting.AlertingSettings;
import dev.salerush.env.alerting.AlertingStack;
import dev.salerush.env.alerting.Notice;
import dev.salerush.env.alerting.NoticeStyle;
import dev.salerush.env.alerting.Probe;
import dev.salerush.env.alerting.ScrapeTarget;
import dev.salerush.env.embedded.MonitoredParts;
import dev.salerush.env.events.EventLog;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.DrillSettings;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.watch.AlertingView;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerting stack of a drill run, pointed at the embedded environment's parts: every shop instance as it is now,
 * the load balancer's exporter (the redundant topology's), and blackbox probes of the database primary and the payment
 * gateway. Its Slack
 * notices are written as the run's pages are ({@code report.locale}, {@code report.zone}), in a team's words when its
 * templates folder has {@code notice/slack_<locale>.tmpl}.
 */
final class AlertingParts {
    private static final String GATEWAY_HEALTH = "/__admin/health";
    /** Where a team's notice texts are in its templates folder ({@link ReportSettings#TEMPLATE_FILES}). */
    private static final String NOTICE_FOLDER = "notice";

    private AlertingParts() {
    }

    /** Refuses a drill run whose alerting programs are missing, before anything is started. */
    static void checkTools(DrillSettings.Alerting alerting) {
        AlertingStack.checkTools(settings(alerting));
    }

    static AlertingStack start(DrillSettings.Alerting alerting, NoticeStyle notice, SaleEnvironment environment,
                               Path runDir, EventLog events) {
        return start(alerting, notice, environment, runDir, events, Optional.empty());
    }

    /** As a drill's, and every alert also goes to {@code notifyUrl} when one is given. */
    static AlertingStack start(DrillSettings.Alerting alerting, NoticeStyle notice, SaleEnvironment environment,
                               Path runDir, EventLog events, Optional<URI> notifyUrl) {
        if (!(environment instanceof MonitoredParts parts)) {
            throw new EnvironmentError("drills.environment = embedded needs the embedded sale environment");
        }
        DatabaseSettings database = environment.database().orElseThrow();
        List<Probe> probes = List.of(
                Probe.jdbc("db", database.url(), database.user(), database.password()),
                Probe.http("gateway", URI.create(parts.gatewayBaseUrl().toString().replaceAll("/$", "")
                        + GATEWAY_HEALTH)));
        return AlertingStack.start(settings(alerting).withNotifyUrl(notifyUrl.orElse(null)).withNotice(notice),
                () -> parts.shops().stream().map(shop -> new ScrapeTarget(shop.name(), shop.port())).toList(),
                parts.loadBalancerMetricsUrl().orElse(null), probes, runDir.resolve("alerting"), runDir, events);
    }

    private static AlertingSettings settings(DrillSettings.Alerting a) {
        return new AlertingSettings(a.rulesDir(), a.scrapeInterval(), a.evaluationInterval(), a.groupWait(),
                a.groupInterval(), a.repeatInterval(), a.watchdogRepeat(), a.channel(), a.slackWebhookUrl(),
                tool(a, "prometheus"), tool(a, "alertmanager"), tool(a, "promtool"), tool(a, "amtool"));
    }

    /**
     * The notices in the run's language and time zone, on the incident report's severity scale
     * ({@code drills.severity}: a rule's {@code severity} id shown as its level in that language), in the team's words
     * when {@code <report.templates>/notice/slack_<locale>.tmpl} exists.
     */
    static NoticeStyle notice(ReportSettings report, List<DrillSettings.SeverityLevel> scale) {
        String locale = report.locale().key();
        Map<String, String> labels = new LinkedHashMap<>();
        // an id may have several levels (one per criterion): the same label
        scale.forEach(level -> labels.putIfAbsent(level.id(), level.level().in(report.locale())));
        return new NoticeStyle(locale, report.zone(), labels, teamText(report.templates(), locale));
    }

    private static Optional<String> teamText(Path templates, String locale) {
        if (templates == null) {
            return Optional.empty();
        }
        Path file = templates.resolve(NOTICE_FOLDER).resolve("slack_" + locale + ".tmpl");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigError(ReportSettings.TEMPLATES_KEY + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> tool(DrillSettings.Alerting a, String name) {
        String path = a.tools().getOrDefault(name, "");
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** The stack as the drills read it. */
    record View(AlertingStack stack, DrillSettings.Alerting settings) implements AlertingView {
        @Override
        public List<AlertingView.AlertChange> alertHistory() {
            return stack.alertHistory().stream().map(change -> new AlertingView.AlertChange(change.at(), change.name(),
                    dev.salerush.env.alerting.AlertChange.FIRING.equals(change.state()),
                    change.labels().getOrDefault("channel", ""), change.labels().getOrDefault("severity", ""),
                    change.labels())).toList();
        }

        @Override
        public List<PostedNotice> notices() {
            // the Slack stand-in's notices carry the alerts' names only
            return stack.notices().stream().map(notice -> PostedNotice.named(notice.receivedAt(),
                    Notice.WATCHDOG.equals(notice.receiver()) ? HEARTBEAT : notice.receiver(),
                    "firing".equals(notice.status()), notice.alertNames())).toList();
        }

        @Override
        public Map<String, Double> ruleForSeconds() {
            return stack.ruleForSeconds();
        }

        @Override
        public Optional<Instant> lastHeartbeat() {
            return stack.lastHeartbeat();
        }

        @Override
        public Timing timing() {
            return AlertingParts.timing(settings);
        }
    }

    /** The suite's own stack runs with its configured intervals, and its notices always reach the stand-in. */
    static AlertingView.Timing timing(DrillSettings.Alerting settings) {
        return new AlertingView.Timing(settings.scrapeInterval(), settings.evaluationInterval(), settings.groupWait(),
                true);
    }
}
