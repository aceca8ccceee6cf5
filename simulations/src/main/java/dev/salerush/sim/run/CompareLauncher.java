package dev.salerush.sim.run;

import dev.salerush.sim.config.Comparison;
import dev.salerush.sim.config.ConfigError;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.drills.Drills;
import dev.salerush.sim.report.Reports;
import dev.salerush.sim.report.compare.ComparePage;
import dev.salerush.sim.report.compare.PairRuns;
import dev.salerush.sim.results.AtomicFiles;
import dev.salerush.sim.results.DrillFigures;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunFolder;
import dev.salerush.sim.results.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * {@code -Dprofile=compare}: runs each comparison of {@code compare.pairs} as two drill runs of the profile
 * {@code compare}, one after the other — without the mitigation, then with it — each a child Gatling JVM with its own
 * environment and run folder ({@code results/<time>-compare-<pair>-<without|with>}), its settings in a file beside
 * the page. Then it writes the comparison page, {@code results/compare/<time>/compare.html} and {@code .md}, from the
 * runs' summary.json files. It sends no load itself. Every run's configuration is loaded (and its drill's programs
 * found) before the first one starts, so bad settings end it in one line with nothing started. Ctrl-C stops the run
 * in progress (its run closes as after Ctrl-C, stopping its environment) and writes no page.
 */
final class CompareLauncher {
    private static final Logger log = LoggerFactory.getLogger(CompareLauncher.class);
    /** System properties the launcher sets for every run itself. */
    private static final List<String> OWN_PROPERTIES = List.of("profile", "drill", ConfigLoader.OVERRIDES_PROPERTY,
            RunFolder.RUN_ID_PROPERTY, GatlingReportCopier.GATLING_RESULTS_PROPERTY);
    private static final String COMPARE_KEYS = "compare.";
    private static final long POLL_MILLIS = 500;

    /** One run of a comparison, as planned before any starts. */
    private record Planned(Comparison pair, Comparison.Side side, String runId, Path settings, List<String> keys,
                           List<String> properties) {
        /** Whether this JVM's option reaches the run: not one the launcher or the run's settings set. */
        boolean inherits(String argument) {
            return !argument.startsWith("-D" + COMPARE_KEYS) && !ChildGatling.setsAny(argument, keys)
                    && keys.stream().noneMatch(key -> argument.startsWith("-D" + key + "."));
        }

        String label() {
            return pair.name() + " " + side.name();
        }
    }

    private final SuiteConfig config;
    private final String simulation;
    private final List<Process> children = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    private CompareLauncher(SuiteConfig config, String simulation) {
        this.config = config;
        this.simulation = simulation;
    }

    /**
     * Runs every comparison and returns the exit status: 0 when every run ended and the page was written, 2 when a
     * run did not end (the runs after it are not started, no page is written).
     *
     * @throws ConfigError a run's configuration is refused, before anything started
     */
    static int launch(SuiteConfig config, String simulation) {
        CompareLauncher launcher = new CompareLauncher(config, simulation);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "salerush-compare-exit"));
        return launcher.run();
    }

    private int run() {
        String stamp = RunFolder.timestamp(LocalDateTime.now());
        Path folder = createFolder(stamp);
        List<Planned> runs;
        try {
            runs = plan(folder, stamp);
        } catch (RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
        log.info("comparison {}: {} runs, one after the other: {}", folder, runs.size(),
                runs.stream().map(Planned::runId).toList());
        List<PairRuns> pairs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i += 2) {
            RunRecord without = runOne(runs.get(i));
            RunRecord with = without == null ? null : runOne(runs.get(i + 1));
            if (with == null) {
                return RunExit.EXIT_FAILURE;
            }
            Comparison pair = runs.get(i).pair();
            pairs.add(new PairRuns(pair.name(), pair.drill(), without, with, runs.get(i).settings(),
                    runs.get(i + 1).settings()));
        }
        List<Path> written = ComparePage.write(folder, pairs, Instant.now(), config.report());
        // the runs refreshed the index before the page existed: once more, so it lists the comparison
        Reports.writeIndex(config.resultsDir(), config.report());
        pairs.forEach(pair -> System.out.println(consoleLine(pair)));
        System.out.println("comparison written: " + written.get(0) + " (and " + written.get(1).getFileName() + ")");
        System.out.flush();
        return 0;
    }

    /** {@code results/compare/<stamp>}, with {@code -1}, {@code -2}, … when another comparison took that second. */
    private Path createFolder(String stamp) {
        Path comparisons = config.resultsDir().resolve(RunFiles.COMPARISONS);
        try {
            Files.createDirectories(comparisons);
            for (int attempt = 0; ; attempt++) {
                try {
                    return Files.createDirectory(comparisons.resolve(attempt == 0 ? stamp : stamp + "-" + attempt));
                } catch (FileAlreadyExistsException taken) {
                    // another comparison started in the same second: the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a comparison folder under " + comparisons, e);
        }
    }

    /**
     * Every run, in order: its settings written beside the page, its configuration loaded as the run will load it
     * and its drill's programs found, so that a bad one refuses the comparison before anything starts.
     */
    private List<Planned> plan(Path folder, String stamp) {
        List<Planned> runs = new ArrayList<>();
        for (Comparison pair : config.comparisons()) {
            for (Comparison.Side side : pair.sides()) {
                Path settings = folder.resolve(pair.name() + "-" + side.name() + ".conf");
                AtomicFiles.writeString(settings, side.settings());
                String runId = stamp + "-compare-" + pair.name() + "-" + side.name();
                String teamFiles = System.getProperty(ConfigLoader.OVERRIDES_PROPERTY, "").trim();
                List<String> properties = List.of("-Dprofile=compare", "-Ddrill=" + pair.drill(),
                        "-D" + ConfigLoader.OVERRIDES_PROPERTY + "=" + (teamFiles.isEmpty() ? "" : teamFiles + ",")
                                + settings.toAbsolutePath(),
                        "-D" + RunFolder.RUN_ID_PROPERTY + "=" + runId);
                List<String> keys = Stream.concat(OWN_PROPERTIES.stream(), side.keys().stream()).toList();
                Planned run = new Planned(pair, side, runId, settings, keys, properties);
                check(run);
                runs.add(run);
            }
        }
        return runs;
    }

    /** The run's configuration as it will read it: refused settings and missing drill programs end it here. */
    private void check(Planned run) {
        Properties properties = new Properties();
        System.getProperties().forEach((key, value) -> {
            if (run.inherits("-D" + key + "=")) {
                properties.put(key, value);
            }
        });
        for (String property : run.properties()) {
            int equals = property.indexOf('=');
            properties.setProperty(property.substring(2, equals), property.substring(equals + 1));
        }
        try {
            SuiteConfig loaded = ConfigLoader.load(config.root(), properties);
            Drills.checkTools(loaded.drills());
        } catch (ConfigError e) {
            throw new ConfigError("compare " + run.label() + " (" + run.settings().getFileName() + "): "
                    + e.getMessage(), e);
        }
    }

    /** Starts the run, waits for its end and reads its folder; null when it did not end (or Ctrl-C stopped it). */
    private RunRecord runOne(Planned run) {
        if (stopping) {
            return null;
        }
        log.info("comparison: {} starts as run {}", run.label(), run.runId());
        Process child = ChildGatling.start(run::inherits, run.properties(), simulation,
                GatlingReportCopier.gatlingResultsDir(config.root()).resolve(run.runId()), Map.of(),
                "[" + run.label() + "] ");
        children.add(child);
        while (child.isAlive()) {
            ChildGatling.waitQuietly(child, POLL_MILLIS);
        }
        RunRecord record = RunCatalog.read(config.resultsDir().resolve(run.runId()));
        if (stopping) {
            return null;
        }
        if (record.health() != RunRecord.Health.OK) {
            log.error("comparison: the run {} ({}) did not end (exit status {}: {}); the runs after it are not "
                    + "started and no page is written", run.runId(), run.label(), child.exitValue(), record.problem());
            return null;
        }
        log.info("comparison: {} ended (run {}, exit status {})", run.label(), run.runId(), child.exitValue());
        return record;
    }

    /** One line a pair: each run's headline figures from its summary, for the console and CI logs. */
    private static String consoleLine(PairRuns pair) {
        return "compare " + pair.name() + ": without " + figures(pair.without(), pair.drill()) + "; with "
                + figures(pair.with(), pair.drill());
    }

    private static String figures(RunRecord run, String drill) {
        return DrillFigures.of(run.summary(), drill).map(d -> String.format(Locale.ROOT,
                "%s of %s requests failed (%s %%), %s failed orders, %s unknown, TTD %s s, TTR %s s, p95 %s ms, "
                        + "integrity %s, drill %s (run %s)", d.impact().failedRequests(), d.impact().requests(),
                d.impact().koPercent() == null ? null : String.format(Locale.ROOT, "%.1f", d.impact().koPercent()),
                d.impact().failedOrders(), d.impact().unknownOrders(), d.ttdSeconds(), d.ttrSeconds(),
                d.impact().p95Ms(), d.integrity(), d.verdict(), run.runId())).orElse("no drill (run " + run.runId() + ")");
    }

    /** Ctrl-C, SIGTERM: the run in progress is stopped and closes itself; nothing after it starts. */
    private void stop() {
        stopping = true;
        ChildGatling.stop(children);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", folder, e.toString());
        }
    }
}
