package dev.salerush.sim.ci;

import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlay the nightly workflow writes with .ci/staging-overlay and layers last over the team's conf files
 * ({@code -Dsalerush.conf=team.conf,staging.conf}): the staging URL wins, and the hosts it allows are added to the
 * team's, so a metrics endpoint on another host the team allowed is still scraped.
 */
class StagingOverlayTest {
    private static final Path SCRIPT = TestConfigs.PROJECT_ROOT.resolve(".ci/staging-overlay");

    @TempDir
    Path root;

    @Test
    void theStagingUrlWinsAndTheTeamsAllowedHostsStay() throws Exception {
        Files.writeString(root.resolve("team.conf"), """
                target { baseUrl = "http://127.0.0.1:8090", allowedHosts = ["127.0.0.1", "metrics.team.example"] }
                metrics.url = "http://metrics.team.example:9100/metrics"
                plan.dau = 1234
                """);
        Files.writeString(root.resolve("staging.conf"),
                overlay("https://staging.team.example:8443", "prom.team.example, 10.0.0.5"));

        SuiteConfig config = load("team.conf,staging.conf");

        assertThat(config.target().baseUrl()).hasToString("https://staging.team.example:8443");
        assertThat(config.target().allowedHosts()).containsExactly("127.0.0.1", "metrics.team.example",
                "staging.team.example", "prom.team.example", "10.0.0.5");
        assertThat(config.metrics().url()).as("the team's metrics host, allowed by the team's list")
                .isEqualTo("http://metrics.team.example:9100/metrics");
        assertThat(config.plan().dau()).as("the rest of the team's file").isEqualTo(1234);
    }

    @Test
    void withoutATeamListTheStagingHostJoinsTheDefaults() throws Exception {
        Files.writeString(root.resolve("staging.conf"), overlay("http://staging.team.example", ""));

        assertThat(load("staging.conf").target().allowedHosts())
                .containsExactly("127.0.0.1", "localhost", "::1", "staging.team.example");
    }

    @Test
    void aUrlWithoutAHostIsRefused() throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), "ftp://nowhere").redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("'ftp://nowhere' is not an http(s) URL with a host");
    }

    private SuiteConfig load(String files) {
        Properties properties = new Properties();
        properties.setProperty(ConfigLoader.OVERRIDES_PROPERTY, files);
        return ConfigLoader.load(root, properties);
    }

    private static String overlay(String url, String hosts) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), url, hosts).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        return text;
    }
}
