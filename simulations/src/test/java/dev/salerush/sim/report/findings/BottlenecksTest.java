package dev.salerush.sim.report.findings;

import dev.salerush.sim.config.ReportLocale;
import dev.salerush.sim.config.ReportSettings;
import dev.salerush.sim.metrics.InjectorHealth;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.server.ServerAggregate;
import dev.salerush.sim.stress.BreakingPoint;
import dev.salerush.sim.stress.StepResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bottleneck's evidence is read at the first rate that failed, and each countermeasure answers a figure of it:
 * a saturated CPU, pool waits, a busy database, errors before latency, an injector that was the limit; figures that
 * clear a suspect give no countermeasure, and a figure not measured is listed as such.
 */
class BottlenecksTest {
    private static final Words EN = new Words(ReportSettings.of(ReportLocale.EN));
    private static final SloResult P95_MET = new SloResult("p95", "p95Ms", null, 100, 40.0, true, null);
    private static final SloResult P95_MISSED = new SloResult("p95", "p95Ms", null, 100, 250.0, false, null);
    private static final SloResult ERRORS_MISSED = new SloResult("errors", "koPercent", null, 1, 4.2, false, null);

    @Test
    void aSaturatedCpuAtTheFailedStepCallsForScalingOutAndProfiling() {
        Bottlenecks b = of(staircase(server(0.62, 0.0, null, null), server(0.93, 0.0, null, null), P95_MISSED));

        assertThat(b.at().step()).isEqualTo(1);
        assertThat(b.below().step()).isZero();
        assertThat(finding(b, "cpu").measured()).isEqualTo("62 % (step 0) → 93 % (step 1), process mean");
        assertThat(finding(b, "cpu").kind()).isEqualTo("fail");
        assertThat(finding(b, "failure").reading()).isEqualTo(EN.get("reading.latencyFirst"));
        assertThat(ids(b)).containsExactly("cpu");
        assertThat(b.countermeasures().get(0).basis()).contains("93 %");
    }

    @Test
    void poolWaitsCallForShorterQueriesBeforeABiggerPool() {
        Bottlenecks b = of(staircase(server(0.3, 1.0, null, null), server(0.35, 40.0, null, null), P95_MISSED));

        assertThat(finding(b, "pools").measured()).isEqualTo("step 1: `main`: up to 40 waiting (from step 0), up to"
                + " 10 in use");
        assertThat(finding(b, "cpu").kind()).isEqualTo("pass");
        assertThat(ids(b)).containsExactly("pools");
    }

    @Test
    void aBusyDatabaseCallsForItsQueriesNotMoreConnections() {
        Bottlenecks b = of(staircase(server(0.3, 0.0, 20.0, 4.0), server(0.4, 0.0, 20.0, 18.0), P95_MISSED));

        assertThat(finding(b, "database").measured()).isEqualTo("up to 20 sessions, up to 18 of them running a query"
                + " (step 1)");
        assertThat(ids(b)).containsExactly("database");
    }

    @Test
    void errorsBeforeLatencyCallForTheFailingDependencyNamingTheRequestsThatFailed() {
        StepResult failed = new StepResult(1, 200, 200, 190, 5L, 40L, 60L, 4.2, 6, false, List.of(P95_MET,
                ERRORS_MISSED), 0.2, server(0.4, 0.0, null, null), null, null, null, null, null, Map.of(
                "place order", new StepResult.Counts(90, 10, 100), "list products", new StepResult.Counts(100, 0, 100)));
        Bottlenecks b = of(summary(List.of(step(0, 100, server(0.3, 0.0, null, null), P95_MET), failed), null));

        assertThat(finding(b, "failure").measured()).isEqualTo("SLO `errors` measured 4.2 against 1");
        assertThat(finding(b, "failure").reading()).isEqualTo("errors rose before latency did");
        assertThat(ids(b)).containsExactly("errors");
        assertThat(b.countermeasures().get(0).measure()).contains("(`place order`)").doesNotContain("list products");
    }

    @Test
    void anInjectorBoundRunCallsForMoreInjectorsBeforeTrustingAnyBreakingPoint() {
        RunSummary summary = summary(List.of(step(0, 100, null, P95_MET), step(1, 200, null, P95_MISSED)), null)
                .toBuilder().stress(new RunSummary.Stress(List.of(step(0, 100, null, P95_MET),
                        step(1, 200, null, P95_MISSED)), new BreakingPoint(null, null, "not reported: ..."), null,
                        true, List.of("step 1: the injector sent 150.0 of 200.0 offered rps while using 1.90 of 2"
                        + " cores"), null, "injector")).build();
        Staircase staircase = Staircase.of(summary).orElseThrow();
        Bottlenecks b = Bottlenecks.of(staircase, EN);

        assertThat(finding(b, "injector").measured()).isEqualTo("`step 1: the injector sent 150.0 of 200.0 offered"
                + " rps while using 1.90 of 2 cores`");
        assertThat(ids(b)).containsExactly("injector");
        assertThat(NotMeasured.of(runs(), staircase, EN)).contains(EN.get("nm.breakingPoint.injector"),
                EN.get("nm.server"));
    }

    @Test
    void cpuAndPoolsWithRoomToSpareOnAFailedStepPointAtTheWaitsNotMeasured() {
        Bottlenecks b = of(staircase(server(0.2, 0.0, null, null), server(0.25, 0.0, null, null), P95_MISSED));

        assertThat(ids(b)).containsExactly("waits");
        assertThat(b.countermeasures().get(0).basis()).contains("25 %", "nobody waited");
    }

    @Test
    void withoutServerMetricsNoCountermeasureIsMadeUpAndTheGapIsListed() {
        Staircase staircase = staircase(null, null, P95_MISSED);
        Bottlenecks b = Bottlenecks.of(staircase, EN);

        assertThat(b.findings()).extracting(Bottlenecks.Finding::id).containsExactly("failure", "injector");
        assertThat(b.countermeasures()).isEmpty();
        assertThat(NotMeasured.of(runs(), staircase, EN)).contains(EN.get("nm.server"));
    }

    @Test
    void whenEveryRateHeldTheEvidenceIsTheHighestAndTheBreakingPointIsOnlyALowerBound() {
        StepResult held = step(1, 200, server(0.5, 0.0, null, null), P95_MET);
        RunSummary summary = summary(List.of(step(0, 100, server(0.3, 0.0, null, null), P95_MET), held),
                new BreakingPoint(200.0, 1, "step 1 ...; no rate failed"));
        Staircase staircase = Staircase.of(summary).orElseThrow();
        Bottlenecks b = Bottlenecks.of(staircase, EN);

        assertThat(b.at()).isEqualTo(held);
        assertThat(b.findings()).extracting(Bottlenecks.Finding::id).doesNotContain("failure");
        assertThat(b.countermeasures()).isEmpty();
        assertThat(NotMeasured.of(runs(), staircase, EN)).contains(EN.get("nm.breakingPoint.above", "200"));
    }

    private static Bottlenecks of(Staircase staircase) {
        return Bottlenecks.of(staircase, EN);
    }

    private static Bottlenecks of(RunSummary summary) {
        return Bottlenecks.of(Staircase.of(summary).orElseThrow(), EN);
    }

    /** Two steps: 100 rps offered held, 200 rps did not (by {@code missed}). */
    private static Staircase staircase(ServerAggregate held, ServerAggregate failed, SloResult missed) {
        return Staircase.of(summary(List.of(step(0, 100, held, P95_MET), step(1, 200, failed, missed)),
                new BreakingPoint(99.0, 0, "step 0 ...", List.of(100.0, 200.0)))).orElseThrow();
    }

    private static StepResult step(int number, double offered, ServerAggregate server, SloResult slo) {
        return new StepResult(number, offered, offered, slo.passed() ? offered : offered * 0.97, 5L,
                slo.metric().equals("p95Ms") ? slo.actual().longValue() : 40L, 90L, slo.passed() ? 0 : 0.1, 6,
                slo.passed(), List.of(slo), 0.3, server, null, null, null);
    }

    private static RunSummary summary(List<StepResult> steps, BreakingPoint point) {
        return RunSummary.builder().simulation("com.team.Shop").profile("stress")
                .injector(new InjectorHealth.Figures(2, 0.3, 1, 1, 1, null, null, null, null, null))
                .stress(new RunSummary.Stress(steps, point, null, false, List.of(), null, "breach")).build();
    }

    private static ServerAggregate server(double cpu, double pending, Double sessions, Double running) {
        return new ServerAggregate(6, cpu, cpu, null, null, null, Map.of("main", 10.0), Map.of("main", pending), null,
                sessions, running);
    }

    private static FindingsRuns runs() {
        return new FindingsRuns(new FindingsKey("com.team.Shop", "127.0.0.1"), Map.of());
    }

    private static Bottlenecks.Finding finding(Bottlenecks b, String id) {
        return b.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no finding " + id + " in " + b.findings()));
    }

    private static List<String> ids(Bottlenecks b) {
        return b.countermeasures().stream().map(Bottlenecks.Countermeasure::id).toList();
    }
}
