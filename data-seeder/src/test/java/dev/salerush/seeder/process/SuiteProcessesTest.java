package dev.salerush.seeder.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteProcessesTest {

    @Test
    void aBuilderCarriesTheMarkBesideItsCommand() {
        ProcessBuilder builder = SuiteProcesses.builder("pg_ctl", "start");

        assertThat(builder.command()).containsExactly("pg_ctl", "start");
        assertThat(SuiteProcesses.isMarked(builder.environment())).isTrue();
        assertThat(builder.environment()).containsEntry(SuiteProcesses.MARK, "1");
    }

    @Test
    void markingKeepsTheRestOfTheEnvironment() {
        ProcessBuilder builder = new ProcessBuilder("true");
        builder.environment().put("PGPASSWORD", "secret");

        assertThat(SuiteProcesses.mark(builder)).isSameAs(builder);
        assertThat(builder.environment()).containsEntry("PGPASSWORD", "secret").containsEntry(SuiteProcesses.MARK, "1");
    }

    @Test
    void anUnmarkedEnvironmentIsNotTheSuites() {
        assertThat(SuiteProcesses.isMarked(Map.of())).isFalse();
        assertThat(SuiteProcesses.isMarked(Map.of(SuiteProcesses.MARK, "0"))).isFalse();
    }

    @Test
    void theMarkReachesAGrandchild() throws IOException, InterruptedException {
        // sh starts env and cat: env, a grandchild, sees the mark without anyone passing it on
        Process process = SuiteProcesses.builder(List.of("sh", "-c", "env | cat")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(output.lines()).contains(SuiteProcesses.MARK + "=1");
    }
}
