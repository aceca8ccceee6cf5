package dev.salerush.sim.report.findings;

import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepResult;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stress run's measured rates — the staircase's steps and the refinement probes — as the findings read them: by
 * offered load, with the rate that held last (the breaking point's step) and the lowest rate that failed (the upper
 * end of the breaking point's bracket), where the bottleneck's evidence is read.
 */
final class Staircase {
    private final RunSummary summary;
    private final List<StepResult> byOfferedLoad;

    private Staircase(RunSummary summary, List<StepResult> measured) {
        this.summary = summary;
        this.byOfferedLoad = measured.stream().sorted(Comparator.comparingDouble(StepResult::offeredRps)).toList();
    }

    /** The staircase of a stress run; empty when it measured no step. */
    static Optional<Staircase> of(RunSummary summary) {
        List<StepResult> measured = summary == null || summary.steps() == null ? List.of()
                : summary.steps().stream().filter(Objects::nonNull).toList();
        return measured.isEmpty() ? Optional.empty() : Optional.of(new Staircase(summary, measured));
    }

    RunSummary summary() {
        return summary;
    }

    /** Steps and probes, the lowest offered rate first: the load axis of the throughput curve. */
    List<StepResult> byOfferedLoad() {
        return byOfferedLoad;
    }

    /** The step or probe of that number (probes are numbered after the steps), if measured. */
    Optional<StepResult> step(Integer number) {
        return number == null ? Optional.empty()
                : byOfferedLoad.stream().filter(step -> step.step() == number).findFirst();
    }

    /** The rate the breaking point names: the highest that held. */
    Optional<StepResult> lastHeld() {
        BreakingPoint point = summary.breakingPoint();
        return point == null ? Optional.empty() : step(point.step());
    }

    /**
     * The lowest rate that did not hold: the one at the upper end of the breaking point's bracket, or else the lowest
     * offered rate that did not hold; empty when every rate held.
     */
    Optional<StepResult> firstFailed() {
        BreakingPoint point = summary.breakingPoint();
        if (point != null && point.bracket() != null && point.bracket().size() == 2 && point.bracket().get(1) != null) {
            double failed = point.bracket().get(1);
            Optional<StepResult> named = byOfferedLoad.stream().filter(step -> step.offeredRps() == failed).findFirst();
            if (named.isPresent()) {
                return named;
            }
        }
        return byOfferedLoad.stream().filter(step -> !step.held()).findFirst();
    }

    /** Where the bottleneck is read: the lowest rate that failed, or the highest measured when none did. */
    StepResult evidenceStep() {
        return firstFailed().orElse(byOfferedLoad.get(byOfferedLoad.size() - 1));
    }

    /** The rate just below the evidence step, to compare with: the last that held, else the one below it. */
    Optional<StepResult> below(StepResult step) {
        Optional<StepResult> held = lastHeld().filter(h -> h.offeredRps() < step.offeredRps());
        if (held.isPresent()) {
            return held;
        }
        int i = byOfferedLoad.indexOf(step);
        return i > 0 ? Optional.of(byOfferedLoad.get(i - 1)) : Optional.empty();
    }

    /** The first step or probe, by offered load. */
    StepResult lowest() {
        return byOfferedLoad.get(0);
    }

    StepResult highest() {
        return byOfferedLoad.get(byOfferedLoad.size() - 1);
    }
}
