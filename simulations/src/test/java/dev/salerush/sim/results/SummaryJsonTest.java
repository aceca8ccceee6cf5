package dev.salerush.sim.results;

import dev.salerush.sim.metrics.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"full-stress.json", "partial-smoke.json"})
    void aSummaryWrittenByTheSuiteReadsAndWritesBackByteForByte(String name) throws Exception {
        Path golden = golden(name);

        RunSummary summary = SummaryJson.read(golden);

        assertThat(SummaryJson.toText(summary)).isEqualTo(Files.readString(golden));
    }

    @Test
    void theFlatStressFieldsReadBackIntoTheirRecord() throws Exception {
        RunSummary summary = SummaryJson.read(golden("full-stress.json"));

        assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(summary.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(summary.stress().steps()).hasSize(2);
        assertThat(summary.breakingPoint().rps()).isEqualTo(300.9);
        assertThat(summary.stress().stoppedEarly()).isEqualTo("stopped in step 1");
        assertThat(summary.regression().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(summary.integrity().checks()).hasSize(2);
        assertThat(summary.injector().stalled()).isTrue();
        assertThat(summary.injector().stallMaxMs()).isEqualTo(61.4);
        assertThat(summary.steps().get(0).stallMaxMs()).isEqualTo(61.4);
        assertThat(summary.steps().get(1).stallMaxMs()).as("an older step without the figure").isNull();
    }

    @Test
    void aRunWithoutStaircaseHasNoStressRecord() throws Exception {
        RunSummary summary = SummaryJson.read(golden("partial-smoke.json"));

        assertThat(summary.stress()).isNull();
        assertThat(summary.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(summary.regression().verdict()).isEqualTo(Verdict.NO_BASELINE);
        assertThat(summary.integrity().verdict()).isEqualTo(Verdict.SKIPPED);
    }

    static Path golden(String name) throws URISyntaxException, IOException {
        return Path.of(SummaryJsonTest.class.getResource("/summary-golden/" + name).toURI());
    }
}
