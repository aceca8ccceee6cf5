package dev.salerush.sim.stress;

import dev.salerush.sim.config.Slo;
import dev.salerush.sim.metrics.ExactRecorder;
import dev.salerush.sim.metrics.Numbers;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.StallDetector;
import dev.salerush.sim.server.ServerAggregate;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs a stress staircase as it goes, one second at a time. While climbing it attributes each second to its planned
 * step and judges the profile's SLOs on it; once they have been breached for the sustain window it either stops the
 * load or, with refinement, probes the bracket between the highest step that held and the one that failed, letting
 * through only the arriving users the probe asks for. It also ends the staircase when a step shows the injector, not
 * the target, was the bottleneck, or when the plan's bound is reached with the SLOs still met — and says which of
 * the three ended it. Before every probe it admits no one until the requests still in flight have been answered: a
 * target that was just overloaded has a queue, and a probe judged on that queue would fail for the wrong reason.
 * Memory is one histogram per step or probe and request name.
 */
public final class StressController implements ExactRecorder.IntervalListener, StallDetector.Listener {
    private static final Logger log = LoggerFactory.getLogger(StressController.class);

    /** What ended the staircase. */
    public enum Ending {
        /** The SLOs were breached for the sustain window (and the breaking point refined, where configured). */
        BREACH,
        /** A step showed that the load generator could not offer its rate. */
        INJECTOR,
        /** The plan's last step passed with the SLOs met: a bound in steps, rate or time ended the climb. */
        BOUND;

        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final StressPlan plan;
    private final List<Slo> slos;
    private final long loadStartMillis;
    private final int cores;
    private final double stallBoundMs;
    private final StepMeasurement[] steps;
    private final List<Probe> probes = new ArrayList<>();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private int breachedSeconds;
    private int currentStep = -1;
    private long lastCpuNanos = -1;
    private long lastWallNanos;
    private Refinement refinement;
    private String breachReason;
    private double admissionCredit;
    /** Requests sent and not yet answered, from the recorder's counts. */
    private long inFlight;
    private long drainingSinceMillis = -1;
    /** The injector's stalls (µs) reported since the last interval, for the step that interval belongs to. */
    private Histogram pendingStalls;
    // read by Gatling's threads for every arriving user: volatile, no lock
    private volatile boolean draining;
    private volatile Probe probe;
    private volatile String stopReason;
    private volatile Ending ending;

    /** One probe of the refinement: the rate it offers, when it starts, when its judged part starts and ends. */
    private record Probe(int number, double usersPerSec, double offeredRps, long startMillis, long judgedFromMillis,
                         long endMillis, StepMeasurement measured) {
    }

    /**
     * @param loadStartMillis when the measured staircase starts (after the warm-up)
     * @param cores           the cores the injector JVM may run on
     * @param stallBoundMs    a step behind its rate whose injector stalled longer than this is injector-bound
     */
    public StressController(StressPlan plan, List<Slo> slos, long loadStartMillis, int cores, double stallBoundMs) {
        this.plan = plan;
        this.slos = slos;
        this.loadStartMillis = loadStartMillis;
        this.cores = cores;
        this.stallBoundMs = stallBoundMs;
        this.steps = new StepMeasurement[plan.steps().size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new StepMeasurement();
        }
    }

    /** True once the staircase has ended: new users should not start. */
    public boolean shouldStop() {
        return stopReason != null;
    }

    public String stopReason() {
        return stopReason;
    }

    /** What ended the staircase, or null while it runs. */
    public Ending ending() {
        return ending;
    }

    /**
     * Whether an arriving user may start its journey. While climbing every user may: the plan injects the step's own
     * rate. During a probe the plan injects more than the probe asks for, so users are let through in the ratio
     * probe rate / injected rate, evenly (a running credit, not a coin toss).
     */
    public boolean admit() {
        if (draining || stopReason != null) {
            return false;
        }
        Probe current = probe;
        if (current == null) {
            return true;
        }
        double ceiling = plan.ceilingUsersPerSec(System.currentTimeMillis() - loadStartMillis);
        synchronized (this) {
            admissionCredit += Math.min(1, current.usersPerSec() / ceiling);
            if (admissionCredit >= 1) {
                admissionCredit -= 1;
                return true;
            }
            return false;
        }
    }

    /** The offered rps the staircase asks for at {@code nowMillis}: the current probe's, else the planned step's. */
    double offeredAt(long nowMillis) {
        Probe current = probe;
        return current != null ? current.offeredRps()
                : plan.ceilingUsersPerSec(nowMillis - loadStartMillis) * plan.requestsPerUser();
    }

    /** Offered rps of planned step {@code step}: its arriving users times the journey's mean requests per user. */
    public double offeredRps(int step) {
        return plan.steps().get(step).offeredRps();
    }

    /** The stall bound the injector-bound evidence uses, in ms. */
    public double stallBoundMs() {
        return stallBoundMs;
    }

    /** Keeps the injector's stalls until the next interval, which attributes them to its step or probe. */
    @Override
    public synchronized void onStalls(long startMillis, long endMillis, Histogram latenessMicros) {
        if (pendingStalls == null) {
            pendingStalls = StallDetector.newHistogram();
        }
        pendingStalls.add(latenessMicros);
    }

    @Override
    public synchronized void onInterval(long startMillis, long endMillis, Map<String, ExactRecorder.Interval> perRequest) {
        double cpu = processCpuCores();
        Histogram stalls = pendingStalls;
        pendingStalls = null;
        perRequest.values().forEach(interval -> inFlight += interval.sent() - interval.ok() - interval.ko());
        if (stopReason != null) {
            return;
        }
        double seconds = (endMillis - startMillis) / 1000.0;
        if (draining) {
            drainThenProbe(endMillis);
            return;
        }
        if (refinement != null) {
            onProbeInterval(startMillis, endMillis, perRequest, seconds, cpu, stalls);
            return;
        }
        long elapsed = (startMillis + endMillis) / 2 - loadStartMillis;
        if (elapsed < 0) {
            return;
        }
        int step = plan.stepAt(elapsed);
        if (step != currentStep && currentStep >= 0 && injectorBound(currentStep)) {
            return;
        }
        if (step < 0) {
            stop(Ending.BOUND, String.format(Locale.ROOT, "the staircase reached %s with its SLOs still met (up to"
                    + " %.1f rps offered): the target held every step", plan.bound(), offeredRps(steps.length - 1)));
            return;
        }
        currentStep = step;
        steps[step].add(startMillis, endMillis, perRequest, cpu, stalls);
        watchForBreach(step, perRequest, seconds, endMillis);
    }

    private void watchForBreach(int step, Map<String, ExactRecorder.Interval> perRequest, double seconds, long nowMillis) {
        List<SloResult> breached = breachedSlos(perRequest, seconds);
        breachedSeconds = breached.isEmpty() ? 0 : breachedSeconds + 1;
        if (breachedSeconds < plan.stairs().breachSustain().toSeconds()) {
            return;
        }
        SloResult slo = breached.get(0);
        String why = String.format(Locale.ROOT, "step %d (%.1f rps offered) breached the SLOs for %d s in a row (last:"
                + " %s %s > %s)", step, offeredRps(step), breachedSeconds, slo.name(), format(slo.actual()),
                format(slo.threshold()));
        refineOrStop(step, why, nowMillis);
    }

    /** The SLOs this one second breached (those measured at all), judged like a step. */
    private List<SloResult> breachedSlos(Map<String, ExactRecorder.Interval> perRequest, double seconds) {
        StepMeasurement second = new StepMeasurement();
        second.add(0, Math.round(seconds * 1000), perRequest, Double.NaN, null);
        return second.result(0, null, 0, slos, null).slo().stream()
                .filter(slo -> !slo.passed() && slo.actual() != null).toList();
    }

    /**
     * After a sustained breach in {@code step}: probe between the highest step that held (like every step below it)
     * and the first that did not, or stop when there is nothing to refine.
     */
    private void refineOrStop(int step, String why, long nowMillis) {
        List<StepResult> measured = stepResults(null);
        int held = StressAnalysis.highestHeld(measured);
        if (plan.stairs().refine() == null || held < 0 || held >= step) {
            stop(Ending.BREACH, "stopped: " + why);
            return;
        }
        breachReason = why;
        refinement = new Refinement(plan.stairs().refine(), measured.get(held).offeredRps(),
                measured.get(held + 1).offeredRps());
        log.info("{}; refining between {} and {} rps offered", why, format(refinement.passing()),
                format(refinement.failing()));
        drainThenProbe(nowMillis);
    }

    /**
     * Admits no one until the requests in flight have been answered (at most one probe's hold), then starts the next
     * probe.
     */
    private void drainThenProbe(long nowMillis) {
        if (!draining) {
            draining = true;
            drainingSinceMillis = nowMillis;
        }
        boolean timedOut = nowMillis - drainingSinceMillis >= plan.stairs().refine().hold().toMillis();
        if (inFlight > 0 && !timedOut) {
            return;
        }
        if (timedOut) {
            log.warn("{} requests still in flight after {} s of draining: the next probe starts anyway", inFlight,
                    plan.stairs().refine().hold().toSeconds());
        }
        draining = false;
        startProbe(nowMillis);
    }

    private void startProbe(long nowMillis) {
        double offered = refinement.nextProbeRps();
        var refine = plan.stairs().refine();
        probe = new Probe(refinement.probesRun() + 1, offered / plan.requestsPerUser(), offered, nowMillis,
                nowMillis + refine.settle().toMillis(), nowMillis + refine.hold().toMillis(), new StepMeasurement());
        log.info("probe {}: {} rps offered for {} s", probe.number(), format(offered), refine.hold().toSeconds());
    }

    private void onProbeInterval(long startMillis, long endMillis, Map<String, ExactRecorder.Interval> perRequest,
                                 double seconds, double cpu, Histogram stalls) {
        Probe current = probe;
        long middle = (startMillis + endMillis) / 2;
        if (middle >= current.judgedFromMillis() && middle < current.endMillis()) {
            current.measured().add(startMillis, endMillis, perRequest, cpu, stalls);
        }
        if (endMillis < current.endMillis()) {
            return;
        }
        probes.add(current);
        StepResult result = probeResult(current, null);
        boolean held = !current.measured().isEmpty() && result.held();
        refinement.record(current.offeredRps(), held);
        log.info("probe {}: {} rps offered {}", current.number(), format(current.offeredRps()), held ? "held" : "failed");
        if (refinement.done()) {
            stop(Ending.BREACH, String.format(Locale.ROOT, "stopped: %s; %d probe(s) refined the breaking point to"
                            + " between %s and %s rps offered", breachReason, refinement.probesRun(),
                    format(refinement.passing()), format(refinement.failing())));
        } else {
            drainThenProbe(endMillis);
        }
    }

    /** Checks the step that just ended; true (and stopped) when it shows the injector could not offer its rate. */
    private boolean injectorBound(int step) {
        List<String> evidence = StressAnalysis.injectorEvidence(List.of(stepResult(step, null)), cores,
                stallBoundMs);
        if (evidence.isEmpty()) {
            return false;
        }
        stop(Ending.INJECTOR, "stopped: the load generator, not the target, was the bottleneck (" + String.join("; ",
                evidence) + ")");
        return true;
    }

    private void stop(Ending why, String reason) {
        ending = why;
        stopReason = reason;
        log.info(reason);
    }

    /** The [highest passing, lowest failing] offered rps the refinement ended with, or null without refinement. */
    public synchronized double[] bracket() {
        return refinement == null ? null : new double[] {refinement.passing(), refinement.failing()};
    }

    /**
     * The steps that were measured, then the probes, with the server's figures over each one when {@code server} can
     * give them.
     */
    public synchronized List<StepResult> results(BiFunction<Long, Long, ServerAggregate> server) {
        List<StepResult> results = new ArrayList<>(stepResults(server));
        for (Probe done : probes) {
            results.add(probeResult(done, server));
        }
        return results;
    }

    private List<StepResult> stepResults(BiFunction<Long, Long, ServerAggregate> server) {
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < steps.length && !steps[i].isEmpty(); i++) {
            results.add(stepResult(i, server));
        }
        return results;
    }

    private StepResult stepResult(int step, BiFunction<Long, Long, ServerAggregate> server) {
        long hold = plan.stairs().hold().toMillis();
        long from = loadStartMillis + step * hold;
        return steps[step].result(step, null, offeredRps(step), slos, server == null ? null : server.apply(from, from + hold));
    }

    private StepResult probeResult(Probe done, BiFunction<Long, Long, ServerAggregate> server) {
        return done.measured().result(currentStep + done.number(), done.number(), done.offeredRps(), slos,
                server == null ? null : server.apply(done.judgedFromMillis(), done.endMillis()));
    }

    /**
     * The load generator JVM's CPU use since the previous interval, in cores (CPU time over wall time, so it is right
     * also when the JVM is confined to fewer cores than the machine has).
     */
    private double processCpuCores() {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        double cores = lastCpuNanos < 0 || cpu < 0 ? Double.NaN : (double) (cpu - lastCpuNanos) / (wall - lastWallNanos);
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return cores;
    }

    private static String format(Double value) {
        return value == null ? "n/a" : Numbers.fixed(value);
    }
}
