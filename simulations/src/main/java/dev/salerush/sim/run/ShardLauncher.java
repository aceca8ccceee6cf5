package dev.salerush.sim.run;

import dev.salerush.env.RunLogs;
import dev.salerush.env.embedded.EmbeddedSaleEnvironment;
import dev.salerush.env.events.EventLog;
import dev.salerush.env.process.Cleanup;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.merge.ShardMerge;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunPruning;
import dev.salerush.sim.results.RunFolder;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.shard.ShardContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dshards=N} on one machine: emulates a Kubernetes Indexed Job's contract ({@link ShardContract}) with N
 * child Gatling JVMs, then merges their run folders. It fixes one run id and a common start time, starts the embedded
 * target once (the children get its URL as an external target), streams each child's output prefixed with its index,
 * stops the siblings (SIGTERM) when one exits with the stop-siblings code, waits for all and merges. It sends no load
 * itself, and leaves nothing running: a shutdown hook (Ctrl-C) stops the children and the target too.
 */
final class ShardLauncher {
    private static final Logger log = LoggerFactory.getLogger(ShardLauncher.class);
    /** Properties the launcher sets for its children itself. */
    private static final List<String> OWN_PROPERTIES = List.of("shards", "target.baseUrl",
            GatlingReportCopier.GATLING_RESULTS_PROPERTY);

    private final SuiteConfig config;
    private final String simulation;
    private final boolean shopJourneys;
    private final Cleanup cleanup = new Cleanup();
    private final List<Process> children = new ArrayList<>();
    private volatile boolean siblingsStopped;

    private ShardLauncher(SuiteConfig config, String simulation, boolean shopJourneys) {
        this.config = config;
        this.simulation = simulation;
        this.shopJourneys = shopJourneys;
    }

    /**
     * Runs {@code config.shards()} shards of the simulation and returns the merged run's exit code; {@code
     * shopJourneys}: whether the simulation drives the demo shop's journeys (the test plan names their requests).
     */
    static int launch(SuiteConfig config, String simulation, boolean shopJourneys) {
        refuseWhatCannotBeSharded(config);
        ShardLauncher launcher = new ShardLauncher(config, simulation, shopJourneys);
        Thread hook = new Thread(launcher::stopEverything, "salerush-shard-launcher-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = launcher.run();
        launcher.stopEverything();
        return code;
    }

    private static void refuseWhatCannotBeSharded(SuiteConfig config) {
        if (config.drills().active()) {
            throw new ConfigError("shards = " + config.shards() + ": a drill runs on one injector; use shards = 1");
        }
        if (config.targetKind().redundant()) {
            throw new ConfigError("shards = " + config.shards() + ": the redundant embedded topology runs with one"
                    + " injector only; use shards = 1 or an external target");
        }
    }

    private int run() {
        RunFolder folder = RunFolder.create(config.resultsDir(), config.profile().name(), LocalDateTime.now());
        RunReports.writePlan(config, folder, simulation, shopJourneys);
        String baseUrl = startTargetOnce(folder);
        long startAt = System.currentTimeMillis() + config.shardStartDelay().toMillis();
        log.info("run {}: {} shards start together at {} against {}", folder.runId(), config.shards(),
                java.time.Instant.ofEpochMilli(startAt), baseUrl);
        for (int index = 0; index < config.shards(); index++) {
            children.add(startShard(index, folder.runId(), startAt, baseUrl));
        }
        List<Integer> codes = awaitShards();
        log.info("shards ended with exit codes {}", codes);
        cleanup.close();
        return mergedExitCode(folder.dir());
    }

    /** The embedded target is started here, once for all shards; an external one each shard checks itself. */
    private String startTargetOnce(RunFolder folder) {
        if (!config.target().embedded()) {
            return config.target().baseUrl().toString();
        }
        RunLogs logs = new RunLogs(folder.file(RunFiles.SHOP_LOG), folder.file(RunFiles.GATEWAY_LOG));
        // the launcher performs no operations (to the shards the target is an external one): no event log to keep
        EmbeddedSaleEnvironment environment = EmbeddedSaleEnvironment.start(config.embedded(), config.database(),
                config.dataset(), logs, cleanup, EventLog.discarding());
        return environment.baseUrl().toString();
    }

    private Process startShard(int index, String runId, long startAt, String baseUrl) {
        Path gatlingResults = GatlingReportCopier.gatlingResultsDir(config.root())
                .resolve(runId + "-" + ShardContract.SHARD_FOLDER_PREFIX + index);
        Map<String, String> env = new HashMap<>();
        env.put(ShardContract.ENV_COUNT, String.valueOf(config.shards()));
        env.put(ShardContract.ENV_INDEX, String.valueOf(index));
        env.put(ShardContract.ENV_JOB_INDEX, null);
        env.put(ShardContract.ENV_START_AT, String.valueOf(startAt));
        env.put(ShardContract.ENV_RUN_ID, runId);
        return ChildGatling.start(argument -> !ChildGatling.setsAny(argument, OWN_PROPERTIES),
                List.of("-Dshards=1", "-Dtarget.baseUrl=" + baseUrl), simulation, gatlingResults, env,
                "[shard " + index + "] ");
    }

    /**
     * Waits for every shard. As in an Indexed Job with {@code backoffLimit: 0}, the first shard that fails has the
     * others terminated: on purpose with the stop-siblings code, or by any other non-zero exit (a shard exits 0 when
     * it completed its share, whatever its own SLO verdict).
     */
    private List<Integer> awaitShards() {
        while (children.stream().anyMatch(Process::isAlive)) {
            if (!siblingsStopped) {
                children.stream().filter(child -> !child.isAlive() && child.exitValue() != 0).findFirst()
                        .ifPresent(this::stopSiblingsOf);
            }
            children.stream().filter(Process::isAlive).findFirst().ifPresent(child -> ChildGatling.waitQuietly(child,
                    200));
        }
        return children.stream().map(Process::exitValue).toList();
    }

    private void stopSiblingsOf(Process failed) {
        siblingsStopped = true;
        int index = children.indexOf(failed);
        if (failed.exitValue() == ShardContract.EXIT_STOP_SIBLINGS) {
            log.info("shard {} saw a sustained SLO breach (exit {}): stopping its siblings", index,
                    ShardContract.EXIT_STOP_SIBLINGS);
        } else {
            log.warn("shard {} failed (exit {}): stopping its siblings, as the Job would", index, failed.exitValue());
        }
        children.stream().filter(Process::isAlive).forEach(Process::destroy);
    }


    /**
     * Merges the shards with this run's configuration and prints the merged summary it returns, as a single run's; its
     * verdict is the exit code: 0 pass, 2 fail (or no merge).
     */
    private int mergedExitCode(Path runDir) {
        try {
            RunSummary summary = ShardMerge.mergedSummary(runDir, config.regression(), config.report(),
                    RunPruning.Rule.of(config));
            System.out.print(ConsoleReport.render(summary, runDir.resolve(RunFiles.REPORT_PAGE).toString()));
            System.out.flush();
            log.info("merged run {}: verdict {}", runDir, summary.verdict());
            return summary.verdict() == Verdict.PASS ? 0 : RunExit.EXIT_FAILURE;
        } catch (RuntimeException e) {
            log.error("could not merge the shards' run folders in {}: {}", runDir, e.toString());
            return RunExit.EXIT_FAILURE;
        }
    }

    /** Stops the children still running (SIGTERM, then after a grace period SIGKILL) and the target. */
    private synchronized void stopEverything() {
        ChildGatling.stop(children);
        cleanup.close();
    }
}
