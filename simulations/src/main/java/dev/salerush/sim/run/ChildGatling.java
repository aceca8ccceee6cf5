package dev.salerush.sim.run;

import dev.salerush.seeder.process.SuiteProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Gatling JVM started by this one (a local shard, one run of a comparison): this JVM's own options and classpath,
 * less the system properties the launcher sets itself, plus its own; its output streamed to this console, each line
 * prefixed with whose it is. Stopping it is SIGTERM (its run closes as after Ctrl-C, stopping what it started), then
 * SIGKILL after a grace period.
 */
final class ChildGatling {
    private static final Logger log = LoggerFactory.getLogger(ChildGatling.class);
    static final long STOP_GRACE_SECONDS = 30;

    private ChildGatling() {
    }

    /**
     * Starts the child.
     *
     * @param inherited  which of this JVM's own options it keeps (it drops the system properties it sets itself)
     * @param properties its own system properties, e.g. {@code -Ddrill=instance-crash}
     * @param env        environment variables to set ({@code null} value: removed)
     * @param prefix     what its output lines start with on this console, e.g. {@code [shard 0] }
     */
    static Process start(Predicate<String> inherited, List<String> properties, String simulation,
                         Path gatlingResults, Map<String, String> env, String prefix) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(inherited)
                .filter(argument -> !argument.startsWith("-agentlib:jdwp")) // one debugger port, not several
                .forEach(command::add);
        command.addAll(properties);
        command.add("-D" + GatlingReportCopier.GATLING_RESULTS_PROPERTY + "=" + gatlingResults);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", simulation, "--results-folder", gatlingResults.toString()));
        ProcessBuilder builder = SuiteProcesses.builder(command).redirectErrorStream(true);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Process child = builder.start();
            streamOutput(child, prefix);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + prefix.trim(), e);
        }
    }

    /** Whether an option of this JVM sets one of these system properties ({@code -Dname=...}). */
    static boolean setsAny(String argument, List<String> names) {
        return names.stream().anyMatch(name -> argument.startsWith("-D" + name + "="));
    }

    private static void streamOutput(Process child, String prefix) {
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println(prefix + line);
                }
            } catch (IOException e) {
                // the child's output closed: it ended
            }
        }, "child-output " + prefix.trim());
        pump.setDaemon(true);
        pump.start();
    }

    /** Waits up to {@code millis} for the child to end. */
    static void waitQuietly(Process child, long millis) {
        try {
            child.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + child, e);
        }
    }

    /** Stops the children still running: SIGTERM to all, then SIGKILL to any still there after the grace period. */
    static void stop(List<Process> children) {
        children.stream().filter(Process::isAlive).forEach(Process::destroy);
        for (Process child : children) {
            try {
                if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("pid {} still runs {} s after SIGTERM: killed", child.pid(), STOP_GRACE_SECONDS);
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
