package dev.salerush.sim.report.incident;

import dev.salerush.sim.report.Messages;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.config.ReportLocale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.drills.DrillIntegrity;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillVerdict;
import dev.salerush.sim.integrity.IntegrityCheck;
import dev.salerush.sim.integrity.IntegrityChecks;
import dev.salerush.sim.integrity.IntegrityReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentReportTest {
    private static final Pattern SCRIPT = Pattern.compile("(?s)<script[^>]*>.*?</script>");
    private static final Pattern CHART_DATA =
            Pattern.compile("(?s)<script type=\"application/json\" id=\"chart-data\">(.*?)</script>");
    private static final Pattern TAG = Pattern.compile("<(/?)(html|head|body|main|header|nav|footer|div|table|tr|th|td"
            + "|ul|li|dl|dt|dd|p|h1|h2|h3|span|a)\\b[^>]*>");

    private final DrillResult passed = DrillFixtures.badDeployPassed();
    private final DrillResult failed = DrillFixtures.instanceCrashFailed();
    private final DrillResult aborted = DrillFixtures.abortedBeforeFault();

    @Test
    void koreanReportOpensWithTheDrillBannerAndAnImpactFirstTitle() {
        String md = IncidentReport.markdown(passed, "20261201-160000-gameday", ReportSettings.of(ReportLocale.KO));

        assertThat(md).startsWith("> **훈련** — 이 문서는 장애 대응 훈련 결과입니다 — 실제 장애가 아닙니다");
        assertThat(md).contains("# 주문 실패 37건 (요청 실패율 42 %): 2026-12-01 16:02:10 ~ 16:04:00 KST (bad-deploy 훈련)");
        assertThat(md).contains("**통과** — 모든 통과 기준을 충족했습니다.");
        assertThat(md.indexOf("## 판정")).isLessThan(md.indexOf("## 등급")).isLessThan(md.indexOf("## 단계별 시각"))
                .isLessThan(md.indexOf("## 탐지 방법")).isLessThan(md.indexOf("## 영향"))
                .isLessThan(md.indexOf("## 데이터 정합성")).isLessThan(md.indexOf("## 타임라인"))
                .isLessThan(md.indexOf("## 고객 공지 초안")).isLessThan(md.indexOf("## 재발 방지 대책"));
    }

    @Test
    void everyStageIsInKoreanTimeAndUtcWithItsIntervalFromTheFault() {
        String md = IncidentReport.markdown(passed, "run", ReportSettings.of(ReportLocale.KO));

        assertThat(md).contains("| 발생 | 2026-12-01 16:02:10 KST | 2026-12-01 07:02:10 UTC | 0 s | — |",
                "| 탐지 | 2026-12-01 16:02:50 KST | 2026-12-01 07:02:50 UTC | 40 s | TTD |",
                "| 최초 전파 | 2026-12-01 16:03:05 KST | 2026-12-01 07:03:05 UTC | 55 s | TTN |",
                "| 초동 조치 | 2026-12-01 16:03:20 KST | 2026-12-01 07:03:20 UTC | 70 s | TTFA |",
                "| 완화 | 2026-12-01 16:03:40 KST | 2026-12-01 07:03:40 UTC | 90 s | TTM |",
                "| 복구 | 2026-12-01 16:04:00 KST | 2026-12-01 07:04:00 UTC | 110 s | TTR |",
                "| 종료 | 2026-12-01 16:04:40 KST | 2026-12-01 07:04:40 UTC | 150 s | — |");
        assertThat(md).contains("SEV2 — 기준: 주문 실패율 ≥ 5 %");
        assertThat(md).contains("OrderFailureRateHigh (비즈니스 지표) — 2026-12-01 16:02:50 KST, 발생 후 40 s",
                "수집 주기 15 s · 규칙 평가 주기 15 s · 경보 for 30 s · 그룹 대기 10 s · 대응 지연 5 s");
        assertThat(md).contains("rollback — 롤백 (이전 상태로 되돌림)", "훈련이 주입한 장애: rolling-deploy v2:broken-orders",
                "롤백을 먼저 한 장애가 핫픽스를 먼저 한 장애보다");
        assertThat(md).contains("실패한 요청: 420 / 1,000 (42 %)", "실패한 주문: 37", "장애 중 p95 응답 시간: 850 ms");
        assertThat(md).contains("| 16:02:50 | 100 | 42 % | 850 ms |").as("5-second rows");
        assertThat(md).contains("rollback 조치로 2026-12-01 16:04:00 KST에 정상화되었습니다.", "고객센터");
    }

    @Test
    void aFailedDrillNamesTheMissedAlertsAndACountermeasurePerFailedCriterion() {
        String md = IncidentReport.markdown(failed, "run", ReportSettings.of(ReportLocale.KO));

        assertThat(md).contains("# 요청 실패율 0.6 %: 2026-12-01 16:02:10 ~ 16:07:10 KST (instance-crash 훈련)");
        assertThat(md).contains("**실패** — notice-posted: no notice within 120 s");
        assertThat(md).contains("| 최초 전파 | — | — | — | TTN |", "| 복구 | — | — | — | TTR |");
        assertThat(md).contains("울리지 않은 예상 경보 (놓침): InstanceDown", "예상하지 않은 경보 (정밀도): DiskSpaceLow",
                "재현율 (울린 예상 경보 / 예상 경보): 50 %", "HighErrorRate (시스템 지표)");
        assertThat(md).contains("detected-within (요구: ≤ 60 s, 측정: 75 s) → 경보의 for 기간과 임계값을 조정하거나",
                "notice-posted (요구: ≤ 120 s, 측정: never) → 페이저 경로를 점검하고",
                "recovered-within (요구: ≤ 300 s, 측정: never) → 초동 조치를 자동화하고",
                "no-unexpected-alerts (요구: 0, 측정: 1 (DiskSpaceLow)) → 예상 밖에 울린 규칙의 조건을 좁혀",
                "queue-drained (요구: 0 messages, 측정: 14 messages) → queue-drained 기준을 다시 충족하도록");
        assertThat(md).doesNotContain("대사(reconciliation)").as("integrity passed: no countermeasure for it");
        String wentWell = md.substring(md.indexOf("### 잘된 점"), md.indexOf("### 아쉬운 점"));
        assertThat(wentWell).contains("주문 데이터 정합성 이상 없음").doesNotContain("탐지");
        assertThat(md.substring(md.indexOf("### 아쉬운 점"))).contains("탐지 75.0초 — 기준 60초 초과",
                "queue-drained 기준 미충족 — 요구: 0 messages, 측정: 14 messages");
        assertThat(md).contains("restart shop-2 — 롤백이 아닌 조치 (fix forward) (런북의 초동 조치 — 이번 훈련에서는 실행되지 않음)", "현재 restart shop-2 조치를 진행하고 있습니다.");
    }

    @Test
    void anIncidentThatFailedOrdersGetsCountermeasuresEvenWhenEveryCriterionPassed() {
        DrillResult dbLock = passed.toBuilder("db-lock").build();
        String md = IncidentReport.markdown(dbLock, "run", ReportSettings.of(ReportLocale.KO));
        String prevention = md.substring(md.indexOf("## 재발 방지 대책"), md.indexOf("### 잘된 점"));

        assertThat(passed.criteria()).allMatch(DrillResult.Criterion::passed);
        assertThat(prevention).doesNotContain("새로 정할 대책은 없습니다")
                .contains("주문 37건 실패, 영향 95초 → 주문 경로에 lock_timeout과 statement_timeout을 두고",
                        "결과를 알 수 없는 주문 3건 → 클라이언트가 같은 Idempotency-Key로 재시도",
                        "탐지 40 s — 영향 95초의 25 %를 넘음");
        assertThat(IncidentReport.markdown(passed, "run", ReportSettings.of(ReportLocale.EN)))
                .contains("37 orders failed, 95 s of impact → Ship through a canary first");
    }

    @Test
    void wentWellStatesEachMeasuredTimeAgainstItsBound() {
        assertThat(wentWell(passed, ReportLocale.KO)).contains("탐지 40.0초 — 기준 60초 이내 (OrderFailureRateHigh)", "공지 55.0초 — 기준 120초 이내",
                "첫 조치(rollback) 공지 후 15.0초", "복구 110.0초 — 기준 300초 이내",
                "예상한 알림 모두 발생 (OrderFailureRateHigh, HighErrorRate)", "예상하지 않은 알림 없음",
                "주문 데이터 정합성 이상 없음 (검사 7건 모두 통과)").doesNotContain("detected-within", "요구:");
        assertThat(wentWell(passed, ReportLocale.EN)).contains("Detected after 40.0 s — within the 60 s bound (OrderFailureRateHigh)",
                "Notice posted after 55.0 s — within the 120 s bound", "First action (rollback) 15.0 s after the notice",
                "Recovered after 110.0 s — within the 300 s bound", "No unexpected alert",
                "Order data integrity holds (all 7 checks passed)").doesNotContain("detected-within");
    }

    @Test
    void aDrillThatFailedOrdersListsItsImpactUnderWentBadlyEvenWhenEveryCriterionPassed() {
        assertThat(passed.criteria()).allMatch(DrillResult.Criterion::passed);
        assertThat(wentBadly(passed, ReportLocale.KO)).contains("주문 37건 실패, 영향 95초 (요청 42 % 실패)", "결과를 알 수 없는 주문 3건",
                "영향받은 사용자 120명");
        assertThat(wentBadly(passed, ReportLocale.EN)).contains("37 orders failed, 95 s of impact (42 % of requests failed)",
                "3 orders without an answer", "120 users affected");
    }

    @Test
    void wentBadlyStatesWhatWasLateMissedOrNeverHappened() {
        assertThat(wentBadly(failed, ReportLocale.KO)).contains("탐지 75.0초 — 기준 60초 초과", "공지 없음 — 기준 120초 이내",
                "첫 조치(restart shop-2) 실행되지 않음", "복구되지 않음 — 기준 300초 이내",
                "예상한 알림 InstanceDown 미발생", "예상하지 않은 알림 DiskSpaceLow 발생", "요청 12건 실패 (0.6 %)");
        assertThat(wentBadly(failed, ReportLocale.EN)).contains("Detected after 75.0 s — over the 60 s bound", "No notice posted — the bound is 120 s",
                "First action (restart shop-2) not taken", "Not recovered — the bound is 300 s",
                "Expected alert InstanceDown did not fire", "Unexpected alert DiskSpaceLow fired");
    }

    @Test
    void aFailedIntegrityCheckIsAFactUnderWentBadly() {
        DrillResult drill = passed.toBuilder().integrity(brokenIntegrity()).build();

        assertThat(wentBadly(drill, ReportLocale.KO))
                .contains("정합성 검사 실패: " + IntegrityChecks.NO_UNEXPECTED_PAID);
        assertThat(wentBadly(drill, ReportLocale.EN))
                .contains("Integrity check failed: " + IntegrityChecks.NO_UNEXPECTED_PAID);
    }

    @Test
    void anInconclusiveDrillSaysWhyUnderWentBadlyAndClaimsNoResponse() {
        DrillResult drill = passed.toBuilder().verdict(DrillVerdict.INCONCLUSIVE, "the fault ended by itself")
                .selfHealed(true).build();

        assertThat(wentBadly(drill, ReportLocale.KO)).contains("훈련 결론 없음: 장애가 첫 조치 전에 스스로 끝남");
        assertThat(wentBadly(drill, ReportLocale.EN))
                .contains("No conclusion from the drill: the fault ended by itself before the first action");
        assertThat(wentWell(drill, ReportLocale.KO)).as("the response was not tested").doesNotContain("복구", "첫 조치");
        assertThat(wentWell(drill, ReportLocale.EN)).doesNotContain("Recovered", "First action");
    }

    /** The run's integrity with one failed check: no PAID order the client was refused. */
    private static DrillIntegrity brokenIntegrity() {
        return DrillIntegrity.of(IntegrityReport.of(List.of(
                new IntegrityCheck(IntegrityChecks.NO_OVERSELL, true, IntegrityCheck.PASSED, "ok", List.of()),
                new IntegrityCheck(IntegrityChecks.NO_UNEXPECTED_PAID, false, IntegrityCheck.FAILED, "1 PAID order",
                        List.of("k-17"))), Map.of("acknowledgedMissing", 0)));
    }

    /** The report's 잘된 점 (What went well) section of {@code drill} in {@code locale}. */
    private static String wentWell(DrillResult drill, ReportLocale locale) {
        String md = IncidentReport.markdown(drill, "run", ReportSettings.of(locale));
        Messages m = Messages.of(Messages.INCIDENT, ReportSettings.of(locale));
        return md.substring(md.indexOf("### " + m.get("section.wentWell")), md.indexOf("### " + m.get("section.wentBadly")));
    }

    /** The report's 아쉬운 점 (What did not go well) section of {@code drill} in {@code locale}. */
    private static String wentBadly(DrillResult drill, ReportLocale locale) {
        String md = IncidentReport.markdown(drill, "run", ReportSettings.of(locale));
        return md.substring(md.indexOf("### " + Messages.of(Messages.INCIDENT, ReportSettings.of(locale)).get("section.wentBadly")));
    }

    @Test
    void anInconclusiveDrillReadsAsSuchWithItsReasonInTheReportAndTheSpofTable() {
        String why = "the fault ended by itself: lock-hot-rows 90s ran out before any first action";
        DrillResult drill = DrillFixtures.badDeployPassed().toBuilder().verdict(DrillVerdict.INCONCLUSIVE, why)
                .selfHealed(true).build();

        assertThat(IncidentReport.markdown(drill, "run", ReportSettings.of(ReportLocale.KO))).contains("**결론 없음** — " + why);
        assertThat(IncidentReport.markdown(drill, "run", ReportSettings.of(ReportLocale.EN))).contains("**INCONCLUSIVE** — " + why);
        assertThat(SpofReport.markdown(List.of(drill), "run", ReportSettings.of(ReportLocale.KO))).contains("결론 없음", why)
                .doesNotContain("버팀");
        assertThat(SpofReport.markdown(List.of(drill), "run", ReportSettings.of(ReportLocale.EN))).contains("inconclusive", why);
    }

    @Test
    void aFailedIntegrityCheckIsNamedAndNeverReadsAsNoIssue() {
        DrillResult drill = DrillFixtures.badDeployPassed().toBuilder().integrity(brokenIntegrity()).build();

        String md = IncidentReport.markdown(drill, "run", ReportSettings.of(ReportLocale.KO));
        String integrity = md.substring(md.indexOf("## 데이터 정합성"), md.indexOf("## ", md.indexOf("## 데이터 정합성") + 3));

        assertThat(integrity).contains("불일치 발견 — 실패한 검사: " + IntegrityChecks.NO_UNEXPECTED_PAID)
                .doesNotContain("이상 없음");
        assertThat(IncidentReport.markdown(drill, "run", ReportSettings.of(ReportLocale.EN)))
                .contains("inconsistencies found — failed checks: " + IntegrityChecks.NO_UNEXPECTED_PAID);
    }

    @Test
    void aDrillAbortedBeforeItsFaultHasDashesNotNulls() {
        String md = IncidentReport.markdown(aborted, "run", ReportSettings.of(ReportLocale.KO));

        assertThat(md).contains("# 고객 영향 없음: 장애 주입 전에 훈련이 중단됨 (db-failover 훈련)",
                "**중단** — steady state never held", "| 발생 | — | — | — | — |", "| 탐지 | — | — | — | TTD |",
                "장애가 주입되지 않아 탐지할 것이 없었습니다.", "훈련이 주입하려던 장애 (주입되지 않음): stop db-primary", "등급", "산정되지 않음", "측정되지 않음", "공지가 필요하지 않습니다",
                "확인하지 않음", "초 단위 기록이 없습니다.");
    }

    @Test
    void noReportSaysNullInAnyLanguage() {
        for (DrillResult drill : List.of(passed, failed, aborted)) {
            for (ReportLocale locale : ReportLocale.values()) {
                String md = IncidentReport.markdown(drill, "run", ReportSettings.of(locale));
                String page = SCRIPT.matcher(IncidentReport.html(drill, "run", ReportSettings.of(locale))).replaceAll("");
                assertThat(md).as(drill.name() + " " + locale + " md").doesNotContainIgnoringCase("null");
                assertThat(page).as(drill.name() + " " + locale + " html").doesNotContainIgnoringCase("null");
            }
        }
        assertThat(SpofReport.markdown(List.of(aborted), "run", ReportSettings.of(ReportLocale.KO))).doesNotContainIgnoringCase("null");
    }

    @Test
    void englishReportIsInEnglish() {
        String md = IncidentReport.markdown(failed, "run", ReportSettings.of(ReportLocale.EN));

        assertThat(md).startsWith("> **DRILL** — DRILL — this is a training exercise, not a real incident");
        assertThat(md).contains("# Request error rate 0.6 %: 2026-12-01 16:02:10 ~ 16:07:10 KST (instance-crash drill)",
                "**FAIL**", "| Detected | 2026-12-01 16:03:25 KST | 2026-12-01 07:03:25 UTC | 75 s | TTD |",
                "Expected alerts that did not fire (missed): InstanceDown",
                "detected-within (required: ≤ 60 s, measured: 75 s) → Tune the alert's for duration",
                "## What went well", "## Customer notice draft");
        assertThat(md.replace("고객센터", "")).as("no Korean but the customer center placeholder")
                .doesNotContainPattern("[가-힣]");
    }

    @Test
    void pageCarriesTheChartDataWithMarkersAtEachStage() throws Exception {
        String html = IncidentReport.html(passed, "run", ReportSettings.of(ReportLocale.KO));

        assertThat(html).contains("id=\"drill-banner\"", "이 문서는 장애 대응 훈련 결과입니다", "data-verdict=\"pass\"",
                "data-chart=\"incident\"", "<html lang=\"ko\">").doesNotContain("href=\"spof.html\"");
        Matcher data = CHART_DATA.matcher(html);
        assertThat(data.find()).isTrue();
        JsonNode charts = new ObjectMapper().readTree(data.group(1));
        assertThat(charts).hasSize(1);
        JsonNode chart = charts.get(0);
        assertThat(chart.get("id").asText()).isEqualTo("incident");
        assertThat(chart.get("xAxis").asText()).isEqualTo("kst");
        assertThat(chart.get("series").findValuesAsText("label")).containsExactly("오류율 %", "p95 ms",
                "발생 16:02:10", "탐지 16:02:50", "초동 조치 16:03:20", "복구 16:04:00");
        assertThat(chart.get("series").get(0).get("data")).hasSize(181);
        assertWellFormed(html);
        assertWellFormed(IncidentReport.html(aborted, "run", ReportSettings.of(ReportLocale.EN)));
    }

    @Test
    void anAbortedDrillsPageHasNoChartButValidChartData() {
        String html = IncidentReport.html(aborted, "run", ReportSettings.of(ReportLocale.EN));

        assertThat(html).contains("<script type=\"application/json\" id=\"chart-data\">[]</script>",
                "No per-second figures were recorded.", "data-verdict=\"partial\"", "ABORTED")
                .doesNotContain("data-chart=");
    }

    @Test
    void localeIsKoreanUnlessConfiguredAndRejectsOtherValues() {
        assertThat(ReportLocale.parse(null)).isEqualTo(ReportLocale.KO);
        assertThat(ReportLocale.parse("ko")).isEqualTo(ReportLocale.KO);
        assertThat(ReportLocale.parse(" EN ")).isEqualTo(ReportLocale.EN);
        assertThatThrownBy(() -> ReportLocale.parse("fr")).isInstanceOf(ConfigError.class)
                .hasMessage("report.locale must be one of ko, en, got 'fr'");
        assertThatThrownBy(() -> ReportLocale.parse("")).isInstanceOf(ConfigError.class);
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(Messages.of(Messages.INCIDENT, ReportSettings.of(ReportLocale.EN)).all().keySet())
                .containsExactlyInAnyOrderElementsOf(Messages.of(Messages.INCIDENT, ReportSettings.of(ReportLocale.KO)).all().keySet());
    }

    /** Outside the scripts, every opened element of the page's structure is closed, in order. */
    static void assertWellFormed(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(SCRIPT.matcher(html).replaceAll(""));
        while (tag.find()) {
            if (tag.group(1).isEmpty()) {
                open.push(tag.group(2));
            } else {
                assertThat(open).as("closing " + tag.group() + " at " + tag.start()).isNotEmpty();
                assertThat(open.pop()).as("element closed by " + tag.group() + " at " + tag.start())
                        .isEqualTo(tag.group(2));
            }
        }
        assertThat(open).as("unclosed elements").isEmpty();
    }
}
