package dev.salerush.sim.it;

/**
 * How the integration tests share the machine's two cores (failsafe runs them with JUnit's parallel execution,
 * configured in simulations/pom.xml). There are two lanes:
 * <ul>
 *   <li>the drills' game day ({@code DrillsIT}, {@code @Execution(CONCURRENT)}): most of its time is spent waiting for
 *   alert {@code for:} windows, notices, the responder's delay and recovery holds, so it runs beside the others;</li>
 *   <li>every other class, one after the other in the order of its {@code @Order} ({@link #BESIDE_THE_DRILLS} first,
 *   then {@link #ALONE}).</li>
 * </ul>
 * A class whose figures depend on having both cores to itself — exact percentiles, a calibrated breaking point, a
 * shard start skew in milliseconds, a deliberately starved injector — holds the {@link #WHOLE_MACHINE} lock, as does
 * the game day, so the two never overlap. Correctness checks (counts, integrity, exit codes, reports, detection by
 * HAProxy) do not depend on an idle core and run beside the drills.
 */
public final class ItLanes {
    /** The lock of the classes that must not share the machine with the game day. */
    public static final String WHOLE_MACHINE = "salerush.whole-machine";
    /** @Order of the classes that run beside the game day; the long ones first, so the lanes end together. */
    public static final int BESIDE_THE_DRILLS = 10;
    /** @Order of the classes that wait for the game day to end. */
    public static final int ALONE = 100;

    private ItLanes() {
    }
}
