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
    private static final ReportSettings KOREAN = ReportSettings.defaults();
    private static final Pattern SCRIPT = Pattern.compile("(?s)<script[^>]*>.*?</script>");
    private static final Pattern CHART_DATA =
            Pattern.compile("(?s)<script type=\"application/json\" id=\"chart-data\">(.*?)</script>");
    private static final Pattern TAG = Pattern.compile("<(/?)(html|head|body|main|header|nav|footer|div|table|tr|th|td"
            + "|ul|li|dl|dt|dd|p|h1|h2|h3|span|a)\\b[^>]*>");

    private final DrillResult passed = DrillFixtures.badDeployPassed();
    private final DrillResult failed = DrillFixtures.instanceCrashFailed();
    private final DrillResult aborted = DrillFixtures.abortedBeforeFault();

    @Test
    void koreanReportOpensWithTheDrillBannerAnImpactFirstTitleAndItsAuthors() {
        String md = IncidentReport.markdown(passed, "20261201-160000-gameday", KOREAN.withAuthors(List.of("김민수", "이지은")));

        assertThat(md).startsWith("> **훈련** — 이 문서는 장애 대응 훈련 결과입니다. 실제 장애가 아닙니다.");
        assertThat(md).contains("# 주문 실패 37건 (요청 실패율 42 %): 2026-12-01 16:02:10 ~ 16:04:00 (`bad-deploy` 훈련)",
                "시각은 모두 KST 기준입니다.", "**작성자·참여자:** `김민수`, `이지은`",
                "**통과** — 모든 통과 기준을 충족했습니다.");
        assertThat(md.indexOf("## 판정")).isLessThan(md.indexOf("## 장애 등급")).isLessThan(md.indexOf("## 개요"))
                .isLessThan(md.indexOf("### 단계별 시각")).isLessThan(md.indexOf("## 탐지"))
                .isLessThan(md.indexOf("## 고객 영향")).isLessThan(md.indexOf("## 데이터 정합성"))
                .isLessThan(md.indexOf("## 시간별 대응")).isLessThan(md.indexOf("## 장애 원인과 근본 원인"))
                .isLessThan(md.indexOf("## 고객 공지 초안")).isLessThan(md.indexOf("## 재발 방지 대책"))
                .isLessThan(md.indexOf("## 회고")).isLessThan(md.indexOf("## 부록: 시스템 이벤트 기록"));
        assertThat(IncidentReport.markdown(passed, "run", KOREAN)).contains("**작성자·참여자:** 기록되지 않음");
    }

    @Test
    void theSummaryCarriesTheReportsFieldsEveryStageItsTimeAndTheZoneIsNamedOnce() {
        String md = IncidentReport.markdown(passed, "run", KOREAN);

        assertThat(md).contains("| 총 장애 시간 | 110초 |", "| 탐지 방법 | `OrderFailureRateHigh` 알림 (비즈니스 지표) |",
                "| 장애 발생 지점 | 쇼핑몰 인스턴스 (배포 `v2`) |",
                "| 장애 원인 | 훈련이 주입한 장애: `rolling-deploy v2:broken-orders` |",
                "| 복구 방법 | `rollback` (롤백: 이전 버전으로 되돌림) |");
        assertThat(md).contains("| 발생 | 2026-12-01 16:02:10 | 0초 | — |", "| 탐지 | 2026-12-01 16:02:50 | 40초 | TTD |",
                "| 공지 | 2026-12-01 16:03:05 | 55초 | TTN |", "| 초동 조치 | 2026-12-01 16:03:20 | 70초 | TTFA |",
                "| 완화 | 2026-12-01 16:03:40 | 90초 | TTM |", "| 복구 | 2026-12-01 16:04:00 | 110초 | TTR |",
                "| 종료 | 2026-12-01 16:04:40 | 150초 | — |");
        assertThat(md.split("KST", -1)).as("the zone named once").hasSize(2);
        assertThat(md).contains("2등급 (SEV2) — 기준: 요청 실패율 5 % 이상");
        assertThat(md).contains("`OrderFailureRateHigh` (비즈니스 지표), 2026-12-01 16:02:50, 발생 후 40초",
                "수집 주기 15초 · 규칙 평가 주기 15초 · 지속 조건(`for`) 30초 · 그룹 대기(`group_wait`) 10초 · 대응 지연 5초");
        assertThat(md).contains("실패한 요청: 전체 1,000건 중 420건 (42 %)", "실패한 주문: 37건", "장애 중 p95 응답 시간: 850 ms");
        assertThat(md).contains("| 16:02:50 | 100 | 42 % | 850 ms |").as("5-second rows");
        assertThat(md).doesNotContain("업계 보고").as("no claim without a source");
        assertThat(IncidentReport.markdown(passed, "run", ReportSettings.of(ReportLocale.EN)))
                .contains("All times are UTC.", "| Detected | 2026-12-01 07:02:50 | 40 s | TTD |", "SEV2 — set by: failure rate at least 5 %");
        assertThat(IncidentReport.markdown(passed, "run", KOREAN.withZone(java.time.ZoneId.of("UTC"))))
                .contains("시각은 모두 UTC 기준입니다.", "| 탐지 | 2026-12-01 07:02:50 | 40초 | TTD |");
    }

    @Test
    void theResponseByTimeSaysWhoDidWhatAndTheMachineLogIsAnAppendix() {
        String md = IncidentReport.markdown(passed, "run", KOREAN);
        String response = md.substring(md.indexOf("## 시간별 대응"), md.indexOf("### 5초 단위"));

        assertThat(response).contains("| 2026-12-01 16:02:10 | 훈련 | 장애 주입: `rolling-deploy v2:broken-orders` |",
                "| 2026-12-01 16:02:50 | 알림 | `OrderFailureRateHigh` 알림 발생 |",
                "| 2026-12-01 16:03:05 | 공지 | 논의 채널에 최초 공지 |",
                "| 2026-12-01 16:03:20 | 대응자 | 초동 조치 실행: `rollback` |",
                "| 2026-12-01 16:04:00 | 시스템 | 복구: 서비스 수준이 정상 범위에서 유지됨 |",
                "| 2026-12-01 16:04:05 | 알림 | `OrderFailureRateHigh` 알림 해소 |");
        assertThat(md.substring(md.indexOf("## 부록"))).contains("| 2026-12-01 16:03:20 | `operation` | `runbook` | `rollback to v1` |");
        assertThat(md).contains("- **근본 원인:** 작성 필요");
    }

    @Test
    void whatThePersonOnCallRecordedIsTheirsInTheResponse() {
        DrillResult human = passed.toBuilder().detection(new DrillResult.Detection(15.0, 15.0, 10.0, 0, Map.of(),
                "external", "human", true)).timeline(List.of(
                new DrillResult.TimelineEntry(passed.injectedAt().plusSeconds(60), "oncall.ack", "on-call", "확인했습니다"),
                new DrillResult.TimelineEntry(passed.injectedAt().plusSeconds(70), "oncall.action", "on-call", "v1으로 롤백"))).build();

        String md = IncidentReport.markdown(human, "run", KOREAN);

        assertThat(md).contains("| 2026-12-01 16:03:10 | 당직자 | 장애 확인: “확인했습니다” |",
                "| 2026-12-01 16:03:20 | 당직자 | 조치 기록: “v1으로 롤백” |").doesNotContain("| 대응자 |");
    }

    @Test
    void aFailedDrillNamesTheMissedAlertsAndACountermeasurePerFailedCriterion() {
        String md = IncidentReport.markdown(failed, "run", KOREAN);

        assertThat(md).contains("# 요청 실패율 0.6 %: 2026-12-01 16:02:10 ~ 16:07:10 (`instance-crash` 훈련)");
        assertThat(md).contains("**실패** — 충족하지 못한 기준: 탐지 시간, 공지 시간, 복구 시간, 예상하지 않은 알림 없음, `queue-drained`");
        assertThat(md).contains("| 공지 | — | — | TTN |", "| 복구 | — | — | TTR |");
        assertThat(md).contains("발생하지 않은 예상 알림: `InstanceDown`", "예상하지 않은 알림: `DiskSpaceLow`",
                "예상 알림 발생률 (발생한 예상 알림 / 예상 알림): 50 %", "`HighErrorRate` (시스템 지표)");
        assertThat(md).contains("| 대책 | 근거 (측정) | 담당 | 기한 | 상태 |",
                "| 알림의 지속 조건(`for`)과 임계값을 조정하거나, 주문 실패율 같은 비즈니스 지표 알림을 추가합니다. | 탐지 시간 기준 미충족 — 측정 75초, 기준 60초 | 지정 필요 | 지정 필요 | 제안 |",
                "| 공지 시간 기준 미충족 — 일어나지 않음, 기준 120초 |",
                "| 예상하지 않은 알림 없음 기준 미충족 — 기록: `1 (DiskSpaceLow)` |",
                "| 이 기준을 다시 충족하도록 원인을 분석하고 절차나 설정을 고칩니다. | `queue-drained` 기준 미충족 — 기록: `14 messages` |");
        assertThat(md).doesNotContain("대사하는 작업").as("integrity passed: no countermeasure for it");
        String wentWell = md.substring(md.indexOf("### 잘된 점"), md.indexOf("### 아쉬운 점"));
        assertThat(wentWell).contains("주문 데이터 정합성 이상 없음").doesNotContain("탐지");
        assertThat(md.substring(md.indexOf("### 아쉬운 점"))).contains("탐지 75.0초 — 기준 60초 초과",
                "`queue-drained` 기준 미충족 (기록: `14 messages`)");
        assertThat(md).contains("`restart shop-2` (롤백 아님) — 런북의 초동 조치였으나 이번 훈련에서는 실행되지 않음",
                "현재 복구 작업을 진행하고 있으며");
    }

    @Test
    void theCustomerNoticeSpeaksInCustomerWordsOnly() {
        for (DrillResult drill : List.of(passed, failed)) {
            String md = IncidentReport.markdown(drill, "run", KOREAN);
            String notice = md.substring(md.indexOf("## 고객 공지 초안"), md.indexOf("## 재발 방지 대책"));
            assertThat(notice).contains("일부 고객님", "죄송합니다", "다시 생기지 않도록")
                    .doesNotContain("`", "v2", "shop", "인스턴스", "rollback", "알림", "p95", "SEV");
        }
        String recovered = IncidentReport.markdown(passed, "run", KOREAN);
        assertThat(recovered).contains("> 2026-12-01 16:02:10 ~ 16:04:00 동안 일부 고객님의 주문이 완료되지 않았습니다.",
                "> 현재는 정상적으로 이용하실 수 있습니다 (2026-12-01 16:04:00 정상화).");
        assertThat(IncidentReport.markdown(passed.toBuilder("payment-outage").build(), "run", KOREAN))
                .contains("일부 고객님의 결제가 완료되지 않아 주문이 실패했습니다");
    }

    @Test
    void anIncidentThatFailedOrdersGetsCountermeasuresEvenWhenEveryCriterionPassed() {
        DrillResult dbLock = passed.toBuilder("db-lock").build();
        String md = IncidentReport.markdown(dbLock, "run", KOREAN);
        String prevention = md.substring(md.indexOf("## 재발 방지 대책"), md.indexOf("## 회고"));

        assertThat(passed.criteria()).allMatch(DrillResult.Criterion::passed);
        assertThat(prevention).doesNotContain("새로 정할 대책은 없습니다")
                .contains("| 주문 경로에 `lock_timeout`과 `statement_timeout`을 두고",
                        "| 주문 37건 실패, 영향 95초 | 지정 필요 | 지정 필요 | 제안 |",
                        "| 결과를 알 수 없는 주문 3건 |", "| 탐지 40초 — 영향 시간 95초의 25 %를 넘음 |");
        assertThat(IncidentReport.markdown(passed, "run", ReportSettings.of(ReportLocale.EN)))
                .contains("| Deploy as a canary to a share of the traffic first", "| 37 orders failed, 95 s of impact |");
    }

    @Test
    void wentWellStatesEachMeasuredTimeAgainstItsBound() {
        assertThat(wentWell(passed, ReportLocale.KO)).contains("탐지 40.0초 — 기준 60초 이내 (`OrderFailureRateHigh`)",
                "공지 55.0초 — 기준 120초 이내", "초동 조치(`rollback`): 공지 후 15.0초", "복구 110.0초 — 기준 300초 이내",
                "예상한 알림이 모두 발생 (`OrderFailureRateHigh`, `HighErrorRate`)", "예상하지 않은 알림 없음",
                "주문 데이터 정합성 이상 없음 (검사 7건 모두 통과)").doesNotContain("detected-within", "요구:");
        assertThat(wentWell(passed, ReportLocale.EN)).contains("Detected after 40.0 s — within the 60 s bound (`OrderFailureRateHigh`)",
                "Notice posted after 55.0 s — within the 120 s bound", "First action (`rollback`) 15.0 s after the notice",
                "Recovered after 110.0 s — within the 300 s bound", "No unexpected alert",
                "Order integrity held (all 7 checks passed)").doesNotContain("detected-within");
    }

    @Test
    void aDrillThatFailedOrdersListsItsImpactUnderWentBadlyEvenWhenEveryCriterionPassed() {
        assertThat(passed.criteria()).allMatch(DrillResult.Criterion::passed);
        assertThat(wentBadly(passed, ReportLocale.KO)).contains("주문 37건 실패, 영향 95초 (요청 42 % 실패)", "결과를 알 수 없는 주문 3건",
                "영향받은 사용자 120명");
        assertThat(wentBadly(passed, ReportLocale.EN)).contains("37 orders failed, 95 s of impact (42 % of requests failed)",
                "3 orders with no known outcome", "120 users affected");
    }

    @Test
    void wentBadlyStatesWhatWasLateMissedOrNeverHappened() {
        assertThat(wentBadly(failed, ReportLocale.KO)).contains("탐지 75.0초 — 기준 60초 초과", "공지 없음 — 기준 120초 이내",
                "초동 조치(`restart shop-2`) 실행되지 않음", "복구되지 않음 — 기준 300초 이내",
                "예상한 알림 `InstanceDown` 미발생", "예상하지 않은 알림 `DiskSpaceLow` 발생", "요청 12건 실패 (0.6 %)");
        assertThat(wentBadly(failed, ReportLocale.EN)).contains("Detected after 75.0 s — over the 60 s bound", "No notice posted — the bound is 120 s",
                "First action (`restart shop-2`) not taken", "Not recovered — the bound is 300 s",
                "Expected alert `InstanceDown` did not fire", "Unexpected alert `DiskSpaceLow` fired");
    }

    @Test
    void aFailedIntegrityCheckIsAFactUnderWentBadly() {
        DrillResult drill = passed.toBuilder().integrity(brokenIntegrity()).build();

        assertThat(wentBadly(drill, ReportLocale.KO))
                .contains("정합성 검사 실패: `" + IntegrityChecks.NO_UNEXPECTED_PAID + "`");
        assertThat(wentBadly(drill, ReportLocale.EN))
                .contains("Integrity check failed: `" + IntegrityChecks.NO_UNEXPECTED_PAID + "`");
    }

    @Test
    void anInconclusiveDrillSaysWhyUnderWentBadlyAndClaimsNoResponse() {
        DrillResult drill = passed.toBuilder().verdict(DrillVerdict.INCONCLUSIVE, "the fault ended by itself")
                .selfHealed(true).build();

        assertThat(wentBadly(drill, ReportLocale.KO)).contains("판단 불가: 장애가 초동 조치 전에 스스로 끝남");
        assertThat(wentBadly(drill, ReportLocale.EN))
                .contains("Inconclusive: the fault ended by itself before the first action");
        assertThat(wentWell(drill, ReportLocale.KO)).as("the response was not tested").doesNotContain("복구", "초동 조치");
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

        assertThat(IncidentReport.markdown(drill, "run", KOREAN)).contains("**판단 불가** — 기록된 사유: `" + why + "`");
        assertThat(IncidentReport.markdown(drill, "run", ReportSettings.of(ReportLocale.EN)))
                .contains("**INCONCLUSIVE** — Recorded reason: `" + why + "`");
        assertThat(SpofReport.markdown(List.of(drill), "run", KOREAN)).contains("판단 불가", why)
                .doesNotContain("동작함");
        assertThat(SpofReport.markdown(List.of(drill), "run", ReportSettings.of(ReportLocale.EN))).contains("inconclusive", why);
    }

    @Test
    void aFailedIntegrityCheckIsNamedAndNeverReadsAsNoIssue() {
        DrillResult drill = DrillFixtures.badDeployPassed().toBuilder().integrity(brokenIntegrity()).build();

        String md = IncidentReport.markdown(drill, "run", ReportSettings.of(ReportLocale.KO));
        String integrity = md.substring(md.indexOf("## 데이터 정합성"), md.indexOf("## ", md.indexOf("## 데이터 정합성") + 3));

        assertThat(integrity).contains("불일치 발견 — 실패한 검사: `" + IntegrityChecks.NO_UNEXPECTED_PAID + "`")
                .doesNotContain("이상 없음");
        assertThat(IncidentReport.markdown(drill, "run", ReportSettings.of(ReportLocale.EN)))
                .contains("mismatch found — failed checks: `" + IntegrityChecks.NO_UNEXPECTED_PAID + "`");
    }

    @Test
    void aDrillAbortedBeforeItsFaultHasDashesNotNulls() {
        String md = IncidentReport.markdown(aborted, "run", ReportSettings.of(ReportLocale.KO));

        assertThat(md).contains("# 고객 영향 없음: 장애 주입 전에 훈련이 중단됨 (`db-failover` 훈련)",
                "**중단** — 기록된 사유: `steady state never held", "| 발생 | — | — | — |", "| 탐지 | — | — | TTD |",
                "장애가 주입되지 않아 탐지할 것이 없었습니다.", "훈련이 주입하려던 장애 (주입되지 않음): `stop db-primary`",
                "장애 등급", "산정되지 않음", "측정되지 않음", "공지가 필요하지 않습니다", "확인하지 않음", "초 단위 기록이 없습니다.");
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

        assertThat(md).startsWith("> **DRILL** — This document is the result of an incident-response drill.");
        assertThat(md).contains("# 0.6 % of requests failed: 2026-12-01 07:02:10 ~ 07:07:10 (`instance-crash` drill)",
                "**FAIL**", "| Detected | 2026-12-01 07:03:25 | 75 s | TTD |",
                "Expected alerts that did not fire: `InstanceDown`",
                "| time to detect not met — measured 75 s, bound 60 s |", "### What went well", "## Customer notice draft");
        assertThat(md).doesNotContainPattern("[가-힣]");
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
        assertThat(chart.get("xAxis").asText()).isEqualTo("time");
        assertThat(chart.get("zone").asText()).as("the page's zone, as its tables").isEqualTo("Asia/Seoul");
        assertThat(chart.get("xTitle").asText()).isEqualTo("시각 (KST)");
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
                "No per-second record.", "data-verdict=\"partial\"", "ABORTED")
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
