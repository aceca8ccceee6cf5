package dev.salerush.env.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.salerush.env.alerting.AlertChange;
import dev.salerush.env.alerting.AlertingSettings;
import dev.salerush.env.alerting.AlertingStack;
import dev.salerush.env.alerting.Notice;
import dev.salerush.env.alerting.Probe;
import dev.salerush.env.alerting.ScrapeTarget;
import dev.salerush.env.events.Event;
import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.process.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting stack end to end with the real programs: a rule fires, Alertmanager posts the incident notice to the
 * stand-in (in Korean, on Korean time, on the incident report's severity scale) and the resolved notice when it ends,
 * the Watchdog heartbeat arrives, stops with Alertmanager and resumes with it, and nothing is left behind.
 */
@Order(ItLanes.LANE_TWO)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class AlertingStackIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KST = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d KST";

    @TempDir
    Path work;

    @BeforeAll
    static void prometheusInstalled() {
        boolean required = "1".equals(System.getenv("SALERUSH_REQUIRE_ALERTING"));
        boolean present = installed(ExternalTool.PROMETHEUS) && installed(ExternalTool.ALERTMANAGER)
                && installed(ExternalTool.PROMTOOL) && installed(ExternalTool.AMTOOL);
        if (required) {
            assertThat(present).as("prometheus and alertmanager are required here (SALERUSH_REQUIRE_ALERTING=1)")
                    .isTrue();
        }
        assumeTrue(present, "prometheus is not installed (apt-get install prometheus prometheus-alertmanager)");
    }

    private static boolean installed(ExternalTool tool) {
        try {
            tool.locate(null);
            return true;
        } catch (ExternalTool.ToolNotFoundException e) {
            return false;
        }
    }

    @Test
    void aFiringRuleIsPostedAndTheHeartbeatFollowsAlertmanager() throws Exception {
        Path rules = Files.createDirectories(work.resolve("rules"));
        Files.writeString(rules.resolve("drill.yml"), """
                groups:
                  - name: drill
                    rules:
                      - alert: ProbeDown
                        expr: salerush_probe_up{job="probe",target="db"} == 0
                        for: 1s
                        labels:
                          severity: sev2
                        annotations:
                          summary: "DB 프로브가 실패합니다"
                          impact: "주문 결제 불가"
                          action: "프로브 대상 점검"
                      - alert: Watchdog
                        expr: vector(1)
                        labels:
                          severity: none
                """, StandardCharsets.UTF_8);
        Path runDir = work.resolve("run");
        Path logDir = TestEnv.logDir().resolve("alerting-it");
        Supplier<List<ScrapeTarget>> shops = List::of;
        AtomicBoolean dbUp = new AtomicBoolean(false);
        long t0 = System.nanoTime();
        try (EventLog events = EventLog.open(runDir.resolve(EventLog.FILE))) {
            AlertingStack stack = AlertingStack.start(AlertingSettings.defaults(rules), shops, null,
                    List.of(Probe.of("db", () -> {
                        if (!dbUp.get()) {
                            throw new IllegalStateException("down for the drill");
                        }
                    })), runDir, logDir, events);
            try {
                System.out.println("AlertingStackIT: started in " + ms(t0) + " ms: " + stack.describe());
                long t1 = System.nanoTime();
                Notice notice = await(() -> slackNotice(stack, "firing"), "the ProbeDown notice");
                System.out.println("AlertingStackIT: ProbeDown notice after " + ms(t1) + " ms:\n" + notice.title()
                        + "\n" + notice.text());
                assertThat(notice.title()).isEqualTo("[FIRING] ProbeDown");
                // Alertmanager runs with TZ=Asia/Seoul, though Prometheus sends its times in UTC
                assertThat(notice.text().replaceAll(KST, "<KST>")).isEqualTo("""
                        등급: 2등급 (SEV2)
                        현상: DB 프로브가 실패합니다
                        장애 기간: <KST> ~ 진행 중
                        고객 영향: 주문 결제 불가
                        논의 채널: #sale-incident
                        장애 원인: 확인 중
                        조치 내용: 프로브 대상 점검
                        알림: `ProbeDown`""");
                // Prometheus' alerts are polled every 250 ms: its notice may arrive before the poll sees it firing
                await(() -> stack.alertHistory().stream().filter(change -> change.name().equals("ProbeDown")
                        && change.state().equals(AlertChange.FIRING)).findFirst(), "ProbeDown seen firing");

                dbUp.set(true);
                Notice resolved = await(() -> slackNotice(stack, "resolved"), "the resolved ProbeDown notice");
                System.out.println("AlertingStackIT: resolved notice:\n" + resolved.title() + "\n" + resolved.text());
                assertThat(resolved.title()).isEqualTo("[RESOLVED] ProbeDown");
                String took = "(\\d+분 )?\\d+초";
                assertThat(resolved.text().replaceAll(KST, "<KST>").replaceAll(took, "<took>")).isEqualTo("""
                        해소: `ProbeDown` 알림이 <KST>에 해소되었습니다 — 장애 기간 <took>
                        등급: 2등급 (SEV2)
                        현상: DB 프로브가 실패합니다
                        장애 기간: <KST> ~ <KST>
                        고객 영향: 주문 결제 불가
                        논의 채널: #sale-incident
                        장애 원인: 확인 중
                        조치 내용: 프로브 대상 점검
                        알림: `ProbeDown`""");

                Instant firstBeat = await(stack::lastHeartbeat, "a heartbeat");
                await(() -> stack.lastHeartbeat().filter(firstBeat::isBefore), "a second heartbeat");

                stack.stopAlertmanager();
                Instant stopped = Instant.now();
                Thread.sleep(5_000);
                assertThat(stack.lastHeartbeat()).get().matches(beat -> beat.isBefore(stopped.plusMillis(500)),
                        "no heartbeat while Alertmanager is down");

                long t2 = System.nanoTime();
                stack.startAlertmanager();
                await(() -> stack.lastHeartbeat().filter(beat -> beat.isAfter(stopped.plusSeconds(5))),
                        "a heartbeat after the restart");
                System.out.println("AlertingStackIT: heartbeat " + ms(t2) + " ms after restarting Alertmanager");

                stack.stopWebhook();
                stack.startWebhook();
                Instant restarted = Instant.now();
                await(() -> stack.lastHeartbeat().filter(restarted::isBefore), "a heartbeat after the stand-in's restart");
                assertThat(stack.notices()).as("notices of the stand-in before its restart are kept")
                        .anyMatch(n -> n.title().equals("[FIRING] ProbeDown"));

                List<Event> recorded = EventLog.read(runDir.resolve(EventLog.FILE));
                assertThat(recorded).anyMatch(e -> e.kind().equals(EventKinds.ALERT_FIRING)
                        && e.source().equals("ProbeDown") && e.detail().equals("channel=none severity=sev2"));
                assertThat(recorded).anyMatch(e -> e.kind().equals(EventKinds.NOTICE_POSTED)
                        && e.source().equals("slack") && e.detail().equals("[FIRING] ProbeDown"));
                assertThat(recorded).noneMatch(e -> e.kind().equals(EventKinds.NOTICE_POSTED)
                        && e.source().equals("watchdog"));
            } finally {
                stack.close();
            }
        }
        assertThat(processesNaming(runDir)).as("prometheus and alertmanager left behind").isEmpty();
        assertThat(processesNaming(logDir.toAbsolutePath().resolve("webhook-stand-in-wiremock")))
                .as("the stand-in (wiremock) left behind").isEmpty();
        System.out.println("AlertingStackIT: whole test " + ms(t0) + " ms");
    }

    private static Optional<Notice> slackNotice(AlertingStack stack, String status) {
        return stack.notices().stream().filter(n -> n.receiver().equals(Notice.SLACK)
                && n.alertNames().contains("ProbeDown") && n.status().equals(status)).findFirst();
    }

    private static <T> T await(Supplier<Optional<T>> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s");
    }

    /** {@code pgrep -af <text>}: the processes whose command line contains it. */
    private static List<String> processesNaming(Path path) throws IOException, InterruptedException {
        Process pgrep = new ProcessBuilder("pgrep", "-af", path.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor(5, TimeUnit.SECONDS);
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
