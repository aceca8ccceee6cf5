package dev.salerush.sim.results;

import dev.salerush.sim.config.RegressionSettings;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.regression.Baseline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finds the run a new run is compared with: a pinned summary.json, or else the newest run in the results folder of
 * the same simulation, profile, target and dataset that completed and passed. Folders {@link RunCatalog} cannot read (a killed
 * run, a hand-edited summary) are passed over, never an error: the worst case is "no baseline yet".
 */
public final class BaselineFinder {
    static final String LAST_PASSING_RUN = "last passing run";

    private BaselineFinder() {
    }

    /** The pinned baseline when the settings name one, else the last passing comparable run in {@code resultsDir}. */
    public static Baseline.Lookup find(RunSummary current, Path resultsDir, RegressionSettings settings) {
        return settings.pinnedBaseline() != null ? pinned(settings.pinnedBaseline()) : lastPassing(resultsDir, current);
    }

    static Baseline.Lookup pinned(Path file) {
        Path summaryFile = Files.isDirectory(file) ? file.resolve(RunFiles.SUMMARY) : file;
        if (!Files.isRegularFile(summaryFile)) {
            return Baseline.Lookup.missing("no baseline yet: the pinned baseline " + summaryFile + " does not exist");
        }
        SummaryReader.Reading reading = SummaryReader.read(summaryFile);
        if (reading.summary() == null) {
            return Baseline.Lookup.missing("no baseline: the pinned baseline " + summaryFile
                    + " is not a readable summary.json (" + reading.problem().lines().findFirst().orElse("") + ")");
        }
        RunSummary pinned = reading.summary();
        return Baseline.Lookup.found(new Baseline(Objects.requireNonNullElse(pinned.runId(), summaryFile.toString()),
                "pinned file " + summaryFile, pinned.figures()));
    }

    /** The newest passing run like {@code current} in {@code resultsDir}, other than the current run itself. */
    static Baseline.Lookup lastPassing(Path resultsDir, RunSummary current) {
        for (RunRecord run : RunCatalog.scan(resultsDir)) {
            RunSummary candidate = run.summary();
            if (!run.runId().equals(current.runId()) && candidate != null && comparable(current, candidate)) {
                return Baseline.Lookup.found(new Baseline(run.runId(), LAST_PASSING_RUN, candidate.figures()));
            }
        }
        return Baseline.Lookup.missing("no baseline yet: no earlier complete, passing " + current.profile()
                + " run against " + targetKey(current) + " with the same dataset in " + resultsDir);
    }

    /** Same simulation (where both name one), profile, target and dataset; the candidate completed and passed. */
    static boolean comparable(RunSummary current, RunSummary candidate) {
        return Objects.equals(current.profile(), candidate.profile())
                && (current.simulation() == null || candidate.simulation() == null
                || current.simulation().equals(candidate.simulation()))
                && targetKey(current).equals(targetKey(candidate))
                && passed(candidate)
                && sameDatasetWhereKnown(current, candidate);
    }

    /** Whether a run may be a baseline at all: it completed and passed. */
    static boolean passed(RunSummary run) {
        return run.status() == RunStatus.COMPLETE && run.verdict() == Verdict.PASS;
    }

    /** The embedded target gets a new port every run, so it is one target; an external one is its base URL. */
    static String targetKey(RunSummary summary) {
        if (summary.embedded()) {
            return "the embedded target";
        }
        return summary.target() == null || summary.target().baseUrl() == null ? "?" : summary.target().baseUrl();
    }

    private static boolean sameDatasetWhereKnown(RunSummary current, RunSummary candidate) {
        String mine = datasetFingerprint(current);
        String theirs = datasetFingerprint(candidate);
        return mine == null || theirs == null || mine.equals(theirs);
    }

    /** The fingerprint of the run's dataset, or null when the summary does not say (any dataset then). */
    static String datasetFingerprint(RunSummary run) {
        return Dataset.of(run).map(Dataset::fingerprint).orElse(null);
    }
}
