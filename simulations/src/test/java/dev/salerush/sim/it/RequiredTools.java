package dev.salerush.sim.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Native programs an integration test needs (installed from Debian packages): missing, the test is skipped — unless
 * the environment variable that requires them is {@code 1} (CI), where a missing program fails it.
 */
final class RequiredTools {
    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");

    private RequiredTools() {
    }

    /** The drills' alerting stack and load balancer: Prometheus, Alertmanager and HAProxy. */
    static void assumeAlertingStack() {
        assumeInstalled("SALERUSH_REQUIRE_ALERTING", "apt-get install prometheus prometheus-alertmanager haproxy",
                PROMETHEUS, ALERTMANAGER, HAPROXY);
    }

    static void assumeInstalled(String requiredBy, String install, Path... programs) {
        boolean present = Arrays.stream(programs).allMatch(Files::isExecutable);
        if ("1".equals(System.getenv(requiredBy))) {
            assertThat(present).as(Arrays.toString(programs) + " are required here (" + requiredBy + "=1): "
                    + install).isTrue();
        }
        assumeTrue(present, install);
    }
}
