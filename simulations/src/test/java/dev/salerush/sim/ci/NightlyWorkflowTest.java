package dev.salerush.sim.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.salerush.sim.config.InjectionStep;
import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly pipeline file: valid YAML with the shape GitHub Actions needs, scheduled, and doing what docs/nightly.md
 * says it does — install what the profile needs, restore earlier results, layer the team's conf files under the
 * staging overlay, run, rebuild the index, publish the Markdown summary and junit.xml, upload results/ even when the
 * run failed. (.ci/lint-workflows runs actionlint over it; .ci/nightly-check executes its steps.)
 */
class NightlyWorkflowTest {
    static final Path WORKFLOW = TestConfigs.PROJECT_ROOT.resolve(".github/workflows/nightly-stress.yml");
    static final Path PAGE = TestConfigs.PROJECT_ROOT.resolve("docs/nightly.md");
    private static final String STRESS = "./mvnw -B -ntp gatling:test \"-Dprofile=${PROFILE}\"";

    @Test
    void isScheduledManuallyStartableAndRunsWhereTheTeamSays() throws IOException {
        JsonNode workflow = read();

        String cron = workflow.path("on").path("schedule").get(0).path("cron").asText();
        assertThat(cron.split(" ")).hasSize(5);
        assertThat(workflow.path("on").path("workflow_dispatch").path("inputs").fieldNames())
                .toIterable().containsExactly("profile", "conf", "simulation");
        assertThat(workflow.path("jobs").size()).isEqualTo(1);
        assertThat(job().path("runs-on").asText()).isEqualTo("${{ vars.SALERUSH_RUNNER || 'ubuntu-latest' }}");
        assertThat(job().path("env").path("PROFILE").asText()).contains("'stress'");
        assertThat(workflow.path("permissions").path("checks").asText()).as("the junit publisher's check run")
                .isEqualTo("write");
    }

    @Test
    void aSoakHasTimeToEndAndEveryOtherProfileIsBounded() throws IOException {
        Matcher timeout = Pattern.compile("== 'soak'\\) && (\\d+) \\|\\| (\\d+) }}")
                .matcher(job().path("timeout-minutes").asText());
        assertThat(timeout.find()).as(job().path("timeout-minutes").asText()).isTrue();
        Duration soak = TestConfigs.load().profileNamed("soak").injection().stream().map(InjectionStep::during)
                .reduce(Duration.ZERO, Duration::plus);

        assertThat(Integer.parseInt(timeout.group(1))).as("the soak's load, its build and its reports")
                .isGreaterThanOrEqualTo((int) soak.toMinutes() + 30)
                .as("a hosted runner's job ends at 6 hours").isLessThanOrEqualTo(360);
        assertThat(Integer.parseInt(timeout.group(2))).isBetween(30, 120);
    }

    @Test
    void runsStressFailsOnItsVerdictAndKeepsEverything() throws IOException {
        List<JsonNode> steps = steps();
        int install = indexOf(steps, "bash .ci/install-packages");
        int restore = indexOf(steps, "gh run download");
        int layers = indexOf(steps, "bash .ci/staging-overlay \"$STAGING_URL\" \"$ALLOWED_HOSTS\" > staging.conf");
        int stress = indexOf(steps, STRESS);
        int index = indexOf(steps, "exec:java@reports");
        int publish = indexOf(steps, "$GITHUB_STEP_SUMMARY");
        assertThat(List.of(install, restore, layers, stress, index, publish)).isSorted();
        // the stress step's exit status is the job's: no continue-on-error, no "|| true"
        assertThat(steps.get(stress).has("continue-on-error")).isFalse();
        assertThat(steps.get(stress).path("run").asText()).doesNotContain("|| true");
        for (int after : List.of(index, publish)) {
            assertThat(steps.get(after).path("if").asText()).isEqualTo("always()");
        }
        JsonNode upload = uses(steps, "actions/upload-artifact@");
        assertThat(upload.path("if").asText()).isEqualTo("always()");
        assertThat(upload.path("with").path("path").asText()).isEqualTo("results/");
        assertThat(upload.path("with").path("name").asText()).isEqualTo("salerush-results");
        assertThat(steps.get(restore).path("run").asText()).contains("--name salerush-results");
    }

    @Test
    void theTeamsConfFilesComeFirstAndTheStagingOverlayLast() throws IOException {
        List<JsonNode> steps = steps();
        String layers = steps.get(indexOf(steps, "staging.conf")).path("run").asText();
        String stress = steps.get(indexOf(steps, STRESS)).path("run").asText();

        assertThat(layers).contains("confs=\"$TEAM_CONF\"").contains("confs=\"${confs:+$confs,}staging.conf\"")
                .contains("echo \"SALERUSH_CONF=$confs\" >> \"$GITHUB_ENV\"");
        assertThat(stress).contains("\"-Dsalerush.conf=${SALERUSH_CONF}\"").contains("\"-Dsimulation=${SIMULATION}\"")
                .contains("\"-Dresults.keep=${RESULTS_KEEP}\"");
        assertThat(job().path("env").path("TEAM_CONF").asText()).contains("inputs.conf").contains("vars.SALERUSH_CONF");
        assertThat(job().path("env").path("SIMULATION").asText()).contains("inputs.simulation");
        assertThat(job().path("env").path("RESULTS_KEEP").asText())
                .isEqualTo("${{ vars.SALERUSH_RESULTS_KEEP || '30' }}");
    }

    @Test
    void everyProfileJudgedByDrillsGetsTheAlertingStackAndTheLoadBalancer() throws IOException {
        String install = steps().get(indexOf(steps(), "bash .ci/install-packages")).path("run").asText();
        Matcher drillProfiles = Pattern.compile("\\n\\s*([a-z |]+)\\) packages=\"\\$packages haproxy prometheus "
                + "prometheus-alertmanager\"").matcher(install);
        assertThat(drillProfiles.find()).as(install).isTrue();
        Config profiles = ConfigFactory.parseFile(TestConfigs.PROJECT_ROOT
                .resolve("simulations/src/main/resources/reference.conf").toFile()).resolve().getConfig("profiles");
        TreeSet<String> judgedByDrills = new TreeSet<>();
        profiles.root().keySet().stream().filter(name -> profiles.hasPath(name + ".judgedBy"))
                .filter(name -> profiles.getString(name + ".judgedBy").equals("drills")).forEach(judgedByDrills::add);

        assertThat(judgedByDrills).isNotEmpty();
        assertThat(new TreeSet<>(List.of(drillProfiles.group(1).replace(" ", "").split("\\|"))))
                .isEqualTo(judgedByDrills);
    }

    @Test
    void publishesTonightsJunitXmlAsTestResults() throws IOException {
        List<JsonNode> steps = steps();
        JsonNode junit = uses(steps, "mikepenz/action-junit-report@v");

        assertThat(junit.path("if").asText()).startsWith("always()");
        assertThat(junit.path("with").path("report_paths").asText()).endsWith("/junit.xml");
        assertThat(junit.path("with").path("require_tests").asBoolean()).isTrue();
        assertThat(steps.indexOf(junit)).isGreaterThan(indexOf(steps, STRESS));
    }

    @Test
    void theNightlyPageNamesEveryVariableSecretAndInputAndTheScripts() throws IOException {
        String page = Files.readString(PAGE);
        Matcher names = Pattern.compile("\\b(vars|secrets|inputs)\\.([A-Za-z_]+)").matcher(Files.readString(WORKFLOW));
        TreeSet<String> named = new TreeSet<>();
        while (names.find()) {
            named.add(names.group(2));
        }

        assertThat(named).contains("SALERUSH_STAGING_URL", "SALERUSH_CONF", "SALERUSH_RUNNER", "profile");
        assertThat(named).allSatisfy(name -> assertThat(page).contains("`" + name + "`"));
        assertThat(page).contains(".github/workflows/nightly-stress.yml", "./mvnw -q compile exec:java@reports",
                ".ci/nightly-local", ".ci/nightly-check", ".ci/lint-workflows", ".ci/install-packages", "results.keep",
                "pinned", "regression.baseline", "self-hosted");
    }

    private static JsonNode uses(List<JsonNode> steps, String action) {
        return steps.stream().filter(s -> s.path("uses").asText().startsWith(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
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
        return StreamSupport.stream(job().path("steps").spliterator(), false).toList();
    }

    private static JsonNode job() throws IOException {
        return read().path("jobs").elements().next();
    }

    private static JsonNode read() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
    }
}
