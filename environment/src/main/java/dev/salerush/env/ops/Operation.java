package dev.salerush.env.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The operations the embedded sale environment can perform while load runs (the single topology: the gateway's, and a
 * crash and restart of its one shop; the redundant one: all of them). Each name is fixed: schedules, drills and
 * documents refer to it.
 */
public enum Operation {
    /** SIGKILL one shop instance (argument: its name; default the first running one). */
    KILL_INSTANCE("kill-instance", Argument.INSTANCE),
    /** Start a killed or stopped instance again, same version, same port. */
    RESTART_INSTANCE("restart-instance", Argument.INSTANCE),
    /** Drain, stop and start a fresh process in its place (replacing the equipment). */
    REPLACE_INSTANCE("replace-instance", Argument.INSTANCE),
    /** Start one more instance and add it to the load balancer through its runtime API. */
    SCALE_OUT("scale-out", Argument.NONE),
    /** Per instance: drain, wait for its sessions to end, stop, start the new version, ready with slow start. */
    ROLLING_DEPLOY("rolling-deploy", Argument.VERSION),
    /** The same back to the version before the last rolling deploy. */
    ROLLBACK("rollback", Argument.NONE),
    /** Immediate stop of the database primary (a crash: no checkpoint, connections cut). */
    CRASH_PRIMARY("crash-primary", Argument.NONE),
    /** Fence the old primary (crash it if it still runs) and promote the standby. */
    FAILOVER("failover", Argument.NONE),
    /** Without a standby: start the crashed primary again in place (crash recovery replays its WAL). */
    RESTART_PRIMARY("restart-primary", Argument.NONE),
    /** Hold row locks on the sale's hot products for a while, so orders on them queue and the order pool runs dry. */
    LOCK_HOT_ROWS("lock-hot-rows", Argument.DURATION, true),
    /** A running lock-hot-rows lets go of its locks now (the stuck job's session is ended). */
    RELEASE_LOCKS("release-locks", Argument.NONE),
    /** The payment gateway answers this HTTP status to every payment. */
    GATEWAY_ERRORS("gateway-errors", Argument.STATUS),
    /** The payment gateway answers every payment after this delay. */
    GATEWAY_DELAY("gateway-delay", Argument.DURATION),
    /** The payment gateway works normally again. */
    GATEWAY_RECOVER("gateway-recover", Argument.NONE);

    /** What an operation takes after its name. */
    public enum Argument {
        NONE(""), INSTANCE("[instance, e.g. shop-1]"), VERSION(ShopVersion.FORM),
        DURATION("<duration>, e.g. 10s"), STATUS("<http status>, e.g. 500");

        private final String form;

        Argument(String form) {
            this.form = form;
        }

        public String form() {
            return form;
        }
    }

    private final String configName;
    private final Argument argument;
    private final boolean holds;

    Operation(String configName, Argument argument) {
        this(configName, argument, false);
    }

    Operation(String configName, Argument argument, boolean holds) {
        this.configName = configName;
        this.argument = argument;
        this.holds = holds;
    }

    /**
     * Whether the fault lasts while the operation runs and ends with it (a held lock ends when its time is up):
     * its end, unless something else ended it first, is the fault ending by itself. Any other operation leaves its
     * fault in place when it returns (a killed instance stays dead; a rolling deploy's end is the fault complete).
     */
    public boolean holds() {
        return holds;
    }

    public String configName() {
        return configName;
    }

    public Argument argument() {
        return argument;
    }

    public static Optional<Operation> named(String name) {
        return Arrays.stream(values()).filter(op -> op.configName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Operation::configName).toList();
    }
}
