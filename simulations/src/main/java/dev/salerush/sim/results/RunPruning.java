package dev.salerush.sim.results;

import dev.salerush.sim.config.SuiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which run folders {@code results.keep = N} deletes. The runs are grouped by simulation, profile and target (every
 * run against the embedded target is one target, as for the regression gate), and a drill's run by its drills too
 * (a db-failover drill is no older run of a bad-deploy one); of each group the N newest are kept and the older ones
 * go, unless one of them is
 * <ul>
 *   <li>the group's baseline for its next run: the newest complete, passing run ({@link BaselineFinder}'s rule), one
 *       per dataset fingerprint, since a run is compared with a run of its own dataset only;</li>
 *   <li>the pinned baseline {@code regression.baseline} names (its summary.json or its folder);</li>
 *   <li>pinned by hand: its folder holds a file named {@link RunFiles#PINNED};</li>
 *   <li>a run of a mitigation comparison (profile {@value SuiteConfig#COMPARISON_PROFILE}): its page under
 *       {@code results/compare/} links both sides of every pair;</li>
 *   <li>the run being written now.</li>
 * </ul>
 * Only folders {@link RunCatalog} lists are runs (never the suite's own, {@link RunFiles#NOT_RUNS}), and only those
 * with a readable summary.json are grouped: a folder without one (a killed run, a run still under way, a hand-made
 * folder) says neither its simulation nor its target, so it is never deleted. The decision reads the catalogue and
 * the pin files only; {@link ResultsPruner} deletes.
 */
public final class RunPruning {

    private RunPruning() {
    }

    /**
     * What pruning needs of the configuration.
     *
     * @param keep           {@code results.keep}: runs kept of each group; 0 keeps every run
     * @param pinnedBaseline {@code regression.baseline}: a summary.json or a run folder, or null
     */
    public record Rule(int keep, Path pinnedBaseline) {
        /** {@code results.keep = 0}: nothing is deleted. */
        public static final Rule KEEP_EVERY_RUN = new Rule(0, null);

        public Rule {
            if (keep < 0) {
                throw new IllegalArgumentException("keep must be 0 or more, got " + keep);
            }
        }

        public static Rule of(SuiteConfig config) {
            return new Rule(config.resultsKeep(), config.regression().pinnedBaseline());
        }
    }

    /**
     * The runs that are compared with each other, so that only the newest of them are worth keeping.
     *
     * @param drills the drills the run injected, in order, or null for a run without
     */
    public record Group(String simulation, String profile, String target, String drills) {
        static Group of(RunRecord run) {
            RunSummary summary = run.summary();
            return new Group(summary.simulation(), run.profile(), BaselineFinder.targetKey(summary), drills(summary));
        }

        private static String drills(RunSummary summary) {
            if (summary.drills() == null || summary.drills().isEmpty()) {
                return null;
            }
            return summary.drills().stream().map(drill -> String.valueOf(drill.get("name")))
                    .collect(Collectors.joining(", "));
        }

        /** {@code simulation, profile, target}; a drill's profile with its drills: {@code drill (db-failover)}. */
        @Override
        public String toString() {
            return Objects.requireNonNullElse(simulation, "?") + ", " + Objects.requireNonNullElse(profile, "?")
                    + (drills == null ? "" : " (" + drills + ")") + ", " + target;
        }
    }

    /** A run to delete, its group and how many newer runs of that group stay. */
    public record Pruned(RunRecord run, Group group, int newerKept) {
    }

    /**
     * The runs to delete, oldest first, from {@code runs} newest first (as {@link RunCatalog#scan} lists them);
     * {@code currentRunId}, the run being written, is never one of them (null: no run is being written).
     */
    public static List<Pruned> decide(List<RunRecord> runs, Rule rule, String currentRunId) {
        if (rule.keep() == 0) {
            return List.of();
        }
        Map<Group, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            if (run.summary() != null && !SuiteConfig.COMPARISON_PROFILE.equals(run.profile())) {
                groups.computeIfAbsent(Group.of(run), group -> new ArrayList<>()).add(run);
            }
        }
        Path pinnedDir = pinnedRunDir(rule.pinnedBaseline());
        Map<String, Pruned> byRunId = new LinkedHashMap<>();
        groups.forEach((group, newestFirst) -> prunedOf(group, newestFirst, rule.keep(),
                run -> run.runId().equals(currentRunId) || sameFolder(run.dir(), pinnedDir) || pinnedByHand(run))
                .forEach(one -> byRunId.put(one.run().runId(), one)));
        List<Pruned> oldestFirst = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            Pruned one = byRunId.get(runs.get(i).runId());
            if (one != null) {
                oldestFirst.add(one);
            }
        }
        return oldestFirst;
    }

    private static List<Pruned> prunedOf(Group group, List<RunRecord> newestFirst, int keep,
                                         Predicate<RunRecord> alwaysKept) {
        Set<String> datasetsWithBaseline = new HashSet<>();
        List<Pruned> pruned = new ArrayList<>();
        int kept = 0;
        for (RunRecord run : newestFirst) {
            boolean baseline = BaselineFinder.passed(run.summary())
                    && datasetsWithBaseline.add(String.valueOf(BaselineFinder.datasetFingerprint(run.summary())));
            if (kept < keep || baseline || alwaysKept.test(run)) {
                kept++;
            } else {
                pruned.add(new Pruned(run, group, kept));
            }
        }
        return pruned;
    }

    /** The run folder {@code regression.baseline} names: the folder itself, or the folder of its summary.json. */
    private static Path pinnedRunDir(Path pinnedBaseline) {
        if (pinnedBaseline == null) {
            return null;
        }
        return Files.isDirectory(pinnedBaseline) ? pinnedBaseline : pinnedBaseline.toAbsolutePath().getParent();
    }

    private static boolean sameFolder(Path runDir, Path pinnedDir) {
        if (pinnedDir == null) {
            return false;
        }
        if (runDir.toAbsolutePath().normalize().equals(pinnedDir.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            // a results folder reached through a link is the same folder
            return Files.exists(pinnedDir) && Files.isSameFile(runDir, pinnedDir);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean pinnedByHand(RunRecord run) {
        return Files.exists(run.dir().resolve(RunFiles.PINNED));
    }
}
