package dev.salerush.seeder.process;

import java.util.List;
import java.util.Map;

/**
 * Marks every process the suite starts as the suite's: the environment variable {@value #MARK}{@code =1}, which
 * every descendant inherits (PostgreSQL's backends, HAProxy's workers, the children of a drill step's command), so
 * that {@code .ci/suite-processes} finds what a run left behind without ever matching a machine's own HAProxy,
 * Prometheus or PostgreSQL. Every launcher of every module builds its processes here (an architecture test checks);
 * data-seeder is the lowest module, so all of them see it.
 *
 * <p>Two starts are not the suite's ProcessBuilders. The Gatling Maven plugin forks its JVM with Maven's environment
 * and takes none to add: that JVM carries the mark on its command line instead ({@code -DSALERUSH_SUITE_PROCESS=1},
 * simulations/pom.xml). zonky's embedded PostgreSQL lets no environment be set either: its server inherits the mark
 * from the JVM that starts it when that JVM has it in its environment, and its command line always names its
 * {@code salerush-pg-} data directory. {@code .ci/suite-processes} looks for both.
 */
public final class SuiteProcesses {

    /** The environment variable that marks a process (and its descendants) as started by the suite. */
    public static final String MARK = "SALERUSH_SUITE_PROCESS";
    private static final String MARKED = "1";

    private SuiteProcesses() {
    }

    /** A process builder for {@code command}, marked as the suite's. */
    public static ProcessBuilder builder(List<String> command) {
        return mark(new ProcessBuilder(command));
    }

    /** A process builder for {@code command}, marked as the suite's. */
    public static ProcessBuilder builder(String... command) {
        return builder(List.of(command));
    }

    /** Marks {@code builder}'s process as the suite's; returns it. */
    public static ProcessBuilder mark(ProcessBuilder builder) {
        builder.environment().put(MARK, MARKED);
        return builder;
    }

    /** Whether an environment (a process's, or a builder's) carries the mark. */
    public static boolean isMarked(Map<String, String> environment) {
        return MARKED.equals(environment.get(MARK));
    }
}
