package dev.salerush.sim.ci;

import dev.salerush.seeder.process.SuiteProcesses;
import dev.salerush.sim.config.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .ci/suite-processes} lists the processes that carry the suite's mark or the command lines of its unmarked
 * starts, and never a process that only bears a name the suite also uses (a machine's own HAProxy or Prometheus). Other
 * people's runs may be listed beside ours on a shared machine, so only our own pids are judged.
 */
class SuiteProcessesScriptTest {
    private static final String MARK = SuiteProcesses.MARK;
    private static final Path SCRIPT = TestConfigs.PROJECT_ROOT.resolve(".ci/suite-processes");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopStarted() {
        // the shells' children first: killing a shell leaves its sleep running, marked, until it ends
        started.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void listsTheMarkedProcessesAndTheSuitesCommandLinesOnly() throws IOException, InterruptedException {
        long marked = start(SuiteProcesses.builder("sleep", "30"));
        long grandchild = start(SuiteProcesses.builder("sh", "-c", "sleep 30; true"));
        long oldPattern = start(unmarked("sh", "-c", "sleep 30; true # -D /tmp/salerush-pg-1234"));
        long onCommandLine = start(unmarked("bash", "-c", "exec -a 'java -D" + MARK + "=1' sleep 30"));
        long notOnCommandLine = start(unmarked("bash", "-c", "exec -a 'java -D" + MARK + "=10' sleep 30"));
        long haproxy = start(unmarked("bash", "-c", "exec -a haproxy sleep 30"));
        long prometheus = start(unmarked("bash", "-c", "exec -a /usr/bin/prometheus sleep 30"));
        long plain = start(unmarked("sleep", "30"));
        ProcessBuilder markedOff = unmarked("sleep", "30");
        markedOff.environment().put(SuiteProcesses.MARK, "0");
        long notOne = start(markedOff);

        List<Long> listed = listedPids();

        assertThat(listed).contains(marked, grandchild, oldPattern, onCommandLine, sleepUnder(grandchild))
                .doesNotContain(haproxy, prometheus, plain, notOne, notOnCommandLine);
    }

    @Test
    void theGatlingPluginsForkedJvmCarriesTheMarkOnItsCommandLine() throws IOException {
        // the plugin forks with Maven's environment and takes none to add
        String pom = Files.readString(TestConfigs.PROJECT_ROOT.resolve("simulations/pom.xml"));

        assertThat(pom).contains("<jvmArg>-D" + SuiteProcesses.MARK + "=1</jvmArg>");
    }

    @Test
    void nothingOfOursIsListedOnceItEnded() throws IOException, InterruptedException {
        Process process = SuiteProcesses.builder("sleep", "30").start();
        started.add(process);
        assertThat(listedPids()).contains(process.pid());

        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

        assertThat(listedPids()).doesNotContain(process.pid());
    }

    /** A process without the mark, even when this JVM inherited it (a marked parent started the build). */
    private static ProcessBuilder unmarked(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(SuiteProcesses.MARK);
        return builder;
    }

    private long start(ProcessBuilder builder) throws IOException {
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process.pid();
    }

    /** The pid of the sleep a marked shell started: it inherited the mark. */
    private long sleepUnder(long shell) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            var child = ProcessHandle.of(shell).flatMap(parent -> parent.children().findFirst());
            if (child.isPresent()) {
                return child.get().pid();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the shell " + shell + " started no child");
    }

    private static List<Long> listedPids() throws IOException, InterruptedException {
        Process script = new ProcessBuilder("bash", SCRIPT.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).isZero();
        return output.lines().map(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).toList();
    }
}
