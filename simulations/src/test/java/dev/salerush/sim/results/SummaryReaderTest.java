package dev.salerush.sim.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryReaderTest {
    @TempDir
    Path dir;

    @Test
    void unknownEnumValuesReadAsNullAndKeepWhatTheFileSaid() throws IOException {
        SummaryReader.Reading reading = read("""
                {"status": "aborted", "verdict": "PASSED", "embedded": "yes",
                 "integrity": {"verdict": "pass", "checks": [{"name": "no oversell", "offendingIds": "7"}]}}
                """);

        assertThat(reading.summary().status()).isNull();
        assertThat(reading.summary().verdict()).isNull();
        assertThat(reading.unreadable()).containsEntry("status", "aborted").containsEntry("verdict", "PASSED")
                .containsKey("embedded");
        assertThat(reading.summary().integrity().checks().get(0).offendingIds())
                .as("a hand-edited scalar still reads, as a one-element list").containsExactly("7");
    }

    @Test
    void aStatusTheSuiteNeverWritesMakesThePartialRowSayWhatItWas() throws IOException {
        read("{\"status\": \"aborted\"}");

        assertThat(RunCatalog.read(dir).problem()).isEqualTo("status is 'aborted'");
    }

    @Test
    void oldSummariesWithoutNewerFieldsReadWithThoseFieldsNull() throws IOException {
        SummaryReader.Reading reading = read("{\"runId\": \"r\", \"status\": \"complete\", \"verdict\": \"pass\"}");

        assertThat(reading.unreadable()).isEmpty();
        assertThat(reading.summary().server()).isNull();
        assertThat(reading.summary().stress()).isNull();
        assertThat(reading.summary().figures().global()).isNull();
    }

    private SummaryReader.Reading read(String json) throws IOException {
        return SummaryReader.read(Files.writeString(dir.resolve(RunFiles.SUMMARY), json));
    }
}
