package dev.salerush.sim.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A drill step that runs a program — kubectl, a deploy CLI, a script — with its arguments as given (no shell), judged
 * by its exit code (0 = done).
 *
 * @param argv    the program and its arguments; the program is found on PATH unless it is a path
 * @param timeout the step fails and its process is ended after this long
 * @param env     variables added to the suite's environment for the process
 * @param holds   the fault lasts while the process runs (a load generator, a network fault): it runs beside the
 *                drill, a first action may end it, and the drill's end stops it
 */
public record RunStep(List<String> argv, Duration timeout, Map<String, String> env, boolean holds) {
    public RunStep {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public String program() {
        return argv.get(0);
    }

    /** How the step reads in a plan, a timeline and a report (never an environment value: it may be a secret). */
    public String describe() {
        return "run " + String.join(" ", argv) + (holds ? " (holds)" : "");
    }
}
