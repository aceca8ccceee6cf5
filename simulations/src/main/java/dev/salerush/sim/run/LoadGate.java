package dev.salerush.sim.run;

import dev.salerush.sim.drills.Drills;
import dev.salerush.sim.stress.StressController;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Whether an arriving virtual user may start and whether the load should stop, from the target's health, the drills
 * and a staircase. Asked by Gatling's threads for every user: it reads the run's parts as they are now (each may not
 * have started yet), without a lock.
 */
final class LoadGate {
    private final Supplier<Recording> recording;
    private final Supplier<Drills> drills;
    private final Supplier<StressController> stress;
    /** How long after a drill ended its requests in flight may still be answered. */
    private final Duration inFlight;

    LoadGate(Supplier<Recording> recording, Supplier<Drills> drills, Supplier<StressController> stress,
             Duration requestTimeout) {
        this.recording = recording;
        this.drills = drills;
        this.stress = stress;
        // a user's journey (think times included) ends well within a request timeout plus a few seconds
        this.inFlight = requestTimeout.plusSeconds(5);
    }

    boolean admit() {
        Drills drilling = drills.get();
        if (drilling != null && drilling.admitsNoMore()) {
            return false;
        }
        StressController staircase = stress.get();
        return staircase == null || staircase.admit();
    }

    String stopReason() {
        String down = loadFailure();
        if (down != null) {
            return down;
        }
        Drills drilling = drills.get();
        if (drilling != null && drilling.stopsLoad(inFlight)) {
            return "the drill has ended";
        }
        StressController staircase = stress.get();
        return staircase == null ? null : staircase.stopReason();
    }

    void failedUser(long userId) {
        Drills drilling = drills.get();
        if (drilling != null) {
            drilling.failedUser(userId);
        }
    }

    String loadFailure() {
        Recording recorded = recording.get();
        return recorded == null ? null : recorded.downReason();
    }
}
