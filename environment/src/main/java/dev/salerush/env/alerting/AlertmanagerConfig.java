package dev.salerush.env.alerting;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Alertmanager configuration of a drill. Alerts are grouped by name. {@code Watchdog} (an always-firing rule) goes
 * to the {@code watchdog} receiver, a webhook re-posted every {@code watchdogRepeat}: the heartbeat whose absence
 * says the alerting path itself is broken. Everything else goes to {@code slack}: a Slack notice to the webhook
 * stand-in (and, when a real webhook is set, to it too, through {@code api_url_file} so the secret is never in this
 * file), titled {@code [FIRING] <alert>} or {@code [RESOLVED] <alert>}, its {@link #text() text} as the settings'
 * {@link NoticeStyle} says. The default Korean text has the fields of a Korean team's first incident notice, one a
 * line — 등급, 현상, 장애 기간 (start ~ 진행 중), 고객 영향, 논의 채널, 장애 원인 (확인 중 until the rule's {@code cause}
 * annotation says), 조치 내용, 알림 — and a resolved notice opens with what changed ({@code 해소: <alert> 알림이 <time>에
 * 해소되었습니다 — 장애 기간 3분 12초}) and closes the period; the English one has the same in English from the rules'
 * {@code _en} annotations (Severity, Symptom, Period, Customer impact, Channel, Cause, Action, Alerts; "Resolved: …").
 * The default texts are resources of this module ({@code notice/slack_ko.tmpl}, {@code notice/slack_en.tmpl} beside
 * this class), where a team finds the starting point of its own. When the settings name a
 * {@link AlertingSettings#notifyUrl() notifyUrl}, two first child routes with {@code continue: true} send every alert
 * to the {@code notify} receiver, a webhook with {@code send_resolved: true} — the Watchdog every {@code watchdogRepeat}
 * as to the stack's own heartbeat, every other alert with the top route's grouping — and the routes after them still
 * get them. Pure.
 *
 * @param settings      intervals and the channel
 * @param standInUrl    the webhook stand-in, e.g. {@code http://127.0.0.1:8090}
 * @param slackUrlFile  a file holding the real Slack webhook URL (mode 0600, outside the run folder); empty = none
 */
public record AlertmanagerConfig(AlertingSettings settings, String standInUrl, Optional<Path> slackUrlFile) {

    public static final String SLACK_PATH = "/slack";
    public static final String WATCHDOG_PATH = "/watchdog";
    public static final String WATCHDOG = "Watchdog";
    /** The receiver of {@link AlertingSettings#notifyUrl()}: every alert, beside the stack's own receivers. */
    public static final String NOTIFY = "notify";
    /** The title of a Slack notice: {@code [FIRING] ProbeUp}. */
    public static final String TITLE = "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}";

    /**
     * The text of a Slack notice (a Go template of Alertmanager): what the settings set for every body —
     * {@code $channel}, and {@code $severity} mapped from the alerts' {@code severity} through the scale by an if/else
     * chain (a value not on the scale stays as it is) — then the body of the {@link NoticeStyle}.
     */
    public String text() {
        NoticeStyle notice = settings.notice();
        StringBuilder t = new StringBuilder();
        t.append("{{- $channel := ").append(goString(settings.channel())).append(" -}}\n");
        t.append("{{- $severity := .CommonLabels.severity -}}\n");
        if (!notice.severityLabels().isEmpty()) {
            String chain = notice.severityLabels().entrySet().stream()
                    .map(level -> "if eq $severity " + goString(level.getKey()) + " }}{{ $severity = "
                            + goString(level.getValue()) + " }}")
                    .collect(Collectors.joining("{{ else "));
            t.append("{{- ").append(chain).append("{{ end -}}\n");
        }
        return t.append(notice.body()).toString();
    }

    /** A Go string literal: the template reads it as exactly {@code value}. */
    static String goString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** {@code alertmanager.yml}. */
    public String render() {
        StringBuilder y = new StringBuilder();
        y.append("# written by salerush for one drill\n");
        y.append("route:\n");
        y.append("  receiver: slack\n");
        y.append("  group_by: [alertname]\n");
        y.append("  group_wait: ").append(Yaml.duration(settings.groupWait())).append('\n');
        y.append("  group_interval: ").append(Yaml.duration(settings.groupInterval())).append('\n');
        y.append("  repeat_interval: ").append(Yaml.duration(settings.repeatInterval())).append('\n');
        y.append("  routes:\n");
        settings.notifyUrl().ifPresent(url -> {
            // the heartbeat as often as the stack's own, so a watcher of the notify webhook can tell a silent pager
            heartbeatRoute(y, NOTIFY);
            y.append("      continue: true\n");
            y.append("    - matchers: [").append(Yaml.quote("alertname!=\"" + WATCHDOG + "\"")).append("]\n");
            y.append("      receiver: ").append(NOTIFY).append('\n');
            y.append("      continue: true\n");
        });
        heartbeatRoute(y, "watchdog");
        y.append("receivers:\n");
        y.append("  - name: slack\n");
        y.append("    slack_configs:\n");
        slack(y, "api_url: " + Yaml.quote(standInUrl + SLACK_PATH));
        slackUrlFile.ifPresent(file -> slack(y, "api_url_file: " + Yaml.quote(file.toAbsolutePath().toString())));
        y.append("  - name: watchdog\n");
        y.append("    webhook_configs:\n");
        y.append("      - url: ").append(Yaml.quote(standInUrl + WATCHDOG_PATH)).append('\n');
        y.append("        send_resolved: false\n");
        settings.notifyUrl().ifPresent(url -> {
            y.append("  - name: ").append(NOTIFY).append('\n');
            y.append("    webhook_configs:\n");
            y.append("      - url: ").append(Yaml.quote(url.toString())).append('\n');
            y.append("        send_resolved: true\n");
        });
        return y.toString();
    }

    /** A child route of the Watchdog alert to {@code receiver}, re-posted every {@code watchdogRepeat}. */
    private void heartbeatRoute(StringBuilder y, String receiver) {
        y.append("    - matchers: [").append(Yaml.quote("alertname=\"" + WATCHDOG + "\"")).append("]\n");
        y.append("      receiver: ").append(receiver).append('\n');
        y.append("      group_wait: 0s\n");
        y.append("      group_interval: 1s\n");
        y.append("      repeat_interval: ").append(Yaml.duration(settings.watchdogRepeat())).append('\n');
    }

    private void slack(StringBuilder y, String urlLine) {
        y.append("      - ").append(urlLine).append('\n');
        y.append("        send_resolved: true\n");
        y.append("        channel: ").append(Yaml.quote(settings.channel())).append('\n');
        y.append("        title: ").append(Yaml.quote(TITLE)).append('\n');
        // YAML takes the block's indentation from its first line, the preamble of text(): a team text's own leading
        // spaces further down stay its own
        y.append("        text: |-\n");
        for (String line : text().split("\n")) {
            y.append("          ").append(line).append('\n');
        }
    }
}
