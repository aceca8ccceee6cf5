package dev.salerush.sim.run;

import dev.salerush.sim.config.Profile;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.metrics.RecordedRun;
import dev.salerush.sim.metrics.SloEvaluator;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.plan.TrafficPlan;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.server.ServerMetricsScraper;
import dev.salerush.sim.stress.StepResult;
import dev.salerush.sim.stress.StressAnalysis;
import dev.salerush.sim.stress.StressController;

import java.util.List;
import java.util.Locale;

/**
 * Judges a finished run. A normal profile passes when every SLO holds on the exact figures. A stress staircase is
 * meant to break: its SLOs are judged per step to find the breaking point, and the run passes when that point is at
 * least the plan's peak rps times the required headroom.
 */
final class RunJudge {
    static final String CAPACITY_METRIC = "breakingPointRps";

    record Judgement(List<SloResult> slos, RunSummary.Stress stress, boolean passed) {
    }

    private RunJudge() {
    }

    static Judgement judge(Profile profile, TrafficPlan plan, RecordedRun recorded, StressController stress,
                           ServerMetricsScraper server, String failure) {
        if (recorded == null) {
            return new Judgement(List.of(), RunSummary.Stress.NONE, false);
        }
        if (stress == null) {
            List<SloResult> slos = SloEvaluator.evaluate(profile.slos(), recorded);
            return new Judgement(slos, RunSummary.Stress.NONE, failure == null && slos.stream().allMatch(SloResult::passed));
        }
        List<StepResult> steps = stress.results(server == null ? null : server::aggregate);
        // the cores this JVM may run on (the JVM honours CPU affinity and container limits)
        StressAnalysis.Result analysis = StressAnalysis.analyse(steps, Runtime.getRuntime().availableProcessors(),
                stress.stallBoundMs(), stress.stopReason());
        SloResult capacity = capacity(profile, plan, analysis);
        RunSummary.Stress found = new RunSummary.Stress(steps, analysis.breakingPoint(), analysis.knee(),
                analysis.injectorBound(), analysis.evidence(), stress.stopReason(),
                stress.ending() == null ? null : stress.ending().key());
        return new Judgement(List.of(capacity), found, failure == null && capacity.passed());
    }

    /** The stress SLO: breaking point >= peak rps x headroom, so a nightly run fails when capacity regresses. */
    static SloResult capacity(Profile profile, TrafficPlan plan, StressAnalysis.Result analysis) {
        double required = Math.round(plan.peakRps() * profile.stairs().headroom() * 10) / 10.0;
        String name = String.format(Locale.ROOT, "capacity >= %s x peak", Numbers.shortest(profile.stairs().headroom()));
        Double actual = analysis.breakingPoint().rps();
        if (actual == null) {
            return new SloResult(name, CAPACITY_METRIC, null, required, null, false, analysis.breakingPoint().reason());
        }
        return new SloResult(name, CAPACITY_METRIC, null, required, actual, actual >= required, null);
    }
}
