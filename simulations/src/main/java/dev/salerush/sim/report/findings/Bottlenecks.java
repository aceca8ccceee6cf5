package dev.salerush.sim.report.findings;

import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.server.ServerAggregate;
import dev.salerush.sim.stress.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import static dev.salerush.sim.report.findings.Words.code;
import static dev.salerush.sim.report.findings.Words.number;
import static dev.salerush.sim.report.findings.Words.percentOf;
import static dev.salerush.sim.report.findings.Words.rps;

/**
 * The bottleneck's evidence at the rate where the target stopped holding ({@link Staircase#evidenceStep()}), beside
 * the rate that held below it, and the countermeasures that evidence calls for. A row says only what its figures
 * show: a figure not measured gives no row ({@link NotMeasured} lists it), and a figure that clears a suspect (a CPU
 * with room to spare, pools nobody waited on) is a row without a countermeasure.
 */
final class Bottlenecks {
    /** Server CPU at or above this share of its cores is saturated: more of it is the remedy. */
    static final double CPU_SATURATED = 0.8;
    /** Below this share the CPU is not what held the target back. */
    static final double CPU_IDLE = 0.5;
    /** At least this share of the database's sessions running a query: the database itself is busy. */
    static final double DB_BUSY = 0.8;
    /** Sending less than this share of the offered rate is falling behind (StressAnalysis' own bound). */
    static final double KEPT_UP = 0.95;

    /**
     * A row of the evidence table.
     *
     * @param kind how the page marks the reading: {@code fail} (a bottleneck), {@code warn}, {@code pass} (cleared)
     */
    record Finding(String id, String subject, String measured, String reading, String kind) {
    }

    /** A countermeasure and the measurement it answers. */
    record Countermeasure(String id, String measure, String basis) {
    }

    private final Staircase staircase;
    private final Words w;
    private final StepResult at;
    private final StepResult below;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Countermeasure> countermeasures = new ArrayList<>();

    private Bottlenecks(Staircase staircase, Words w) {
        this.staircase = staircase;
        this.w = w;
        this.at = staircase.evidenceStep();
        this.below = staircase.below(at).orElse(null);
    }

    static Bottlenecks of(Staircase staircase, Words w) {
        Bottlenecks b = new Bottlenecks(staircase, w);
        b.howItFailed();
        b.cpu();
        b.pools();
        b.database();
        b.injector();
        b.stalls();
        b.unmeasuredWaits();
        return b;
    }

    List<Finding> findings() {
        return findings;
    }

    List<Countermeasure> countermeasures() {
        return countermeasures;
    }

    /** The rate the evidence was read at. */
    StepResult at() {
        return at;
    }

    /** The rate it is compared with, or null. */
    StepResult below() {
        return below;
    }

    /** Which SLOs the first failed rate breached, and whether errors rose before latency. */
    private void howItFailed() {
        if (staircase.firstFailed().isEmpty()) {
            return;
        }
        List<SloResult> breached = at.slo() == null ? List.of()
                : at.slo().stream().filter(Objects::nonNull).filter(slo -> !slo.passed()).toList();
        List<String> measured = new ArrayList<>();
        breached.forEach(slo -> measured.add(slo.actual() == null ? w.get("measured.sloNotMeasured", code(slo.name()))
                : w.get("measured.slo", code(slo.name()), number(slo.actual(), 2), number(slo.threshold(), 2))));
        boolean shortfall = at.achievedShare() < KEPT_UP;
        if (shortfall) {
            measured.add(w.get("measured.shortfall", rps(at.sentRps()), rps(at.achievedRps()),
                    number(at.achievedShare() * 100, 1)));
        }
        boolean errors = breached.stream().anyMatch(Bottlenecks::isErrorSlo);
        boolean latency = breached.stream().anyMatch(slo -> !isErrorSlo(slo));
        String reading = errors && !latency ? "reading.errorsFirst" : latency ? "reading.latencyFirst"
                : shortfall ? "reading.shortfall" : "reading.breached";
        Finding finding = add("failure", w.get("subject.failure", w.step(at)),
                measured.isEmpty() ? w.get("measured.breached") : String.join("; ", measured), w.get(reading), "fail");
        if (errors && !latency) {
            List<String> failing = failingRequests(at);
            countermeasures.add(countermeasure("errors", failing.isEmpty() ? w.get("cm.errors")
                    : w.get("cm.errors.requests", String.join(", ", failing)), finding));
        }
    }

    private static boolean isErrorSlo(SloResult slo) {
        return "koPercent".equals(slo.metric());
    }

    /** The request names that failed in the step, from its counts (older summaries have none). */
    private static List<String> failingRequests(StepResult step) {
        if (step.counts() == null) {
            return List.of();
        }
        return step.counts().entrySet().stream().filter(e -> e.getValue() != null && e.getValue().ko() > 0)
                .map(e -> code(e.getKey())).sorted().toList();
    }

    private void cpu() {
        Double cpu = server(at, ServerAggregate::processCpuMean);
        if (cpu == null) {
            return;
        }
        Double before = below == null ? null : server(below, ServerAggregate::processCpuMean);
        String measured = before == null ? w.get("measured.cpu", percentOf(cpu), w.step(at))
                : w.get("measured.cpu.from", percentOf(before), w.step(below), percentOf(cpu), w.step(at));
        if (cpu >= CPU_SATURATED) {
            countermeasures.add(countermeasure("cpu", w.get("cm.cpu"),
                    add("cpu", w.get("subject.cpu"), measured, w.get("reading.cpu.saturated"), "fail")));
        } else {
            add("cpu", w.get("subject.cpu"), measured, w.get(cpu < CPU_IDLE ? "reading.cpu.idle" : "reading.cpu.busy"),
                    cpu < CPU_IDLE ? "pass" : "warn");
        }
    }

    private void pools() {
        Map<String, Double> pending = server(at, ServerAggregate::poolPendingMax);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        Map<String, Double> active = server(at, ServerAggregate::poolActiveMax);
        List<String> waited = new ArrayList<>();
        pending.forEach((pool, waiting) -> {
            Double inUse = active == null ? null : active.get(pool);
            if (waiting != null && waiting > 0) {
                waited.add(inUse == null ? w.get("measured.pool", code(pool), number(waiting, 0), firstWait(pool))
                        : w.get("measured.pool.active", code(pool), number(waiting, 0), firstWait(pool),
                        number(inUse, 0)));
            }
        });
        if (waited.isEmpty()) {
            add("pools", w.get("subject.pools"), w.get("measured.pool.none",
                    String.join(", ", pending.keySet().stream().map(Words::code).toList()), w.step(at)),
                    w.get("reading.pool.none"), "pass");
            return;
        }
        countermeasures.add(countermeasure("pools", w.get("cm.pools"), add("pools", w.get("subject.pools"),
                w.get("measured.at", w.step(at)) + " " + String.join("; ", waited), w.get("reading.pool.waits"),
                "fail")));
    }

    /** The first rate, by offered load, at which a thread waited for the pool. */
    private String firstWait(String pool) {
        return staircase.byOfferedLoad().stream().filter(step -> {
            Map<String, Double> pending = server(step, ServerAggregate::poolPendingMax);
            return pending != null && pending.get(pool) != null && pending.get(pool) > 0;
        }).findFirst().map(w::step).orElse(w.step(at));
    }

    private void database() {
        Double sessions = server(at, ServerAggregate::dbConnectionsMax);
        if (sessions == null) {
            return;
        }
        Double running = server(at, ServerAggregate::dbActiveMax);
        String measured = w.get("measured.db", number(sessions, 0), number(running, 0), w.step(at));
        if (running != null && sessions > 0 && running >= DB_BUSY * sessions) {
            countermeasures.add(countermeasure("database", w.get("cm.database"),
                    add("database", w.get("subject.database"), measured, w.get("reading.db.busy"), "fail")));
        } else {
            add("database", w.get("subject.database"), measured, w.get("reading.db.idle"), "pass");
        }
    }

    private void injector() {
        RunSummary summary = staircase.summary();
        if (Boolean.TRUE.equals(summary.injectorBound())) {
            List<String> evidence = summary.injectorEvidence() == null ? List.of()
                    : summary.injectorEvidence().stream().map(Words::code).toList();
            countermeasures.add(countermeasure("injector", w.get("cm.injector"), add("injector",
                    w.get("subject.injector"), evidence.isEmpty() ? w.get("measured.injectorBound")
                            : String.join("; ", evidence), w.get("reading.injector.bound"), "fail")));
            return;
        }
        Integer cores = summary.injector() == null ? null : summary.injector().cores();
        String measured = w.get("measured.injector", number(at.injectorCpu(), 2), number(cores, 0),
                rps(at.sentRps()), rps(at.offeredRps()), w.step(at));
        boolean kept = at.offeredRps() <= 0 || at.sentRps() >= KEPT_UP * at.offeredRps();
        add("injector", w.get("subject.injector"), measured,
                w.get(kept ? "reading.injector.kept" : "reading.injector.behind"), kept ? "pass" : "warn");
    }

    private void stalls() {
        InjectorHealth.Figures injector = staircase.summary().injector();
        if (injector == null || injector.stallMaxMs() == null) {
            return;
        }
        String measured = w.get("measured.stalls", number(injector.stallMaxMs(), 1), number(injector.stallP99Ms(), 1),
                number(injector.stallBoundMs(), 1));
        if (Boolean.TRUE.equals(injector.stalled())) {
            countermeasures.add(countermeasure("stalls", w.get("cm.stalls"),
                    add("stalls", w.get("subject.stalls"), measured, w.get("reading.stalls.over"), "fail")));
        } else {
            add("stalls", w.get("subject.stalls"), measured, w.get("reading.stalls.within"), "pass");
        }
    }

    /**
     * The target failed while every server figure measured had room: what held it back is a wait the suite does not
     * measure. Said only when CPU and pools were measured and cleared, and nothing else measured (database, injector,
     * errors before latency) explains it; the injector's stalls say how far to trust the percentiles, not what held
     * the target back.
     */
    private void unmeasuredWaits() {
        boolean explained = findings.stream().anyMatch(f -> f.kind().equals("fail") && !f.id().equals("failure")
                && !f.id().equals("stalls")) || countermeasures.stream().anyMatch(c -> c.id().equals("errors"));
        if (staircase.firstFailed().isEmpty() || explained) {
            return;
        }
        Optional<Finding> cpu = finding("cpu").filter(f -> f.kind().equals("pass"));
        Optional<Finding> pools = finding("pools").filter(f -> f.kind().equals("pass"));
        if (cpu.isPresent() && pools.isPresent()) {
            countermeasures.add(new Countermeasure("waits", w.get("cm.waits"), basis(cpu.get()) + "; "
                    + basis(pools.get())));
        }
    }

    private Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private Finding add(String id, String subject, String measured, String reading, String kind) {
        Finding finding = new Finding(id, subject, measured, reading, kind);
        findings.add(finding);
        return finding;
    }

    private Countermeasure countermeasure(String id, String measure, Finding basis) {
        return new Countermeasure(id, measure, basis(basis));
    }

    private String basis(Finding finding) {
        return w.get("basis", finding.subject(), finding.measured());
    }

    private static <T> T server(StepResult step, Function<ServerAggregate, T> figure) {
        return step.server() == null ? null : figure.apply(step.server());
    }
}
