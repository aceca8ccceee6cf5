package dev.salerush.env.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salerush.shop.ShopMain;
import dev.salerush.shop.config.ShopSettings;
import dev.salerush.env.process.ChildClasspath;
import dev.salerush.env.demo.DemoShopProcess;
import dev.salerush.env.process.FreePorts;
import dev.salerush.env.demo.GatewaySettings;
import dev.salerush.env.process.LaunchException;
import dev.salerush.env.demo.PaymentGatewayProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The process launchers: start, health wait, clear failures, close, orphan safety. */
@Order(ItLanes.LANE_TWO + 2)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class LauncherIT {

    @Test
    void gatewayRunsAsItsOwnProcessAndCloseFreesThePort() {
        PaymentGatewayProcess gateway = TestEnv.gateway("launcher-it-gateway");
        ProcessHandle handle = gateway.processHandle();
        assertThat(handle.isAlive()).isTrue();
        assertThat(handle.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(handle.info().arguments().map(List::of).orElse(List.of()))
                .contains("--bind-address", "127.0.0.1");
        assertThat(gateway.adminUrl()).isEqualTo("http://127.0.0.1:" + gateway.port() + "/__admin");
        assertThat(TestEnv.get(gateway.adminUrl(), "/health").status()).isEqualTo(200);
        assertThat(FreePorts.isFree(gateway.port())).isFalse();

        gateway.close();
        gateway.close(); // idempotent

        assertThat(handle.isAlive()).isFalse();
        assertThat(FreePorts.isFree(gateway.port())).isTrue();
    }

    @Test
    void shopWithBadDatabaseFailsClearlyAndLeavesNoProcess() {
        int deadPort = FreePorts.pick();
        ShopSettings settings = ShopSettings.defaults("jdbc:postgresql://127.0.0.1:" + deadPort + "/nowhere",
                "salerush", "secret-password", "http://127.0.0.1:1").withPort(0);
        assertThatThrownBy(() -> DemoShopProcess.start(settings, TestEnv.options("launcher-it-bad-db")))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("demo shop exited with code 1")
                .hasMessageContaining("launcher-it-bad-db.log")
                .hasMessageContaining("Demo shop failed to start")
                .hasMessageContaining("Connection")
                .hasMessageNotContaining("secret-password");
        assertThat(shopChildren()).isEmpty();
    }

    @Test
    void explicitPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            GatewaySettings settings = GatewaySettings.DEFAULTS.withPort(taken.getLocalPort());
            assertThatThrownBy(() -> PaymentGatewayProcess.start(settings, TestEnv.options("launcher-it-taken")))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("payment gateway exited with code")
                    .hasMessageContaining("launcher-it-taken.log");
        }
    }

    @Test
    void badArgumentsExitWith2AndSayWhy() throws Exception {
        String cp = ChildClasspath.join(ChildClasspath.forClasses(ShopMain.class, io.javalin.Javalin.class));
        Process p = new ProcessBuilder(javaExe(), "-cp", cp, ShopMain.class.getName(), "--port=abc",
                "--gateway-url=http://127.0.0.1:1").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ShopMain.EXIT_BAD_ARGS);
        assertThat(output).contains("--port=abc is not an integer", "--db-url is required", "Usage:");
    }

    @Test
    void childExitsByItselfWhenItsParentIsKilled() throws Exception {
        Path log = TestEnv.logDir().resolve("launcher-it-orphan.log");
        Files.createDirectories(log.getParent());
        String cp = ChildClasspath.join(ChildClasspath.forClasses(OrphanParentMain.class, ShopMain.class,
                wiremock.Run.class));
        Process parent = new ProcessBuilder(javaExe(), "-Xmx128m", "-cp", cp, OrphanParentMain.class.getName(),
                log.toString()).redirectErrorStream(true).start();
        long childPid = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CHILD_PID=")) {
                    childPid = Long.parseLong(line.substring("CHILD_PID=".length()).trim());
                    break;
                }
            }
            assertThat(childPid).as("the parent JVM started a gateway").isPositive();
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            assertThat(child.isAlive()).isTrue();

            parent.destroyForcibly(); // SIGKILL: the parent's shutdown hooks do not run
            parent.waitFor(10, TimeUnit.SECONDS);

            Optional<ProcessHandle> stillThere = ProcessHandle.of(childPid);
            if (stillThere.isPresent()) {
                stillThere.get().onExit().get(15, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            parent.destroyForcibly();
            if (childPid > 0) {
                ProcessHandle.of(childPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static List<ProcessHandle> shopChildren() {
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().arguments().map(a -> List.of(a).contains(ShopMain.class.getName()))
                        .orElse(false))
                .toList();
    }

    private static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
