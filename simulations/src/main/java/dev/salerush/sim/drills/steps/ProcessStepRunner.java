package dev.salerush.sim.drills.steps;

import dev.salerush.seeder.process.SuiteProcesses;
import dev.salerush.sim.config.RunStep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link RunStep}'s program (no shell) with its environment and timeout, and judges it by its exit code. A
 * process still running is ended — its whole tree, politely first — when the step times out or the drill ends
 * ({@link #stopAll()}), so no step outlives its drill. The step's process is the suite's, and so is whatever it starts
 * itself: it is marked ({@link SuiteProcesses}) and its descendants inherit the mark, so a daemon a step leaves running
 * counts as a run's leftover. What the team's command asks another party to start (a {@code systemctl restart}, a
 * container, a remote command) is that party's child, unmarked: the team's own service, never a leftover.
 */
final class ProcessStepRunner {
    private static final long GRACE_MILLIS = 3_000;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    /** Processes the drill's end stopped: a step that held the fault until then did what it was for. */
    private final Set<Process> endedWithDrill = ConcurrentHashMap.newKeySet();

    /** @return what the step printed and its exit; throws when it failed */
    String run(RunStep step) {
        ProcessBuilder builder = SuiteProcesses.builder(step.argv()).redirectErrorStream(true);
        builder.environment().putAll(step.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + step.program() + ": " + e.getMessage(), e);
        }
        running.add(process);
        OutputTail tail = new OutputTail();
        Thread reader = new Thread(() -> read(process, tail), "salerush-step-output");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean exited = process.waitFor(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                stop(process);
                throw new IllegalStateException(step.program() + " did not end within " + step.timeout().toSeconds()
                        + " s and was stopped; output: " + tail);
            }
            reader.join(1_000);
            int exit = process.exitValue();
            if (endedWithDrill.remove(process)) {
                return "held until the drill ended (stopped, exit " + exit + "); output: " + tail;
            }
            if (exit != 0) {
                throw new IllegalStateException(step.program() + " exited " + exit + "; output: " + tail);
            }
            return "exit 0; output: " + tail;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new IllegalStateException(step.program() + " was interrupted and stopped", e);
        } finally {
            running.remove(process);
        }
    }

    /** Ends every step process still running (a step that holds, at the drill's end). */
    void stopAll() {
        for (Process process : List.copyOf(running)) {
            endedWithDrill.add(process);
            stop(process);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void read(Process process, OutputTail tail) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                tail.add(line);
            }
        } catch (IOException e) {
            tail.add("(output unreadable: " + e.getMessage() + ")");
        }
    }
}
