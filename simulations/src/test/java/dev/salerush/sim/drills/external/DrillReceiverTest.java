package dev.salerush.sim.drills.external;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.env.events.EventLog;
import dev.salerush.sim.drills.watch.AlertingView.PostedNotice;
import dev.salerush.sim.drills.watch.OnCallLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The drill receiver over real HTTP: Alertmanager's webhook bodies, a person's ack and action, bad posts. */
class DrillReceiverTest {
    private final DrillReceiver receiver = DrillReceiver.start("127.0.0.1", 0, EventLog.discarding());
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAlertmanagerNoticeIsKeptWithItsAlertsLabelsAndWhenEachFired() throws Exception {
        String body = """
                {"version":"4","status":"firing","receiver":"salerush-drill","groupKey":"{}:{alertname=\\"High5xxRatio\\"}",
                 "alerts":[{"status":"firing","labels":{"alertname":"High5xxRatio","service":"checkout"},
                            "startsAt":"2026-12-07T20:01:02.345+09:00","endsAt":"0001-01-01T00:00:00Z"}]}""";
        assertThat(post("/alerts", body).statusCode()).isEqualTo(200);

        PostedNotice notice = receiver.notices().get(0);
        assertThat(notice.receiver()).isEqualTo("salerush-drill");
        assertThat(notice.firing()).isTrue();
        assertThat(notice.heartbeat()).isFalse();
        assertThat(notice.alerts().get(0).labels()).containsEntry("service", "checkout");
        assertThat(notice.alerts().get(0).startsAt()).isEqualTo(Instant.parse("2026-12-07T11:01:02.345Z"));
    }

    @Test
    void aWatchdogNoticeIsTheHeartbeat() throws Exception {
        post("/alerts", """
                {"status":"firing","receiver":"salerush-drill","alerts":[{"labels":{"alertname":"Watchdog"},
                 "startsAt":"2026-12-07T11:00:00Z"}]}""");
        assertThat(receiver.notices().get(0).heartbeat()).isTrue();
        assertThat(receiver.lastHeartbeat()).isPresent();
    }

    @Test
    void aPersonsAckAndActionAreRecordedWithWhatWasDone() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> ack = post("/drill/ack", "seen, looking\n");
        HttpResponse<String> action = post("/drill/action", "rolled back to v1");

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(action.body()).startsWith("action recorded at ");
        assertThat(receiver.entries()).extracting(OnCallLog.Entry::kind, OnCallLog.Entry::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OnCallLog.Kind.ACK, "seen, looking"),
                org.assertj.core.groups.Tuple.tuple(OnCallLog.Kind.ACTION, "rolled back to v1"));
        assertThat(Duration.between(before, receiver.entries().get(1).at())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void badPostsAreRefusedAndRecordNothing() throws Exception {
        assertThat(post("/drill/action", "  ").statusCode()).isEqualTo(400);
        assertThat(post("/drill/action", "two\nlines").statusCode()).isEqualTo(400);
        assertThat(post("/alerts", "not json").statusCode()).isEqualTo(400);
        assertThat(post("/alerts", new ObjectMapper().writeValueAsString(java.util.Map.of("status", "firing")))
                .statusCode()).isEqualTo(400);
        assertThat(receiver.entries()).isEmpty();
        assertThat(receiver.notices()).isEmpty();
    }

    @Test
    void prometheusDurationsReadAsPrometheusWritesThem() {
        assertThat(TeamAlertingApi.duration("1m30s", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        assertThat(TeamAlertingApi.duration("500ms", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(TeamAlertingApi.duration("", Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TeamAlertingApi.duration("5 minutes",
                Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }
}
