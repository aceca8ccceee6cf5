package dev.salerush.sim.integrity;

import dev.salerush.sim.metrics.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrityReportTest {

    @Test
    void passesOnlyWhenEveryCheckThatRanPassedAndNamesWhatWasSkipped() {
        IntegrityReport report = IntegrityReport.of(List.of(IntegrityCheck.pass("no oversell", "ok"),
                IntegrityCheck.skipped("gateway payments match paid orders", "no gateway access")), Map.of());

        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.reason()).isEqualTo("1 of 2 checks passed; skipped: gateway payments match paid orders (no gateway access)");
        assertThat(IntegrityReport.allowsPass(report)).isTrue();
        assertThat(IntegrityReport.allowsPass(null)).isTrue();
        assertThat(IntegrityReport.allowsPass(IntegrityReport.skipped("no database"))).isTrue();
    }

    @Test
    void aViolationFailsNamingTheFirstOffendingIds() {
        List<Long> products = IntStream.rangeClosed(1, 12).mapToObj(i -> (long) i).toList();
        IntegrityReport report = IntegrityReport.of(List.of(IntegrityCheck.pass("stock never negative", "ok"),
                IntegrityCheck.fail("no oversell", "12 products oversold", products)), Map.of());

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.checks().get(1).offendingIds()).hasSize(IntegrityCheck.MAX_OFFENDING);
        assertThat(report.reason()).isEqualTo("order integrity violated: no oversell (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...)");
        assertThat(IntegrityReport.allowsPass(report)).isFalse();
    }

    @Test
    void aCheckThatCouldNotBeCompletedIsNeverAPass() {
        IntegrityReport report = IntegrityReport.of(List.of(IntegrityCheck.pass("no oversell", "ok"),
                IntegrityCheck.incomplete("gateway payments match paid orders", "the journal is full")), Map.of());

        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.reason()).isEqualTo("not verified: gateway payments match paid orders could not be completed: the journal is full");
        assertThat(report.checks().get(1).passed()).isFalse();
    }
}
