package dev.salerush.env.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salerush.env.events.EventLog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the stand-in's journal is read as, and what the watches make of notices and alert states. */
class NoticesTest {

    private static final Instant T = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void aSlackPostIsAnIncidentNoticeAboutTheAlertItsTitleNames() {
        // the text's words are the locale's or a team's: the alert is the one the title names (grouped by name)
        String body = """
                {"channel":"#sale-incident","attachments":[{"title":"[RESOLVED] ProbeUp",
                 "text":"Severity: SEV2\\nAlerts: ProbeUp, ProbeUp","color":"good"}]}
                """;
        Notice notice = WebhookStandIn.parse("/slack", T, body);
        assertThat(notice).isEqualTo(new Notice(T, "slack", "resolved", List.of("ProbeUp"), "[RESOLVED] ProbeUp",
                "Severity: SEV2\nAlerts: ProbeUp, ProbeUp"));
        assertThat(WebhookStandIn.parse("/slack", T, "{\"attachments\":[{\"title\":\"[FIRING] DbPoolWaits\","
                + "\"text\":\"알림: 다른 이름\"}]}").alertNames()).containsExactly("DbPoolWaits");
    }

    @Test
    void aWatchdogPostIsAHeartbeat() {
        Notice notice = WebhookStandIn.parse("/watchdog", T,
                "{\"status\":\"firing\",\"alerts\":[{\"labels\":{\"alertname\":\"Watchdog\"}}]}");
        assertThat(notice).isEqualTo(new Notice(T, "watchdog", "firing", List.of("Watchdog"), "", ""));
        assertThat(WebhookStandIn.parse("/other", T, "{}")).isNull();
    }

    @Test
    void noticesAreCountedOnceAndHeartbeatsAreNotEvents() {
        NoticeWatch watch = new NoticeWatch(EventLog.discarding());
        Map<String, Notice> journal = new LinkedHashMap<>();
        journal.put("a", new Notice(T, "watchdog", "firing", List.of("Watchdog"), "", ""));
        watch.observe(journal);
        journal.put("b", new Notice(T.plusSeconds(3), "watchdog", "firing", List.of("Watchdog"), "", ""));
        watch.observe(journal);
        assertThat(watch.notices()).hasSize(2);
        assertThat(watch.lastHeartbeat()).contains(T.plusSeconds(3));
    }

    @Test
    void alertStatesBecomeChangesAndGoneIsInactive() {
        AlertWatch watch = new AlertWatch(java.net.URI.create("http://127.0.0.1:1"), EventLog.discarding());
        Map<String, String> labels = Map.of("alertname", "ProbeUp", "severity", "page");
        watch.observe(T, Map.of(labels, "pending"));
        watch.observe(T.plusSeconds(1), Map.of(labels, "firing"));
        watch.observe(T.plusSeconds(2), Map.of(labels, "firing"));
        watch.observe(T.plusSeconds(3), Map.of());
        assertThat(watch.history()).extracting(AlertChange::state).containsExactly("pending", "firing", "inactive");
        assertThat(watch.history()).extracting(AlertChange::name).containsOnly("ProbeUp");
    }

    @Test
    void probeUrlsGetOneSecondTimeouts() {
        assertThat(Probe.withOneSecondTimeouts("jdbc:postgresql://a:1,b:2/db?targetServerType=primary"
                + "&loginTimeout=2&connectTimeout=2&socketTimeout=10&hostRecheckSeconds=2"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/db?targetServerType=primary&hostRecheckSeconds=2"
                        + "&loginTimeout=1&connectTimeout=1&socketTimeout=1");
        assertThat(Probe.withOneSecondTimeouts("jdbc:postgresql://a:1/db"))
                .isEqualTo("jdbc:postgresql://a:1/db?loginTimeout=1&connectTimeout=1&socketTimeout=1");
    }

    @Test
    void theExporterAnswersUpDownAndABoundedDuration() {
        try (ProbeExporter exporter = ProbeExporter.start(List.of(Probe.of("db", () -> { }),
                Probe.of("gateway", () -> {
                    throw new IllegalStateException("down");
                }), Probe.of("slow", () -> Thread.sleep(5_000))))) {
            String metrics = exporter.render();
            assertThat(metrics).contains("salerush_probe_up{target=\"db\"} 1\n",
                    "salerush_probe_up{target=\"gateway\"} 0\n", "salerush_probe_up{target=\"slow\"} 0\n",
                    "salerush_probe_duration_seconds{target=\"slow\"} 0.800000\n",
                    "# TYPE salerush_probe_up gauge");
        }
    }
}
