package dev.salerush.sim.gatling;

import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.run.RunExit;
import io.gatling.core.scenario.SimulationParams;
import io.gatling.javaapi.core.Simulation;

/**
 * The simulation {@code ./mvnw gatling:test} starts by default: it runs the one the {@code simulation} key names (the
 * built-in sale, or a team's class), so a team selects its simulation in conf as well as with
 * {@code -Dgatling.simulationClass}. An unknown class, or one that is no {@link SalerushSimulation}, ends the JVM with
 * one line and exit status 3 before anything is written.
 */
public class ConfiguredSimulation extends Simulation {
    private final Simulation selected = RunExit.beforeAnyRun(
            () -> SimulationContract.instantiate(ConfigLoader.load().simulation().className()));

    /** Gatling reads the populations, protocols and assertions the selected simulation set up. */
    @Override
    public SimulationParams params(String simulationName) {
        return selected.params(simulationName);
    }

    @Override
    public void before() {
        selected.before();
    }

    @Override
    public void after() {
        selected.after();
    }
}
