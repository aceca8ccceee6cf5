package dev.salerush.sim.stress;

import dev.salerush.sim.config.Stairs;

/**
 * The bisection that narrows a breaking point after the first sustained breach: the bracket starts at [offered rate
 * of the highest step that held, offered rate of the step that breached]; each probe tries its middle, and a probe
 * that holds raises the lower end, one that fails lowers the upper end. It ends when the bracket is narrower than
 * {@code within} of its lower end or the probes are used up. Pure logic: the controller runs the probes.
 */
final class Refinement {
    private final Stairs.Refine settings;
    private double passing;
    private double failing;
    private int probesRun;

    Refinement(Stairs.Refine settings, double passingRps, double failingRps) {
        if (!(passingRps < failingRps)) {
            throw new IllegalArgumentException("a bracket needs passing < failing, got " + passingRps + " and " + failingRps);
        }
        this.settings = settings;
        this.passing = passingRps;
        this.failing = failingRps;
    }

    /** The offered rate of the next probe: the middle of the bracket. */
    double nextProbeRps() {
        return (passing + failing) / 2;
    }

    /** A probe at {@code offeredRps} held its SLOs, or did not. */
    void record(double offeredRps, boolean held) {
        probesRun++;
        if (held) {
            passing = Math.max(passing, offeredRps);
        } else {
            failing = Math.min(failing, offeredRps);
        }
    }

    boolean done() {
        return narrowEnough() || probesRun >= settings.probes();
    }

    boolean narrowEnough() {
        return (failing - passing) <= settings.within() * passing;
    }

    double passing() {
        return passing;
    }

    double failing() {
        return failing;
    }

    int probesRun() {
        return probesRun;
    }
}
