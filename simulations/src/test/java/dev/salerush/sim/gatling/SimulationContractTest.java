package dev.salerush.sim.gatling;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.SimulationSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a simulation must give the suite, checked without starting anything (the classes are only loaded). */
class SimulationContractTest {

    /** Never instantiated: only its class is inspected. */
    abstract static class WithoutMean extends SalerushSimulation {
    }

    abstract static class WithMean extends SalerushSimulation {
        @Override
        protected double requestsPerUser() {
            return 3;
        }
    }

    abstract static class InheritsMean extends WithMean {
    }

    private static SimulationSettings settings(double requestsPerUser) {
        return new SimulationSettings("any", requestsPerUser, Map.of());
    }

    @Test
    void anUnknownClassIsNamedWithWhatIsExpected() {
        assertThatThrownBy(() -> SimulationContract.resolve("com.team.Missing"))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("simulation: unknown class 'com.team.Missing'")
                .hasMessageContaining(SalerushSimulation.class.getName());
    }

    @Test
    void aClassThatIsNoConcreteSalerushSimulationIsRefused() {
        assertThatThrownBy(() -> SimulationContract.resolve(String.class.getName()))
                .isInstanceOf(ConfigError.class).hasMessageContaining("is not a concrete subclass of");
        assertThatThrownBy(() -> SimulationContract.resolve(WithMean.class.getName()))
                .isInstanceOf(ConfigError.class).hasMessageContaining("is not a concrete subclass of");
    }

    @Test
    void theMeanRequestsPerUserComeFromAnOverrideOrFromConf() {
        assertThatThrownBy(() -> SimulationContract.check(WithoutMean.class, settings(0)))
                .isInstanceOf(ConfigError.class)
                .hasMessage("journeys.requestsPerUser: " + WithoutMean.class.getName() + " does not override "
                        + "requestsPerUser() and journeys.requestsPerUser is 0; set it to the mean requests one virtual"
                        + " user sends (> 0) or override requestsPerUser()");
        assertThatCode(() -> SimulationContract.check(WithoutMean.class, settings(2.5))).doesNotThrowAnyException();
        assertThatCode(() -> SimulationContract.check(WithMean.class, settings(0))).doesNotThrowAnyException();
        assertThatCode(() -> SimulationContract.check(InheritsMean.class, settings(0))).doesNotThrowAnyException();
    }

    @Test
    void anUnconfiguredFeederNamesTheConfiguredOnes() {
        SimulationSettings settings = new SimulationSettings("any", 1, Map.of("brands", java.nio.file.Path.of("/x.csv")));

        assertThat(settings.feederFile("brands")).isEqualTo(java.nio.file.Path.of("/x.csv"));
        assertThatThrownBy(() -> settings.feederFile("members"))
                .isInstanceOf(ConfigError.class).hasMessage("no feeder 'members' in ids.feeders; configured: brands");
    }
}
