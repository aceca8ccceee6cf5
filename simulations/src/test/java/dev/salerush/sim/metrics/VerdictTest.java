package dev.salerush.sim.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isWrittenAndReadAsSummaryJsonSpellsIt() throws Exception {
        assertThat(JSON.writeValueAsString(Verdict.NO_BASELINE)).isEqualTo("\"no baseline\"");
        assertThat(JSON.readValue("\"fail\"", Verdict.class)).isEqualTo(Verdict.FAIL);
        assertThat(Verdict.PASS).hasToString("pass");
        assertThat(Verdict.NO_BASELINE.label()).isEqualTo("NO BASELINE");
    }

    @Test
    void anythingElseIsNotAVerdict() {
        assertThatThrownBy(() -> Verdict.fromJson("PASS")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Verdict.of(false).failed()).isTrue();
    }
}
