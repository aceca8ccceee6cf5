package dev.salerush.sim.drills;

import dev.salerush.sim.integrity.IntegrityCheck;
import dev.salerush.sim.integrity.IntegrityChecks;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A drill's integrity criterion is the run's integrity verdict: one truth, never a second opinion. */
class DrillIntegrityTest {

    @Test
    void aRunWhoseIntegrityFailedFailsTheDrillsCriterionWhicheverCheckFailed() {
        IntegrityReport report = IntegrityReport.of(List.of(
                passed(IntegrityChecks.NO_OVERSELL), passed(IntegrityChecks.ONE_ORDER_PER_KEY),
                passed(IntegrityChecks.CLIENT_SUCCESSES_PAID),
                new IntegrityCheck(IntegrityChecks.NO_UNEXPECTED_PAID, false, IntegrityCheck.FAILED,
                        "1 PAID order under a key the client saw refused", List.of("k-17"))),
                Map.of("acknowledgedMissing", 0));
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);

        DrillIntegrity judged = DrillIntegrity.of(report);

        assertThat(judged.status()).isEqualTo(DrillIntegrity.Status.FAIL);
        assertThat(judged.broken()).isTrue();
        assertThat(judged.failures()).containsExactly(IntegrityChecks.NO_UNEXPECTED_PAID);
    }

    @Test
    void aCheckThatCouldNotBeCompletedFailsItAsItFailsTheRun() {
        IntegrityReport report = IntegrityReport.of(List.of(passed(IntegrityChecks.NO_OVERSELL),
                new IntegrityCheck(IntegrityChecks.PAYMENTS_MATCH, false, IntegrityCheck.INCOMPLETE,
                        "could not be completed: journal unreachable", List.of())), Map.of());

        assertThat(DrillIntegrity.of(report).broken()).isTrue();
        assertThat(DrillIntegrity.of(report).failures()).containsExactly(IntegrityChecks.PAYMENTS_MATCH);
    }

    @Test
    void aPassingRunPassesAndASkippedOneIsNotChecked() {
        IntegrityReport passing = IntegrityReport.of(List.of(passed(IntegrityChecks.NO_OVERSELL)),
                Map.of("acknowledgedMissing", 0));

        assertThat(DrillIntegrity.of(passing).status()).isEqualTo(DrillIntegrity.Status.PASS);
        assertThat(DrillIntegrity.of(passing).failures()).isEmpty();
        assertThat(DrillIntegrity.of(passing).checks()).isEqualTo(1);
        assertThat(DrillIntegrity.of(IntegrityReport.skipped("no database")).status())
                .isEqualTo(DrillIntegrity.Status.NOT_CHECKED);
    }

    @Test
    void acknowledgedOrdersLostInAnAsynchronousFailoverFailTheCriterionAndSayTheConfigurationAcceptedIt() {
        IntegrityReport report = IntegrityReport.of(List.of(passed(IntegrityChecks.NO_OVERSELL)),
                Map.of("acknowledgedMissing", 3));

        DrillIntegrity accepted = DrillIntegrity.of(report, true);
        DrillIntegrity synchronous = DrillIntegrity.of(report, false);

        assertThat(accepted.broken()).as("an order lost is customer harm, accepted or not").isTrue();
        assertThat(accepted.failures().get(0)).isEqualTo("acknowledged orders missing: 3 (accepted by the"
                + " configuration: asynchronous replication, embedded.redundancy.synchronous = false)");
        assertThat(synchronous.failures().get(0)).isEqualTo("acknowledged orders missing: 3");
    }

    private static IntegrityCheck passed(String name) {
        return new IntegrityCheck(name, true, IntegrityCheck.PASSED, "ok", List.of());
    }
}
