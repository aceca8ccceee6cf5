package dev.salerush.env.it;

/**
 * How this module's integration tests share the two cores (JUnit's parallel execution, configured for failsafe in the
 * root pom): {@code AlertingStackIT}, which mostly waits for alerts, notices and heartbeats, runs beside the others;
 * they run one after another in the order of their {@code @Order}. A class that measures latency holds the
 * {@link #WHOLE_MACHINE} lock with it, so the two never overlap, and runs last.
 */
public final class ItLanes {
    /** The lock of the classes that must not share the machine with the alerting stack's test. */
    public static final String WHOLE_MACHINE = "salerush.env.whole-machine";
    /** @Order of the classes that run beside the alerting stack's test. */
    public static final int BESIDE = 10;
    /** @Order of the classes that wait for it to end. */
    public static final int ALONE = 100;

    private ItLanes() {
    }
}
