package dev.salerush.sim.report.findings;

import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.stress.StepResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose document a run belongs to ({@code <simulation>@<host>}), and which runs count as smoke, load and stress. */
class FindingsKeyTest {
    private static final String SALE = "dev.salerush.sim.simulations.SaleSimulation";

    @Test
    void anExternalTargetIsItsHostWithoutThePort() {
        FindingsKey key = FindingsKey.of(run("load", "http://127.0.0.1:8080/shop", false)).orElseThrow();

        assertThat(key).isEqualTo(new FindingsKey(SALE, "127.0.0.1"));
        assertThat(key.folder()).isEqualTo("dev.salerush.sim.simulations.SaleSimulation@127.0.0.1");
        assertThat(FindingsKey.of(run("smoke", "https://Shop.Example.com", false)).orElseThrow().host())
                .isEqualTo("shop.example.com");
    }

    @Test
    void theEmbeddedEnvironmentIsOneHostWhateverPortItGot() {
        assertThat(FindingsKey.of(run("smoke", "http://127.0.0.1:41234", true)))
                .isEqualTo(FindingsKey.of(run("stress", "http://127.0.0.1:43355", true)))
                .hasValueSatisfying(key -> assertThat(key.host()).isEqualTo("embedded"));
    }

    @Test
    void aRunThatDoesNotSayItsSimulationOrHostHasNoDocument() {
        assertThat(FindingsKey.of(RunSummary.builder().profile("load")
                .target(new RunSummary.Target("http://127.0.0.1:8080")).build())).isEmpty();
        assertThat(FindingsKey.of(RunSummary.builder().simulation(SALE).profile("load").build())).isEmpty();
        assertThat(FindingsKey.of(run("load", "not a url", false))).isEmpty();
    }

    @Test
    void theFolderNameKeepsOnlyFileNameCharacters() {
        assertThat(new FindingsKey("com.team.Outer$Inner sim", "::1").folder()).isEqualTo("com.team.Outer-Inner-sim@-1");
    }

    @Test
    void aRunWithStressStepsIsAStressRunWhateverItsProfileIsCalled() {
        StepResult step = new StepResult(0, 100, 100, 100, 1L, 2L, 3L, 0, 6, true, List.of(), null, null, null, null,
                null);
        RunSummary calibration = RunSummary.builder().profile("calibration")
                .stress(new RunSummary.Stress(List.of(step), null, null, false, List.of(), null, "breach")).build();

        assertThat(RunKind.of(calibration)).contains(RunKind.STRESS);
        assertThat(RunKind.of(RunSummary.builder().profile("stress").build())).contains(RunKind.STRESS);
        assertThat(RunKind.of(RunSummary.builder().profile("smoke").build())).contains(RunKind.SMOKE);
        assertThat(RunKind.of(RunSummary.builder().profile("load").build())).contains(RunKind.LOAD);
        assertThat(RunKind.of(RunSummary.builder().profile("soak").build())).isEmpty();
        assertThat(RunKind.of(RunSummary.builder().build())).isEmpty();
    }

    private static RunSummary run(String profile, String url, boolean embedded) {
        return RunSummary.builder().simulation(SALE).profile(profile).target(new RunSummary.Target(url))
                .embedded(embedded).build();
    }
}
