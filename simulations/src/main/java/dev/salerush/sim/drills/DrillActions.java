package dev.salerush.sim.drills;

import dev.salerush.sim.config.DrillSettings.DrillStep;

/** Performs one step of a fault or of a first action; returns when it has ended. */
@FunctionalInterface
public interface DrillActions {

    /** @throws RuntimeException the step failed; the message says why */
    void perform(DrillStep step);
}
