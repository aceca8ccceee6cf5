package dev.salerush.sim.ci;

import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * .ci/run leaves the machine's own services alone: it installs through .ci/install-packages, which touches only what it
 * installed itself, and counts as leftovers only the suite's own processes (.ci/suite-processes), never by name.
 */
class CiScriptsTest {
    private static final Path CI = TestConfigs.PROJECT_ROOT.resolve(".ci");

    @Test
    void theCiEntryPointStopsNoServiceByName() throws IOException {
        String run = Files.readString(CI.resolve("run"));

        assertThat(run).doesNotContain("pkill", "killall", "systemctl", "pgrep", "service ");
        assertThat(run).contains("bash .ci/install-packages ").contains("out=$(bash .ci/suite-processes)")
                .contains("bash .ci/nightly-check");
    }

    @Test
    void anInstalledPackageIsNeitherInstalledNorStopped() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")), "not a Debian system");

        assertThat(dryRun("bash"))
                .isEqualTo("install-packages: already installed: bash; nothing installed, no service stopped\n");
        assertThat(dryRun("bash", "salerush-no-such-package"))
                .startsWith("install-packages: would install: salerush-no-such-package\n")
                .contains("none of an already installed package");
    }

    private static String dryRun(String... packages) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", CI.resolve("install-packages").toString(), "--dry-run"));
        command.addAll(List.of(packages));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
