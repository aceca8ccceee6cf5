package dev.salerush.sim.run;

import dev.salerush.env.EnvironmentError;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.drills.Drills;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SloSource;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.report.Reports;
import dev.salerush.sim.report.plan.PlanPages;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunSummary;

import dev.salerush.sim.shard.ShardContract;
import dev.salerush.sim.shard.ShardSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
     * {@code contract} checks, before the run folder exists, that the configuration and the simulation together give
     * the suite what it needs (it throws a {@link ConfigError} otherwise); {@code shopJourneys} says whether the
     * simulation drives the demo shop's journeys, whose orders the suite can check.
     */
    public static SaleRun startOrExit(String simulation, boolean shopJourneys, Consumer<SuiteConfig> contract,
                                      boolean onGatlingEnterprise) {
        SuiteConfig config = beforeAnyRun(() -> {
            SuiteConfig loaded = ConfigLoader.load();
            contract.accept(loaded);
            return loaded;
        });
        if (config.planOnly()) {
            planOnly(config, simulation, shopJourneys);
        }
        if (config.sloSource().warnsFor(config.target())) {
            log.warn("{}", SloSource.DEMO_WARNING);
        }
        if (config.comparesMitigations()) {
            int code;
            try {
                code = CompareLauncher.launch(config, simulation);
            } catch (ConfigError e) {
                throw notRun("configuration error: " + e.getMessage());
            } catch (EnvironmentError e) {
                throw notRun(e.getMessage());
            }
            System.exit(code);
        }
        if (config.drills().active()) {
            preflight(config);
        }
        ShardSettings shard = beforeAnyRun(() -> ShardSettings.fromEnv(System.getenv(), onGatlingEnterprise,
                System.currentTimeMillis()));
        if (onGatlingEnterprise && (config.shards() > 1 || System.getenv(ShardContract.ENV_COUNT) != null)) {
            log.info("on Gatling Enterprise, which splits injection across its load generators: shards and {} ignored",
                    ShardContract.ENV_COUNT);
        } else if (config.shards() > 1 && !shard.sharded()) {
            int code;
            try {
                code = ShardLauncher.launch(config, simulation, shopJourneys);
            } catch (ConfigError | EnvironmentError e) {
                throw notRun(e.getMessage());
            }
            System.exit(code);
        }
        SaleRun run = SaleRun.create(config, simulation, shopJourneys, shard);
        // before anything starts, so Ctrl-C during the start stops what was started too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> atJvmExit(run), "salerush-run-exit"));
        try {
            run.startTarget();
        } catch (ConfigError | EnvironmentError e) {
            throw notRun(e.getMessage());
        }
        return run;
    }

    /**
     * {@code plan.only = true}: writes the test plan into {@code results/plans/<profile>/}, refreshes the results index
     * that links it, prints where it is and ends the JVM with exit status 0 — before a run folder, a shard or a target
     * exists, so nothing is started and no load is sent. A plan that cannot be written is one line and exit 3.
     */
    private static void planOnly(SuiteConfig config, String simulation, boolean shopJourneys) {
        Path page;
        try {
            page = PlanPages.writeAlone(config, simulation, shopJourneys);
            Reports.writeIndex(config.resultsDir(), config.report());
        } catch (RuntimeException e) {
            throw notRun("could not write the test plan: " + e.getMessage());
        }
        System.out.println("plan.only = true: test plan written to " + page + " and "
                + page.resolveSibling(RunFiles.PLAN_MARKDOWN) + "; nothing started, no load sent");
        System.out.flush();
        System.exit(0);
    }

    /**
     * The drills' checks before any fault: prints what they found; refuses the run (exit 3, a line per problem) when a
     * check failed, and ends it (exit 0, nothing injected, no load) when {@code drills.preflight = true} asked only for
     * them.
     */
    private static void preflight(SuiteConfig config) {
        Drills.Checked checked = Drills.preflight(config);
        checked.lines().forEach(System.out::println);
        System.out.flush();
        List<String> problems = checked.problems();
        if (problems.size() == 1) {
            throw notRun(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw notRun("preflight refused the drills (" + problems.size() + " problems):\n  "
                    + String.join("\n  ", problems));
        }
        if (config.drills().preflightOnly()) {
            System.out.println("drills.preflight = true: nothing injected, no load sent");
            System.out.flush();
            System.exit(0);
        }
    }

    /**
     * A step before any run exists (loading or selecting what to run): a {@link ConfigError} ends the JVM with one line
     * and exit status 3, before anything is written or any load sent.
     */
    public static <T> T beforeAnyRun(Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigError e) {
            throw notRun("configuration error: " + e.getMessage());
        }
    }

    /**
     * A step of a started run before its load (a simulation asking for its ids): a {@link ConfigError} or
     * {@link EnvironmentError} finishes the run as one that could not start, saying why, and ends the JVM with exit
     * status 3 before any load is sent.
     */
    public static <T> T beforeLoad(SaleRun run, Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigError | EnvironmentError e) {
            run.finish("could not start the run: " + e.getMessage());
            throw notRun(e.getMessage());
        }
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
