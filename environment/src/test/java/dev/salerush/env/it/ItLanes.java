package dev.salerush.env.it;

/**
 * How this module's integration tests share the two cores (JUnit's parallel execution, configured for failsafe in the
 * root pom), as in the simulations module: lane one ({@code @Order(LANE_ONE + n)}) runs on JUnit's own thread, one
 * class after another; lane two ({@code @Order(LANE_TWO + n)}, {@code @Execution(CONCURRENT)},
 * {@code @ResourceLock(LANE_TWO_LOCK)}) on a second thread beside it — the alerting stack's test, which mostly waits
 * for alerts, notices and heartbeats, then the database pair's, then the process launchers'. A class that needs the machine to itself would run
 * alone ({@code @Order(ALONE + n)}, {@code @ResourceLock(LANE_TWO_LOCK)}), after lane one and never beside lane two;
 * none does today (the resilience test's browsing bound, 100 ms against a healthy ~10 ms, holds beside lane two).
 */
public final class ItLanes {
    /** The lock every class of lane two and every class that runs alone holds. */
    public static final String LANE_TWO_LOCK = "salerush.env.lane-two";
    /** @Order of lane two's classes, in the order the second thread takes them. */
    public static final int LANE_TWO = 10;
    /** @Order of lane one's classes. */
    public static final int LANE_ONE = 50;
    /** @Order of the classes that run alone, after lane one. */
    public static final int ALONE = 100;

    private ItLanes() {
    }
}
