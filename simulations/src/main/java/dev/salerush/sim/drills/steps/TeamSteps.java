package dev.salerush.sim.drills.steps;

import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.OperationFailedException;
import dev.salerush.env.ops.OperationRunner;
import dev.salerush.sim.config.DrillSettings.DrillStep;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Performs a team's own drill steps — a program ({@code run}) or an HTTP call ({@code http}) — each recorded in
 * events.jsonl like an operation (started; ended or failed, with why), its exit or status and its output's tail as an
 * {@code operation.step} event.
 */
public final class TeamSteps implements AutoCloseable {
    private final EventLog events;
    private final ProcessStepRunner processes = new ProcessStepRunner();
    private final HttpStepRunner http = new HttpStepRunner();

    public TeamSteps(EventLog events) {
        this.events = events;
    }

    /** Whether {@code step} is one of these (not a built-in operation of the embedded environment). */
    public static boolean performs(DrillStep step) {
        return step.run() != null || step.http() != null;
    }

    /**
     * Performs the step and returns when it has ended.
     *
     * @throws OperationFailedException it failed: a non-zero exit, a timeout, an unexpected status; the message says
     */
    public void perform(DrillStep step) {
        String name = step.run() != null ? "run" : "http";
        AtomicReference<String> outcome = new AtomicReference<>();
        Supplier<String> action = step.run() != null ? () -> processes.run(step.run()) : () -> http.call(step.http());
        OperationRunner.Recorded recorded = OperationRunner.record(name, step.text(), () -> outcome.set(action.get()),
                events);
        if (recorded.failure() != null) {
            throw new OperationFailedException(recorded.failure());
        }
        events.record(EventKinds.OPERATION_STEP, name, step.text() + ": " + outcome.get());
    }

    /** Ends the programs of steps still running (a step that holds the fault, when its drill ends). */
    public void stopRunning() {
        processes.stopAll();
    }

    @Override
    public void close() {
        stopRunning();
    }
}
