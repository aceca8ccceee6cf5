package dev.salerush.sim.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly pipeline file: valid YAML with the shape GitHub Actions needs, scheduled, and doing what the README
 * says it does — restore earlier results, run stress, rebuild the index, publish the Markdown summary, upload
 * results/ even when the run failed. (actionlint, run by hand, checks the rest; see README.)
 */
class NightlyWorkflowTest {
    static final Path WORKFLOW = TestConfigs.PROJECT_ROOT.resolve(".github/workflows/nightly-stress.yml");

    @Test
    void isScheduledAndManuallyStartable() throws IOException {
        JsonNode workflow = read();

        String cron = workflow.path("on").path("schedule").get(0).path("cron").asText();
        assertThat(cron.split(" ")).hasSize(5);
        assertThat(workflow.path("on").has("workflow_dispatch")).isTrue();
        assertThat(workflow.path("jobs").size()).isEqualTo(1);
        JsonNode job = workflow.path("jobs").elements().next();
        assertThat(job.path("runs-on").asText()).isNotBlank();
        assertThat(job.path("timeout-minutes").asInt()).as("bounded in time").isBetween(1, 120);
    }

    @Test
    void runsStressFailsOnItsVerdictAndKeepsEverything() throws IOException {
        List<JsonNode> steps = steps();
        int restore = indexOf(steps, "gh run download");
        int stress = indexOf(steps, "./mvnw -B -ntp gatling:test \"-Dprofile=${PROFILE}\"");
        int index = indexOf(steps, "exec:java@reports");
        int publish = indexOf(steps, "$GITHUB_STEP_SUMMARY");
        assertThat(restore).isLessThan(stress);
        assertThat(stress).isLessThan(index);
        assertThat(index).isLessThan(publish);
        // the stress step's exit status is the job's: no continue-on-error, no "|| true"
        assertThat(steps.get(stress).has("continue-on-error")).isFalse();
        assertThat(steps.get(stress).path("run").asText()).doesNotContain("|| true");
        for (int after : List.of(index, publish)) {
            assertThat(steps.get(after).path("if").asText()).isEqualTo("always()");
        }
        JsonNode upload = steps.stream().filter(s -> s.path("uses").asText().startsWith("actions/upload-artifact@"))
                .findFirst().orElseThrow();
        assertThat(upload.path("if").asText()).isEqualTo("always()");
        assertThat(upload.path("with").path("path").asText()).isEqualTo("results/");
        assertThat(upload.path("with").path("name").asText()).isEqualTo("salerush-results");
        assertThat(steps.get(restore).path("run").asText()).contains("--name salerush-results");
        assertThat(read().path("jobs").elements().next().path("env").path("PROFILE").asText()).contains("'stress'");
    }

    @Test
    void theCommandsItRunsAreTheOnesTheReadmeDocuments() throws IOException {
        String readme = Files.readString(TestConfigs.PROJECT_ROOT.resolve("README.md"));
        assertThat(readme).contains("./mvnw -q compile exec:java@reports").contains(".github/workflows/nightly-stress.yml")
                .contains("SALERUSH_STAGING_URL");
    }

    private static int indexOf(List<JsonNode> steps, String command) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("run").asText().contains(command)) {
                return i;
            }
        }
        throw new AssertionError("no step runs " + command);
    }

    private static List<JsonNode> steps() throws IOException {
        JsonNode job = read().path("jobs").elements().next();
        return StreamSupport.stream(job.path("steps").spliterator(), false).toList();
    }

    private static JsonNode read() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
    }
}
