package dev.salerush.sim.report.incident;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillResult.Alerts;
import dev.salerush.sim.drills.DrillResult.TimelineEntry;
import dev.salerush.sim.report.LanguageLint;
import dev.salerush.sim.report.Messages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The deploy and dependency analysis below the SPOF table, from the drills' stages and timelines. */
class DeployAnalysisTest {
    private static final ReportSettings KOREAN = ReportSettings.defaults();

    private static Instant at(long seconds) {
        return DrillFixtures.FAULT.plusSeconds(seconds);
    }

    private static TimelineEntry event(long seconds, String kind, String source, String detail) {
        return new TimelineEntry(at(seconds), kind, source, detail);
    }

    /** bad-deploy: the deploy took 8 s, the rollback started at +70 s (the first action) and took 8.3 s. */
    private static DrillResult badDeploy() {
        return DrillFixtures.badDeployPassed().toBuilder().timeline(List.of(
                event(0, "operation.started", "rolling-deploy", "v2:broken-orders"),
                event(8, "operation.ended", "rolling-deploy", "v2:broken-orders"),
                event(70, "operation.started", "rollback", ""),
                new TimelineEntry(at(78).plusMillis(300), "operation.ended", "rollback", ""))).build();
    }

    private static DrillResult mixedVersion() {
        return DrillFixtures.badDeployPassed().toBuilder("mixed-version").fault("rolling-deploy v2").rollback(false)
                .firstAction(null).alerts(new Alerts(List.of(), List.of(), List.of(), List.of(), List.of()))
                .impact(new DrillResult.Impact(0, 2400, 0, 0, 0, 30.0, 0))
                .timeline(List.of(event(0, "operation.started", "rolling-deploy", "v2"),
                        event(9, "operation.ended", "rolling-deploy", "v2"))).build();
    }

    private static DrillResult paymentOutage() {
        return DrillFixtures.badDeployPassed().toBuilder("payment-outage").fault("gateway-errors 500").rollback(false)
                .firstAction("gateway-recover").timeline(List.of(
                        event(0, "operation.started", "gateway-errors", "500"),
                        event(3, "shop.breaker-state", "shop-1", "closed -> open"),
                        event(4, "shop.breaker-state", "shop-2", "closed -> open"),
                        event(76, "shop.breaker-state", "shop-1", "half_open -> closed"))).build();
    }

    @Test
    void eachPartStatesWhatItsDrillsMeasured() {
        List<DeployAnalysis.Part> parts = DeployAnalysis.of(List.of(badDeploy(), mixedVersion(), paymentOutage()),
                Messages.of(Messages.INCIDENT, KOREAN), new Texts(KOREAN));

        assertThat(parts).extracting(DeployAnalysis.Part::title).containsExactly("배포 실패 대응",
                "하위 호환성 (배포 중 두 버전이 함께 도는 동안)", "롤백 전략", "외부 의존성 (결제 대행사)");
        assertThat(parts.get(0).lines()).containsExactly("`bad-deploy`: 탐지 40초 · 롤백 시작(초동 조치) 70초 · 롤백 8.3초"
                + " · 복구 110초 · 실패한 주문 37건 · 요청 실패율 42 %");
        assertThat(parts.get(1).lines()).containsExactly("`mixed-version`: 두 버전이 함께 돈 9초 동안 실패한 요청 0건 (0 %),"
                + " 발생한 알림: 없음");
        assertThat(parts.get(2).lines()).containsExactly("`bad-deploy`: 롤백 8.3초 (2026-12-01 16:03:20 ~ 2026-12-01"
                + " 16:03:28), 되돌린 배포에 걸린 시간 8초");
        assertThat(parts.get(3).lines()).containsExactly("`payment-outage` (`gateway-errors 500`): 장애 발생 3초 후 서킷"
                + " 브레이커 열림 · 실패한 주문 37건 · 장애 중 p95 850 ms · 초동 조치 6초 후 브레이커 닫힘");
    }

    @Test
    void aPartNoDrillMeasuredSaysSoAndNamesTheDrillsThatWould() {
        List<DeployAnalysis.Part> parts = DeployAnalysis.of(List.of(DrillFixtures.instanceCrashFailed()),
                Messages.of(Messages.INCIDENT, KOREAN), new Texts(KOREAN));

        assertThat(parts.get(3).lines()).containsExactly(
                "이 실행에서는 측정하지 않았습니다. 측정하는 훈련: `payment-outage`, `payment-slow`");
    }

    @Test
    void theSpofPagesCarryTheAnalysisInOneLanguage() {
        List<DrillResult> drills = List.of(badDeploy(), mixedVersion(), paymentOutage());
        for (ReportLocale locale : ReportLocale.values()) {
            String md = SpofReport.markdown(drills, "run", ReportSettings.of(locale));
            String html = SpofReport.html(drills, "run", ReportSettings.of(locale));
            assertThat(LanguageLint.offences(md, locale)).as(locale + " md").isEmpty();
            assertThat(LanguageLint.offences(html, locale)).as(locale + " html").isEmpty();
        }
        assertThat(SpofReport.markdown(drills, "run", KOREAN)).contains("## 서버 확장·배포 과정의 장애와 SPOF 분석",
                "### 롤백 전략", "- `bad-deploy`: 롤백 8.3초");
    }
}
