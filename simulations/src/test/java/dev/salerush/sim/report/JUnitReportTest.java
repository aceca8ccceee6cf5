package dev.salerush.sim.report;

import dev.salerush.sim.integrity.IntegrityCheck;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.regression.RegressionResult;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunStatus;
import dev.salerush.sim.results.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReportTest {

    @Test
    void oneTestCasePerSloWithFailuresExplained(@TempDir Path dir) throws Exception {
        RunSummary summary = summary(null, List.of(
                new SloResult("browsing p95", "p95Ms", null, 15, 12.0, true, null),
                new SloResult("orders p95", "p95Ms", "place order", 300, 412.0, false, null)));

        Document xml = write(summary, dir);

        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        Element failed = (Element) xml.getElementsByTagName("testcase").item(1);
        assertThat(failed.getAttribute("name")).isEqualTo("orders p95 (p95Ms <= 300, place order)");
        assertThat(((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("actual 412 > threshold 300");
    }

    @Test
    void aRunThatDidNotCompleteIsAFailedTestCase(@TempDir Path dir) throws Exception {
        Document xml = write(summary("target unreachable: GET http://127.0.0.1:1/health", List.of()), dir);

        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).contains("target unreachable");
    }

    @Test
    void oneTestCasePerIntegrityCheckWithTheOffendingIds(@TempDir Path dir) throws Exception {
        IntegrityReport integrity = IntegrityReport.of(List.of(
                new IntegrityCheck("stock balance", false, IntegrityCheck.FAILED, "2 products out of balance", List.of("7", "9")),
                new IntegrityCheck("no oversell", true, IntegrityCheck.PASSED, "none", List.of()),
                new IntegrityCheck("gateway payments match paid orders", false, IntegrityCheck.SKIPPED, "no gateway access",
                        List.of())), Map.of());

        Document xml = write(summary(null, List.of(), integrity), dir);

        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element balance = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(balance.getAttribute("classname")).isEqualTo("salerush.integrity");
        assertThat(((Element) balance.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("2 products out of balance: 7, 9");
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void anIntegrityCheckSkippedAsAWholeIsOneSkippedCaseSayingWhy(@TempDir Path dir) throws Exception {
        IntegrityReport integrity = IntegrityReport.skipped("no integrity queries configured for com.team.GoodsSimulation");

        Document xml = write(summary(null, List.of(), integrity), dir);

        assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        Element skipped = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(skipped.getAttribute("classname")).isEqualTo("salerush.integrity");
        assertThat(((Element) skipped.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("no integrity queries configured for com.team.GoodsSimulation");
    }

    @Test
    void aRegressionIsAFailedTestCaseNamingTheMetricAndTheBaseline(@TempDir Path dir) throws Exception {
        RegressionResult regression = new RegressionResult(Verdict.FAIL, "20261101-000000-smoke", "last passing run", "...",
                List.of(new RegressionResult.Check("p95Ms", "list products", 7, 40, 15.0, 10, false)));

        Document xml = write(summary(null, List.of()).withRegression(regression), dir);

        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        Element failed = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(failed.getAttribute("classname")).isEqualTo("salerush.regression");
        assertThat(failed.getElementsByTagName("failure").item(0).getTextContent())
                .isEqualTo("p95Ms of 'list products' rose from 7 to 40 (at most 10) vs baseline run 20261101-000000-smoke");
    }

    @Test
    void anInconclusiveDrillIsAFailedCaseWithItsReason(@TempDir Path dir) throws Exception {
        Map<String, Object> drill = Map.of("name", "db-lock", "verdict", "inconclusive", "verdictReason",
                "the fault ended by itself: lock-hot-rows 90s ran out before any first action", "criteria",
                List.of(Map.of("name", "detected-within", "required", "within 15 s", "actual", "2.4 s", "passed", true)));

        Document xml = write(summary(null, List.of()).toBuilder().drills(List.of(drill)).build(), dir);

        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        Element verdict = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(verdict.getAttribute("name")).isEqualTo("drill db-lock");
        assertThat(((Element) verdict.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("inconclusive: the fault ended by itself: lock-hot-rows 90s ran out before any first action");
    }

    @Test
    void noBaselineIsASkippedTestCase(@TempDir Path dir) throws Exception {
        Document xml = write(summary(null, List.of()).withRegression(RegressionResult.noBaseline("no baseline yet: ...")), dir);

        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
    }

    private static RunSummary summary(String failure, List<SloResult> slos) {
        return summary(failure, slos, null);
    }

    private static RunSummary summary(String failure, List<SloResult> slos, IntegrityReport integrity) {
        return RunSummary.builder().runId("r1").simulation("Sim").profile("smoke").startedAt("2026-07-01T00:00:00Z")
                .endedAt("2026-07-01T00:01:00Z").status(RunStatus.of(failure == null))
                .verdict(Verdict.of(failure == null)).failure(failure).target(new RunSummary.Target("http://127.0.0.1:1"))
                .embedded(false).requests(Map.of()).slo(slos).environment(Map.of()).stress(RunSummary.Stress.NONE)
                .integrity(integrity).build();
    }

    private static Document write(RunSummary summary, Path dir) throws Exception {
        Path file = dir.resolve(RunFiles.JUNIT);
        JUnitReport.write(summary, file);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
