package dev.salerush.sim.report.incident;

import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.drills.DrillResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentPagesTest {
    @TempDir
    Path dir;

    private final DrillResult passed = DrillFixtures.badDeployPassed();
    private final DrillResult failed = DrillFixtures.instanceCrashFailed();
    private final DrillResult aborted = DrillFixtures.abortedBeforeFault();

    @Test
    void writesAnIncidentReportPerDrillAndTheSpofTableForAGameDay() throws Exception {
        List<Path> written = IncidentPages.write(dir, "20261201-160000-gameday", List.of(passed, failed, aborted),
                ReportSettings.of(ReportLocale.KO));

        assertThat(written).containsExactly(dir.resolve("incident-bad-deploy.html"),
                dir.resolve("incident-bad-deploy.md"), dir.resolve("incident-instance-crash.html"),
                dir.resolve("incident-instance-crash.md"), dir.resolve("incident-db-failover.html"),
                dir.resolve("incident-db-failover.md"), dir.resolve("spof.html"), dir.resolve("spof.md"));
        assertThat(Files.readString(dir.resolve("incident-bad-deploy.html"))).contains("href=\"spof.html\"");
        assertThat(Files.readString(dir.resolve("incident-db-failover.md"))).contains("`db-failover` 훈련");
        IncidentReportTest.assertWellFormed(Files.readString(dir.resolve("spof.html")));
    }

    @Test
    void oneDrillWritesNoSpofTable() {
        List<Path> written = IncidentPages.write(dir, "run", List.of(passed), null);

        assertThat(written).containsExactly(dir.resolve("incident-bad-deploy.html"),
                dir.resolve("incident-bad-deploy.md"));
        assertThat(dir.resolve("spof.html")).doesNotExist();
        assertThat(dir.resolve("incident-bad-deploy.md")).content().as("Korean unless configured").contains("훈련");
    }

    @Test
    void theSameDrillTwiceGetsTwoFiles() {
        List<Path> written = IncidentPages.write(dir, "run", List.of(passed, passed), ReportSettings.of(ReportLocale.EN));

        assertThat(written).contains(dir.resolve("incident-bad-deploy.html"), dir.resolve("incident-bad-deploy-2.html"));
    }

    @Test
    void spofTableListsEveryComponentAndTheLoadBalancerAsASinglePointOfFailure() {
        String md = SpofReport.markdown(List.of(passed, failed, aborted), "run", ReportSettings.of(ReportLocale.KO));

        assertThat(md).contains(
                "| 쇼핑몰 인스턴스 | `instance-crash` | 0.6 % | 0 | 복구 안 됨 | 이중화 (여러 인스턴스) | 동작하지 않음 — 충족하지 못한 기준: 탐지 시간",
                "| 로드 밸런서 (`HAProxy` 한 대) | — | — | — | — | 없음 (단일 장애점) | — |",
                "| DB 프라이머리 | `db-failover` | 측정 안 됨 | 측정 안 됨 | 측정 안 됨 | 페일오버 | 판단 못 함 (훈련 중단)",
                "| 결제 대행사 연동 | `payment-outage` | 측정 안 됨 | 측정 안 됨 | 측정 안 됨 | 서킷 브레이커 | 측정 안 됨 |",
                "| 알림 체계 | `alerting-down` | 측정 안 됨 | 측정 안 됨 | 측정 안 됨 | 페이저 하트비트 감시 | 측정 안 됨 |",
                "| 배포 | `bad-deploy` | 42 % | 37 | 110초 | 롤백 | 동작함 |",
                "완화 장치가 없는 구성 요소 (단일 장애점): 로드 밸런서 (`HAProxy` 한 대)",
                "완화 장치가 동작하지 않은 구성 요소 (훈련 실패): 쇼핑몰 인스턴스");
        assertThat(md).doesNotContain("버팀", "버티지", "감시견");
        assertThat(SpofReport.html(List.of(passed, failed), "run", ReportSettings.of(ReportLocale.EN)))
                .contains("none (single point of failure)", "<td class=\"text\">deploys</td>", "worked", "did not work");
    }
}
