package dev.salerush.sim.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layers of a team project (reference.conf < ./salerush.conf < each -Dsalerush.conf file < -D), list keys from
 * -D, secrets from the environment and whose SLOs judge a run — loaded from a temporary project root, as a team's
 * repository would be.
 */
class ConfigLayersTest {
    @TempDir
    Path root;

    private SuiteConfig load(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.load(root, properties);
    }

    private void write(String file, String text) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), text);
    }

    @Test
    void eachLayerOverridesTheOneBelowInOrder() throws IOException {
        write("salerush.conf", "target.requestTimeout = 2s\ntarget.healthTimeout = 2s\nplan.dau = 1000\n");
        write("a.conf", "target.healthTimeout = 3s\nplan.dau = 2000\n");
        write("b.conf", "plan.dau = 3000\n");

        SuiteConfig config = load("salerush.conf", "a.conf, b.conf", "target.requestTimeout", "4s");

        assertThat(config.target().requestTimeout()).as("-D over the project file").hasSeconds(4);
        assertThat(config.target().healthTimeout()).as("a.conf over the project file").hasSeconds(3);
        assertThat(config.plan().dau()).as("b.conf over a.conf").isEqualTo(3000);
        assertThat(config.journeys()).as("the rest from reference.conf").isNotNull();
    }

    @Test
    void aTeamProjectsFileWinsOverTheRepositorysConfFolder() throws IOException {
        write("conf/salerush.conf", "plan.dau = 1000\n");
        write("salerush.conf", "plan.dau = 2000\n");

        assertThat(load().plan().dau()).isEqualTo(2000);
    }

    @Test
    void anUnknownKeyInTheProjectFileIsRefusedWithTheNearestKnownOne() throws IOException {
        write("salerush.conf", "targt.baseUrl = \"http://127.0.0.1:8080\"\n");

        assertThatThrownBy(this::load).isInstanceOf(ConfigError.class)
                .hasMessage("unknown setting 'targt.baseUrl' (salerush.conf); did you mean 'target.baseUrl'?");
    }

    @Test
    void aMissingTeamFileIsNamed() {
        assertThatThrownBy(() -> load("salerush.conf", "team.conf,missing.conf"))
                .hasMessageContaining("salerush.conf names " + root.resolve("team.conf"));
    }

    @Test
    void aListKeyTakesCommaSeparatedValuesFromTheCommandLine() {
        SuiteConfig config = load("target.allowedHosts", "staging.example.com, 10.0.0.5",
                "target.baseUrl", "https://staging.example.com");

        assertThat(config.target().allowedHosts()).containsExactly("staging.example.com", "10.0.0.5");
        assertThat(config.target().baseUrl()).hasHost("staging.example.com");
        assertThat(load("db.allowedHosts", "127.0.0.1").database().writeHosts()).containsExactly("127.0.0.1");
        assertThatThrownBy(() -> load("db.allowedHosts", "")).hasMessageStartingWith("db.allowedHosts must list at least");
    }

    @Test
    void aListOfSettingsCannotBeSetFromTheCommandLine() {
        assertThatThrownBy(() -> load("slo.peak", "p95"))
                .hasMessage("slo.peak is a list of settings, which -D cannot set: set it in a conf file"
                        + " (-Dsalerush.conf=team.conf)");
    }

    @Test
    void aSecretComesFromItsEnvironmentVariable() throws IOException {
        // PATH is set wherever a test runs; a real secret has a name of its own
        write("salerush.conf", "secrets { accountPassword = ${?PATH} }\n");

        assertThat(load().secrets().value("accountPassword")).isEqualTo(System.getenv("PATH"));
        assertThatThrownBy(() -> load().secrets().value("apiToken"))
                .hasMessageStartingWith("secrets.apiToken is not declared");
    }

    @Test
    void aSecretWhoseVariableIsUnsetEndsTheLoadNamingIt() throws IOException {
        write("salerush.conf", "secrets { accountPassword = ${?SALERUSH_TEST_UNSET_VARIABLE} }\n");

        assertThatThrownBy(this::load).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("secrets.accountPassword: environment variable SALERUSH_TEST_UNSET_VARIABLE"
                        + " is not set");
    }

    /** The pages, the merge and the drill log send no load: they run where the team's secrets are not exported. */
    @Test
    void aToolThatSendsNoLoadReadsNoSecret() throws IOException {
        write("salerush.conf", "secrets { accountPassword = ${?SALERUSH_TEST_UNSET_VARIABLE} }\n"
                + "report.locale = en\n");

        SuiteConfig config = ConfigLoader.loadWithoutSecrets(root, new Properties());

        assertThat(config.report().locale()).isEqualTo(ReportLocale.EN);
        assertThatThrownBy(() -> config.secrets().value("accountPassword")).isInstanceOf(ConfigError.class);
    }

    @Test
    void aSecretWrittenOutIsRefused() throws IOException {
        write("salerush.conf", "secrets { accountPassword = \"hunter2\" }\n");

        assertThatThrownBy(this::load).hasMessageStartingWith("secrets.accountPassword is written out")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> load("secrets.apiToken", "abc")).hasMessageStartingWith("secrets.apiToken is written out");
    }

    @Test
    void theSloSourceSaysWhetherTheTeamSetItsOwn() throws IOException {
        assertThat(load().sloSource()).isEqualTo(SloSource.DEMO_DEFAULTS);
        assertThat(load("profile", "load").sloSource()).isEqualTo(SloSource.DEMO_DEFAULTS);

        write("salerush.conf", "slo.peak = [ { name = \"p95\", metric = p95Ms, threshold = 300 } ]\n");
        assertThat(load("profile", "load").sloSource()).isEqualTo(SloSource.TEAM);

        write("salerush.conf", "profiles.smoke.slo = [ { name = \"p95\", metric = p95Ms, threshold = 300 } ]\n");
        assertThat(load().sloSource()).isEqualTo(SloSource.TEAM);
        assertThat(load("profile", "stress").sloSource()).as("another profile keeps the demo's")
                .isEqualTo(SloSource.DEMO_DEFAULTS);
    }

    @Test
    void onlyAnExternalTargetUnderTheDemosSlosIsWarned() {
        assertThat(load().sloSource().warnsFor(load().target())).as("the embedded demo shop").isFalse();
        SuiteConfig external = load("target.baseUrl", "http://127.0.0.1:8080");
        assertThat(external.sloSource().warnsFor(external.target())).isTrue();
    }
}
