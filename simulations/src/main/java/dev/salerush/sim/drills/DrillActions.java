package dev.salerush.sim.drills;

import dev.salerush.sim.config.DrillSettings.DrillSpec;
import dev.salerush.sim.config.DrillSettings.DrillStep;

/** What a drill does in the world: performs its steps, ends those still running, keeps account of undo it owes. */
@FunctionalInterface
public interface DrillActions {

    /** Performs one step of a fault, a first action or an undo; returns when it has ended. */
    void perform(DrillStep step);

    /** Ends the steps still running (a program that holds a fault): the drill has ended. */
    default void stopRunning() {
    }

    /**
     * Records, before the fault, that {@code spec}'s undo steps are owed; the returned action says they ran.
     * Only a SIGKILL can leave a record behind, and the next run names it.
     */
    default Runnable oweUndo(DrillSpec spec) {
        return () -> { };
    }
}
