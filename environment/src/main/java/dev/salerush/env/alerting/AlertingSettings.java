package dev.salerush.env.alerting;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the alerting stack of a drill runs.
 *
 * @param rulesDir           the Prometheus rule files: every {@code *.yml} directly in it (not in sub-folders: rule
 *                           tests live in {@code rulesDir/tests/})
 * @param scrapeInterval     Prometheus' scrape interval (the scrape timeout is the same)
 * @param evaluationInterval how often the rules are evaluated
 * @param groupWait          Alertmanager: how long a new group waits for more alerts before its first notice (0 legal)
 * @param groupInterval      Alertmanager: the wait before a notice about changes to a group already notified (> 0)
 * @param repeatInterval     Alertmanager: the wait before an unchanged firing group is notified again (> 0)
 * @param watchdogRepeat     the heartbeat period: how often the always-firing {@code Watchdog} alert is re-posted
 * @param channel            the discussion channel named in every notice, e.g. {@code #sale-incident}
 * @param slackWebhookUrl    a real Slack incoming webhook; when present notices go to it as well as to the stand-in.
 *                           It is a secret: never logged, never written into the run folder
 * @param prometheus         the prometheus executable (setting {@code drills.tools.prometheus}); empty = search
 * @param alertmanager       the alertmanager executable ({@code drills.tools.alertmanager})
 * @param promtool           the promtool executable ({@code drills.tools.promtool})
 * @param amtool             the amtool executable ({@code drills.tools.amtool})
 * @param notifyUrl          one more webhook (e.g. a team's own receiver) that gets every alert, Watchdog included,
 *                           firing and resolved, beside the stack's own receivers; empty = none
 * @param notice             how the Slack notices are written: language, clock, severity scale, a team's own text
 *                           (null = {@link NoticeStyle#defaults()})
 */
public record AlertingSettings(Path rulesDir, Duration scrapeInterval, Duration evaluationInterval,
                               Duration groupWait, Duration groupInterval, Duration repeatInterval,
                               Duration watchdogRepeat, String channel, Optional<String> slackWebhookUrl,
                               Optional<Path> prometheus, Optional<Path> alertmanager, Optional<Path> promtool,
                               Optional<Path> amtool, Optional<URI> notifyUrl, NoticeStyle notice) {

    public static final Duration DEFAULT_WATCHDOG_REPEAT = Duration.ofSeconds(3);
    public static final String DEFAULT_CHANNEL = "#sale-incident";

    public AlertingSettings {
        Objects.requireNonNull(rulesDir, "rulesDir");
        positive("scrapeInterval", scrapeInterval);
        positive("evaluationInterval", evaluationInterval);
        if (groupWait == null || groupWait.isNegative()) {
            throw new IllegalArgumentException("groupWait must be >= 0");
        }
        positive("groupInterval", groupInterval);
        positive("repeatInterval", repeatInterval);
        positive("watchdogRepeat", watchdogRepeat);
        if (channel == null || channel.isBlank() || channel.contains("{{") || channel.contains("}}")
                || channel.contains("\n")) {
            throw new IllegalArgumentException("channel must be a channel name such as #sale-incident, got " + channel);
        }
        slackWebhookUrl = slackWebhookUrl == null ? Optional.empty() : slackWebhookUrl.filter(u -> !u.isBlank());
        prometheus = prometheus == null ? Optional.empty() : prometheus;
        alertmanager = alertmanager == null ? Optional.empty() : alertmanager;
        promtool = promtool == null ? Optional.empty() : promtool;
        amtool = amtool == null ? Optional.empty() : amtool;
        notifyUrl = notifyUrl == null ? Optional.empty() : notifyUrl;
        notifyUrl.ifPresent(AlertingSettings::checkWebhookUrl);
        notice = notice == null ? NoticeStyle.defaults() : notice;
    }

    /** Settings with the default notice ({@link NoticeStyle#defaults()}). */
    public AlertingSettings(Path rulesDir, Duration scrapeInterval, Duration evaluationInterval, Duration groupWait,
                            Duration groupInterval, Duration repeatInterval, Duration watchdogRepeat, String channel,
                            Optional<String> slackWebhookUrl, Optional<Path> prometheus, Optional<Path> alertmanager,
                            Optional<Path> promtool, Optional<Path> amtool, Optional<URI> notifyUrl) {
        this(rulesDir, scrapeInterval, evaluationInterval, groupWait, groupInterval, repeatInterval, watchdogRepeat,
                channel, slackWebhookUrl, prometheus, alertmanager, promtool, amtool, notifyUrl, null);
    }

    /** Settings without a {@code notifyUrl}, with the default notice. */
    public AlertingSettings(Path rulesDir, Duration scrapeInterval, Duration evaluationInterval, Duration groupWait,
                            Duration groupInterval, Duration repeatInterval, Duration watchdogRepeat, String channel,
                            Optional<String> slackWebhookUrl, Optional<Path> prometheus, Optional<Path> alertmanager,
                            Optional<Path> promtool, Optional<Path> amtool) {
        this(rulesDir, scrapeInterval, evaluationInterval, groupWait, groupInterval, repeatInterval, watchdogRepeat,
                channel, slackWebhookUrl, prometheus, alertmanager, promtool, amtool, Optional.empty());
    }

    /**
     * Drill defaults: 1 s scrape and evaluation, notices at once ({@code group_wait} 0 s, {@code group_interval} 1 s),
     * repeated every 10 minutes, a heartbeat every 3 s, channel {@value #DEFAULT_CHANNEL}, no real Slack, tools searched,
     * Korean notices on Korean time ({@link NoticeStyle#defaults()}).
     */
    public static AlertingSettings defaults(Path rulesDir) {
        return new AlertingSettings(rulesDir, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofMinutes(10), DEFAULT_WATCHDOG_REPEAT, DEFAULT_CHANNEL,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AlertingSettings withChannel(String newChannel) {
        return new AlertingSettings(rulesDir, scrapeInterval, evaluationInterval, groupWait, groupInterval,
                repeatInterval, watchdogRepeat, newChannel, slackWebhookUrl, prometheus, alertmanager, promtool, amtool,
                notifyUrl, notice);
    }

    public AlertingSettings withSlackWebhookUrl(String url) {
        return new AlertingSettings(rulesDir, scrapeInterval, evaluationInterval, groupWait, groupInterval,
                repeatInterval, watchdogRepeat, channel, Optional.ofNullable(url), prometheus, alertmanager, promtool,
                amtool, notifyUrl, notice);
    }

    public AlertingSettings withWatchdogRepeat(Duration period) {
        return new AlertingSettings(rulesDir, scrapeInterval, evaluationInterval, groupWait, groupInterval,
                repeatInterval, period, channel, slackWebhookUrl, prometheus, alertmanager, promtool, amtool,
                notifyUrl, notice);
    }

    /**
     * These settings with one more webhook that gets every alert (see {@code notifyUrl}); null = none.
     *
     * @throws IllegalArgumentException it is not an absolute http:// or https:// URL with a host
     */
    public AlertingSettings withNotifyUrl(URI url) {
        return new AlertingSettings(rulesDir, scrapeInterval, evaluationInterval, groupWait, groupInterval,
                repeatInterval, watchdogRepeat, channel, slackWebhookUrl, prometheus, alertmanager, promtool, amtool,
                Optional.ofNullable(url), notice);
    }

    /** These settings with the notices written as {@code style} says; null = {@link NoticeStyle#defaults()}. */
    public AlertingSettings withNotice(NoticeStyle style) {
        return new AlertingSettings(rulesDir, scrapeInterval, evaluationInterval, groupWait, groupInterval,
                repeatInterval, watchdogRepeat, channel, slackWebhookUrl, prometheus, alertmanager, promtool, amtool,
                notifyUrl, style);
    }

    /** The secret stays out of logs and exception messages that print the settings. */
    @Override
    public String toString() {
        return "AlertingSettings[rulesDir=" + rulesDir + ", scrapeInterval=" + scrapeInterval + ", evaluationInterval="
                + evaluationInterval + ", groupWait=" + groupWait + ", groupInterval=" + groupInterval
                + ", repeatInterval=" + repeatInterval + ", watchdogRepeat=" + watchdogRepeat + ", channel=" + channel
                + ", slackWebhookUrl=" + slackWebhookUrl.map(u -> "(set)").orElse("(none)") + ", prometheus="
                + prometheus + ", alertmanager=" + alertmanager + ", promtool=" + promtool + ", amtool=" + amtool
                + ", notifyUrl=" + notifyUrl.map(URI::toString).orElse("(none)") + ", notice=" + notice.locale() + " "
                + notice.zone() + (notice.textOverride().isPresent() ? " (team text)" : "") + "]";
    }

    private static void checkWebhookUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
                || url.toString().contains("\n")) {
            throw new IllegalArgumentException("notifyUrl must be an http:// or https:// URL with a host, e.g. "
                    + "http://127.0.0.1:18099/alerts; got " + url);
        }
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }
}
