package dev.salerush.sim.merge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.metrics.LatencyLogMerge;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.results.SummaryReader;
import dev.salerush.sim.shard.ShardInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One shard's run folder as the merge needs it: its {@code shard} record, its summary, the versions it ran with and
 * the settings of its latency histograms.
 * <p>
 * The {@code shard} record is read from the JSON tree rather than from {@link RunSummary}, so the merge does not
 * depend on how the summary types carry it.
 *
 * @param versions the shard record's {@code versions} (salerush and Gatling versions), or a missing node
 * @param settings the histograms' range and precision, or null when the shard recorded no response
 */
record ShardRun(Path dir, ShardInfo info, RunSummary summary, JsonNode versions, LatencyLogMerge.Settings settings) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String name() {
        return dir.getFileName().toString();
    }

    Path latencyLog() {
        return dir.resolve(RunFiles.LATENCY_LOG);
    }

    /** Reads a shard folder, or refuses it naming what is missing or unreadable. */
    static ShardRun read(Path dir) {
        String name = dir.getFileName().toString();
        Path summaryFile = dir.resolve(RunFiles.SUMMARY);
        Path hlog = dir.resolve(RunFiles.LATENCY_LOG);
        if (!Files.isRegularFile(summaryFile)) {
            throw new MergeRefused(name + ": no " + RunFiles.SUMMARY + " (the shard did not finish)");
        }
        if (!Files.isRegularFile(hlog)) {
            throw new MergeRefused(name + ": no " + RunFiles.LATENCY_LOG + " (the shard recorded nothing)");
        }
        SummaryReader.Reading reading = SummaryReader.read(summaryFile);
        if (reading.summary() == null) {
            throw new MergeRefused(name + ": " + reading.problem());
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(summaryFile.toFile());
        } catch (IOException e) {
            throw new MergeRefused(name + ": " + RunFiles.SUMMARY + " cannot be read: " + e.getMessage());
        }
        return new ShardRun(dir, shardInfo(name, tree), reading.summary(), tree.path("shard").path("versions"), settings(name, hlog));
    }

    private static ShardInfo shardInfo(String name, JsonNode tree) {
        JsonNode shard = tree.get("shard");
        if (shard == null || !shard.isObject()) {
            throw new MergeRefused(name + ": " + RunFiles.SUMMARY + " has no 'shard' record (not a shard's run)");
        }
        try {
            return JSON.treeToValue(shard, ShardInfo.class);
        } catch (IOException e) {
            throw new MergeRefused(name + ": the 'shard' record does not read: " + e.getMessage());
        }
    }

    private static LatencyLogMerge.Settings settings(String name, Path hlog) {
        try {
            return LatencyLogMerge.settingsOf(hlog);
        } catch (RuntimeException e) {
            throw new MergeRefused(name + ": " + RunFiles.LATENCY_LOG + " cannot be read: " + e.getMessage());
        }
    }
}
