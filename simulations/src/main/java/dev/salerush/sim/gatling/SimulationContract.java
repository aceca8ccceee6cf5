package dev.salerush.sim.gatling;

import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.SimulationSettings;
import dev.salerush.sim.config.TargetSettings;
import io.gatling.javaapi.core.Simulation;

import java.lang.reflect.InvocationTargetException;

/**
 * What a simulation must give the suite, checked before a run starts: it is a {@link SalerushSimulation} that can be
 * created, and the suite knows its mean requests per virtual user (an override of
 * {@link SalerushSimulation#requestsPerUser()}, or {@code journeys.requestsPerUser} in conf).
 */
final class SimulationContract {
    private static final String BASE = SalerushSimulation.class.getName();

    private SimulationContract() {
    }

    /** The named class as a salerush simulation; one that is missing or of another kind is a {@link ConfigError}. */
    static Class<? extends SalerushSimulation> resolve(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigError("simulation: unknown class '" + className + "': it is not on the classpath (a"
                    + " subclass of " + BASE + " in this project's src/test/java; the built-in sale's simulation is in"
                    + " salerush's own repository only, not in the salerush-gatling jar)");
        }
        if (!SalerushSimulation.class.isAssignableFrom(type) || type.isInterface()
                || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            throw new ConfigError("simulation: " + className + " is not a concrete subclass of " + BASE
                    + ": a team simulation extends it to get the plan, profiles, exact figures and reports");
        }
        return type.asSubclass(SalerushSimulation.class);
    }

    /** Creates the named simulation (which starts its run); see {@link #resolve(String)}. */
    static Simulation instantiate(String className) {
        Class<? extends SalerushSimulation> type = resolve(className);
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ConfigError("simulation: " + className + " needs a public constructor without arguments");
        } catch (InstantiationException e) {
            throw new ConfigError("simulation: " + className + " cannot be created: " + e.getMessage());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("simulation " + className + " failed in its constructor", e.getCause());
        }
    }

    /** The suite must know the simulation's mean requests per user to turn relative rates into arriving users. */
    static void check(Class<? extends SalerushSimulation> type, SimulationSettings settings) {
        if (settings.requestsPerUser() <= 0 && !overridesRequestsPerUser(type)) {
            throw new ConfigError("journeys.requestsPerUser: " + type.getName() + " does not override requestsPerUser()"
                    + " and journeys.requestsPerUser is 0; set it to the mean requests one virtual user sends (> 0)"
                    + " or override requestsPerUser()");
        }
    }

    /**
     * A team's simulation drives the team's own service: with target.baseUrl empty it would be sent to the embedded
     * demo shop, which serves only the built-in sale's journeys.
     */
    static void checkTarget(Class<? extends SalerushSimulation> type, TargetSettings target, boolean shopJourneys) {
        if (target.embedded() && !shopJourneys) {
            throw new ConfigError("target.baseUrl is empty: " + type.getName() + " drives your own service, so set"
                    + " target.baseUrl to its URL (in salerush.conf, or -Dtarget.baseUrl=https://...); only the"
                    + " built-in sale runs against the embedded demo shop");
        }
    }

    private static boolean overridesRequestsPerUser(Class<?> type) {
        for (Class<?> c = type; c != null && c != SalerushSimulation.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("requestsPerUser");
                return true;
            } catch (NoSuchMethodException e) {
                // not declared here: look at the superclass
            }
        }
        return false;
    }
}
