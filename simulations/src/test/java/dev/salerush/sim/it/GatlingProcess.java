package dev.salerush.sim.it;

import dev.salerush.seeder.process.SuiteProcesses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real Gatling JVM, as gatling-maven-plugin does ({@code io.gatling.app.Gatling --simulation ...}), with the
 * test's classpath and the given {@code -D} properties, and captures its console output.
 */
public final class GatlingProcess {
    /** The project root: the working directory (benchmarks run from it) or its parent (the module's tests run in simulations/). */
    public static final Path PROJECT_ROOT = projectRoot();

    public record Result(int exitCode, String output, long millis) {
    }

    /** Runs Gatling to the end (or fails the test after {@code timeoutSeconds}). */
    public static Result run(String simulation, Path gatlingResults, Map<String, String> properties, long timeoutSeconds)
            throws IOException, InterruptedException {
        return start(simulation, gatlingResults, properties).await(timeoutSeconds);
    }

    /** Starts Gatling and returns at once; its console output goes to a file that can be watched. */
    public static Running start(String simulation, Path gatlingResults, Map<String, String> properties) throws IOException {
        return start(List.of(), simulation, gatlingResults, properties);
    }

    /** As {@link #start(String, Path, Map)}, with {@code launcher} before the java command (e.g. taskset -c 0). */
    public static Running start(List<String> launcher, String simulation, Path gatlingResults, Map<String, String> properties)
            throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the JVM options gatling-maven-plugin forks Gatling with
        command.addAll(List.of("-Xmx1g", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:MaxInlineLevel=20",
                "-XX:MaxTrivialSize=12", "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        command.add("-Dsalerush.root=" + PROJECT_ROOT);
        command.add("-Dsalerush.gatlingResults=" + gatlingResults);
        command.add("-Dgatling.data.enableAnalytics=false");
        // the tests' seeded snapshots stay in the build folder, shared by every run of the same dataset
        Map<String, String> effective = new java.util.LinkedHashMap<>();
        effective.put("embedded.snapshots.dir", PROJECT_ROOT.resolve("simulations/target/snapshots").toString());
        effective.putAll(properties);
        effective.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.gatling.app.Gatling");
        command.add("--simulation");
        command.add(simulation);
        command.add("--results-folder");
        command.add(gatlingResults.toString());

        Path output = Files.createTempFile("gatling-run", ".log");
        Process process = SuiteProcesses.builder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        return new Running(process, output, System.nanoTime());
    }

    /** A Gatling JVM that was started. */
    public record Running(Process process, Path output, long startNanos) {

        public String outputSoFar() throws IOException {
            return Files.readString(output);
        }

        /** Waits until the console output contains {@code text}; fails the test if it does not within the timeout. */
        public void awaitOutput(String text, long timeoutSeconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!outputSoFar().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("'" + text + "' did not appear:\n" + outputSoFar());
                }
                Thread.sleep(200);
            }
        }

        public Result await(long timeoutSeconds) throws IOException, InterruptedException {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroy();
                    process.waitFor(20, TimeUnit.SECONDS);
                    process.destroyForcibly();
                    throw new AssertionError("Gatling run did not end within " + timeoutSeconds + " s:\n" + outputSoFar());
                }
                return new Result(process.exitValue(), outputSoFar(), (System.nanoTime() - startNanos) / 1_000_000);
            } finally {
                Files.deleteIfExists(output);
            }
        }
    }

    private static Path projectRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isRegularFile(cwd.resolve("conf/salerush.conf")) ? cwd : cwd.getParent();
    }

    private GatlingProcess() {
    }
}
