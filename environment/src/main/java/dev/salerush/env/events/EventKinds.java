package dev.salerush.env.events;

/**
 * The event kinds the environment writes. Other tools (the drills, the incident report) read these names: change them
 * only on purpose, together with {@code docs/run-folder.md}.
 */
public final class EventKinds {
    /** An operation began; {@code source} is the operation's name, {@code detail} its target and arguments. */
    public static final String OPERATION_STARTED = "operation.started";
    /** An operation finished as intended. */
    public static final String OPERATION_ENDED = "operation.ended";
    /** An operation gave up; {@code detail} says why. */
    public static final String OPERATION_FAILED = "operation.failed";
    /** One step inside an operation (drained, stopped, started, ready, promoted, ...). */
    public static final String OPERATION_STEP = "operation.step";
    /** The load balancer's view of a server changed ({@code UP}, {@code DOWN}, {@code DRAIN}, {@code MAINT}). */
    public static final String SERVER_STATE = "lb.server-state";
    /** A shop instance's circuit breaker around the payment gateway changed state. */
    public static final String BREAKER_STATE = "shop.breaker-state";
    /** A database node changed role (primary, standby, down). */
    public static final String DATABASE_ROLE = "db.role";
    /** A Prometheus alert started firing; {@code source} is the alert's name, {@code detail} channel and severity. */
    public static final String ALERT_FIRING = "alert.firing";
    /** A firing Prometheus alert is no longer active; {@code source} is its name. */
    public static final String ALERT_RESOLVED = "alert.resolved";
    /**
     * Alertmanager posted a notice; {@code source} is the receiver ({@code slack}), {@code detail} its title.
     * Heartbeats (the {@code watchdog} receiver) are not recorded: one every few seconds would drown the log.
     */
    public static final String NOTICE_POSTED = "notice.posted";

    private EventKinds() {
    }
}
