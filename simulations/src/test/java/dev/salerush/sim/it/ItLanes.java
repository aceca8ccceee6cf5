package dev.salerush.sim.it;

/**
 * How the integration tests share the machine's two cores (failsafe runs them with JUnit's parallel execution,
 * configured in the root pom). Three groups, each class in one:
 * <ul>
 *   <li><b>Lane one</b> ({@code @Order(LANE_ONE + n)}): JUnit's own thread runs these one after another.</li>
 *   <li><b>Lane two</b> ({@code @Order(LANE_TWO + n)}, {@code @Execution(CONCURRENT)}, {@code @ResourceLock(LANE_TWO_LOCK)}):
 *   a second thread runs these one after another, beside lane one — first the drills' game day, which spends most of
 *   its time waiting for alert {@code for:} windows, notices, the responder's delay and recovery holds, then classes
 *   whose checks are counts, integrity, exit codes and reports, which an idle core does not change. The lock keeps
 *   them one at a time and away from the classes that run alone.</li>
 *   <li><b>Alone</b> ({@code @Order(ALONE + n)}, {@code @ResourceLock(LANE_TWO_LOCK)}): classes whose figures depend on having
 *   both cores — exact percentiles, a calibrated breaking point, a deliberately starved injector (beside a busy core
 *   its evidence changes from CPU to stalls). They come after lane
 *   one and take lane two's lock, so nothing runs beside them. A single case can do the same: {@code ShardedRunIT}, lane
 *   one's last class, holds the lock only for its start-skew case (milliseconds), which it runs last.</li>
 * </ul>
 * The lanes are sized so that they end at about the same time; the "IT wall times" table at the end of {@code verify}
 * shows each class's time.
 */
public final class ItLanes {
    /** The lock every class of lane two and every class that runs alone holds. */
    public static final String LANE_TWO_LOCK = "salerush.lane-two";
    /** @Order of lane two's classes, in the order the second thread takes them. */
    public static final int LANE_TWO = 10;
    /** @Order of lane one's classes. */
    public static final int LANE_ONE = 50;
    /** @Order of the classes that run alone, after lane one. */
    public static final int ALONE = 100;

    private ItLanes() {
    }
}
