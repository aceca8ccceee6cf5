package dev.salerush.sim.run;

import dev.salerush.env.EnvironmentError;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.results.RunSummary;

import dev.salerush.sim.shard.ShardContract;
import dev.salerush.sim.shard.ShardSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalInt;

/**
 * The process's side of a run: the one place that prints to the console and decides the exit status. A run that
 * cannot start ends the JVM at once with one line; a run that started is closed at JVM exit (after Gatling's own
 * report, or on Ctrl-C), its summary printed, and its exact verdict made the exit status.
 */
public final class RunExit {
    /** Exit status of a run whose verdict is fail, like Gatling's own failed assertions. */
    public static final int EXIT_FAILURE = 2;
    /** Exit status for bad input and targets that cannot be reached or started: nothing was measured. */
    public static final int EXIT_NOT_RUN = 3;
    private static final Logger log = LoggerFactory.getLogger(RunExit.class);

    private RunExit() {
    }

    /**
     * Loads the configuration and starts a run of the named simulation; bad configuration or a target that cannot be
     * reached or started ends the JVM here with one clear message and exit status 3, before any load is sent.
     */
    public static SaleRun startOrExit(String simulation) {
        return startOrExit(simulation, false);
    }

    /**
     * As {@link #startOrExit(String)}, and sharded: a process given the shard variables (see ShardContract) runs its
     * share of the plan; with {@code shards} > 1 and no such variables this JVM becomes the local launcher, which runs
     * the shards as child JVMs, merges them and exits here with the merged verdict. On Gatling Enterprise, which
     * shards injection itself, neither applies.
     */
    public static SaleRun startOrExit(String simulation, boolean onGatlingEnterprise) {
        SuiteConfig config;
        ShardSettings shard;
        try {
            config = ConfigLoader.load();
            shard = ShardSettings.fromEnv(System.getenv(), onGatlingEnterprise, System.currentTimeMillis());
        } catch (ConfigError e) {
            throw notRun("configuration error: " + e.getMessage());
        }
        if (onGatlingEnterprise && (config.shards() > 1 || System.getenv(ShardContract.ENV_COUNT) != null)) {
            log.info("on Gatling Enterprise, which splits injection across its load generators: shards and {} ignored",
                    ShardContract.ENV_COUNT);
        } else if (config.shards() > 1 && !shard.sharded()) {
            int code;
            try {
                code = ShardLauncher.launch(config, simulation);
            } catch (ConfigError | EnvironmentError e) {
                throw notRun(e.getMessage());
            }
            System.exit(code);
        }
        SaleRun run = SaleRun.create(config, simulation, shard);
        // before anything starts, so Ctrl-C during the start stops what was started too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> atJvmExit(run), "salerush-run-exit"));
        try {
            run.startTarget();
        } catch (ConfigError | EnvironmentError e) {
            throw notRun(e.getMessage());
        }
        return run;
    }

    private static void atJvmExit(SaleRun run) {
        SaleRun.Closed closed = run.close();
        System.out.print(ConsoleReport.render(closed.summary(), closed.location()));
        System.out.flush();
        // halt, not exit: this runs inside a shutdown hook; a shard ends with the code its summary records
        if (closed.summary().shard() != null) {
            Runtime.getRuntime().halt(closed.summary().shard().exitCode());
        }
        status(closed.summary()).ifPresent(Runtime.getRuntime()::halt);
    }

    /**
     * The exit status a closed run imposes, or empty to keep the JVM's own. A run that measured something exits by
     * its exact verdict both ways: 2 when it failed (an interrupted run included), even where Gatling's approximate
     * assertions passed (or a target that went down left too few requests for them to fail), and 0 when it completed
     * and passed, even where Gatling's t-digest p95 exceeded an SLO the exact figures meet. A run that measured
     * nothing keeps the JVM's own status (3 for a run that could not start).
     */
    static OptionalInt status(RunSummary summary) {
        if (summary.global() == null) {
            return OptionalInt.empty();
        }
        if (summary.verdict() == Verdict.FAIL) {
            return OptionalInt.of(EXIT_FAILURE);
        }
        return summary.failure() == null ? OptionalInt.of(0) : OptionalInt.empty();
    }

    /**
     * Ends a run that must not send load after all (a shard that woke too late): its summary says why, and the JVM
     * exits 3 with one message.
     */
    public static IllegalStateException notRun(SaleRun run, String message) {
        run.finish("not started: " + message);
        return notRun(message);
    }

    private static IllegalStateException notRun(String message) {
        System.err.println("salerush: " + message);
        System.err.flush();
        System.exit(EXIT_NOT_RUN);
        return new IllegalStateException("unreachable");
    }
}
