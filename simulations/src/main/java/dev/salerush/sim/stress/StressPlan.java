package dev.salerush.sim.stress;

import dev.salerush.sim.config.Stairs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The staircase of one run, planned at its start: the linear steps, then — while the climb's bounds allow — steps
 * growing geometrically, then time at the top step's rate for the refinement probes. This is the most load the run
 * may offer at any moment: Gatling injects it, and the {@link StressController} lets through only the users the
 * current step or probe asks for. A run ends long before the plan does once the staircase breaks.
 *
 * @param steps       the planned steps, linear then climbing, in arriving users per second
 * @param probeTail   time after the last step kept for the probes (zero without refinement)
 * @param bound       why the plan has no further step (the staircase's step count, or the climb's rate or time bound)
 */
public record StressPlan(Stairs stairs, double requestsPerUser, List<PlannedStep> steps, Duration probeTail,
                         String bound) {

    /** One planned step: its index, arriving users per second and offered rps, and whether it is a climbing step. */
    public record PlannedStep(int index, double usersPerSec, double offeredRps, boolean climbing) {
    }

    /** Plans the staircase for a plan peak of {@code peakRps} and a journey of {@code requestsPerUser}. */
    public static StressPlan of(Stairs stairs, double peakRps, double requestsPerUser) {
        List<PlannedStep> steps = new ArrayList<>();
        for (int i = 0; i < stairs.steps(); i++) {
            double users = stairs.rate(i).usersPerSec(peakRps, requestsPerUser);
            steps.add(new PlannedStep(i, users, users * requestsPerUser, false));
        }
        // one probe more than needed: the last probe's final second may arrive after its planned end
        Duration tail = stairs.refine() == null ? Duration.ZERO
                : stairs.refine().hold().multipliedBy(stairs.refine().probes() + 1L);
        Stairs.Climb climb = stairs.climb();
        if (climb == null) {
            return new StressPlan(stairs, requestsPerUser, List.copyOf(steps), tail,
                    "the staircase's last step (stairs.steps = " + stairs.steps() + ", no climb)");
        }
        String bound;
        while (true) {
            PlannedStep top = steps.get(steps.size() - 1);
            double users = top.usersPerSec() * climb.factor();
            Duration length = stairs.hold().multipliedBy(steps.size() + 1).plus(tail);
            if (users * requestsPerUser > climb.maxRps()) {
                bound = String.format(java.util.Locale.ROOT, "the climb's rate bound (stairs.climb.maxRps = %.0f)",
                        climb.maxRps());
                break;
            }
            if (length.compareTo(climb.maxDuration()) > 0) {
                bound = "the climb's time bound (stairs.climb.maxDuration = " + climb.maxDuration().toSeconds() + " s)";
                break;
            }
            steps.add(new PlannedStep(steps.size(), users, users * requestsPerUser, true));
        }
        return new StressPlan(stairs, requestsPerUser, List.copyOf(steps), tail, bound);
    }

    /** This plan as one injector of several sees it: every step's rate times {@code fraction} (its share). */
    public StressPlan share(double fraction) {
        List<PlannedStep> shared = steps.stream().map(step -> new PlannedStep(step.index(), step.usersPerSec() * fraction,
                step.offeredRps() * fraction, step.climbing())).toList();
        return new StressPlan(stairs, requestsPerUser, shared, probeTail, bound);
    }

    /** The planned step at {@code elapsedMillis} into the measured staircase, or -1 once past the last step. */
    public int stepAt(long elapsedMillis) {
        long index = elapsedMillis / stairs.hold().toMillis();
        return elapsedMillis < 0 ? -1 : index < steps.size() ? (int) index : -1;
    }

    /** Arriving users per second the plan injects {@code elapsedMillis} into the measured staircase. */
    public double ceilingUsersPerSec(long elapsedMillis) {
        int step = stepAt(elapsedMillis);
        return step >= 0 ? steps.get(step).usersPerSec() : steps.get(steps.size() - 1).usersPerSec();
    }

    /** How long the measured staircase lasts at most: every planned step, then the probes' time. */
    public Duration length() {
        return stairs.hold().multipliedBy(steps.size()).plus(probeTail);
    }

    /** Milliseconds into the staircase at which the probes' tail begins (no step is planned after it). */
    public long tailStartMillis() {
        return stairs.hold().toMillis() * steps.size();
    }
}
