package dev.salerush.sim.regression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.report.RunCatalog;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.report.RunRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the run a new run is compared with: a pinned summary.json, or else the newest run in the results folder of
 * the same profile, target and dataset that completed and passed. Folders {@link RunCatalog} cannot read (a killed
 * run, a hand-edited summary) are passed over, never an error: the worst case is "no baseline yet".
 */
public final class BaselineFinder {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LAST_PASSING_RUN = "last passing run";

    /** A baseline, or the reason there is none. */
    public record Lookup(Baseline baseline, String missingReason) {
    }

    private BaselineFinder() {
    }

    public static Lookup pinned(Path file) {
        Path summary = Files.isDirectory(file) ? file.resolve(RunFiles.SUMMARY) : file;
        if (!Files.isRegularFile(summary)) {
            return new Lookup(null, "no baseline yet: the pinned baseline " + summary + " does not exist");
        }
        try {
            JsonNode node = JSON.readTree(summary.toFile());
            return new Lookup(new Baseline(node.path("runId").asText(summary.toString()), "pinned file " + summary, node),
                    null);
        } catch (IOException e) {
            return new Lookup(null, "no baseline: the pinned baseline " + summary + " is not a readable summary.json ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** The newest passing run like {@code current} in {@code resultsDir}, other than the current run itself. */
    public static Lookup lastPassing(Path resultsDir, JsonNode current) {
        String runId = current.path("runId").asText();
        for (RunRecord run : RunCatalog.scan(resultsDir)) {
            JsonNode candidate = run.summaryJson().orElse(null);
            if (!run.runId().equals(runId) && candidate != null && comparable(current, candidate)) {
                return new Lookup(new Baseline(run.runId(), LAST_PASSING_RUN, candidate), null);
            }
        }
        return new Lookup(null, "no baseline yet: no earlier complete, passing " + current.path("profile").asText()
                + " run against " + targetKey(current) + " with the same dataset in " + resultsDir);
    }

    /** Same profile, target and dataset; the candidate completed and passed. */
    static boolean comparable(JsonNode current, JsonNode candidate) {
        return current.path("profile").asText().equals(candidate.path("profile").asText())
                && targetKey(current).equals(targetKey(candidate))
                && "complete".equals(candidate.path("status").asText())
                && Verdict.PASS.json().equals(candidate.path("verdict").asText())
                && sameDatasetWhereKnown(current, candidate);
    }

    /** The embedded target gets a new port every run, so it is one target; an external one is its base URL. */
    static String targetKey(JsonNode summary) {
        return summary.path("embedded").asBoolean(false) ? "the embedded target"
                : summary.path("target").path("baseUrl").asText("?");
    }

    private static boolean sameDatasetWhereKnown(JsonNode current, JsonNode candidate) {
        String mine = fingerprint(current);
        String theirs = fingerprint(candidate);
        return mine == null || theirs == null || mine.equals(theirs);
    }

    private static String fingerprint(JsonNode summary) {
        JsonNode node = summary.path("environment").path("dataset").path("fingerprint");
        return node.isTextual() ? node.asText() : null;
    }
}
