package dev.salerush.sim.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salerush.sim.results.AtomicFiles;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.shard.ShardInfo;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the merged summary.json: the run summary as every run has it, plus a {@code shards} list with what each
 * shard said of itself — index, start skew, sent rate, exit code and reason, and its folder.
 */
final class MergedSummaryFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MergedSummaryFile() {
    }

    static void write(RunSummary summary, List<ShardRun> shards, Path file) {
        ObjectNode tree = JSON.valueToTree(summary);
        ArrayNode list = tree.putArray("shards");
        for (ShardRun shard : shards) {
            ShardInfo info = shard.info();
            list.addObject()
                    .put("index", info.index())
                    .put("folder", shard.name())
                    .put("startSkewMs", info.startSkewMs())
                    .put("sentRps", info.sentRps())
                    .put("exitCode", info.exitCode())
                    .put("exitReason", info.exitReason());
        }
        AtomicFiles.write(file, temp -> JSON.writeValue(temp.toFile(), tree));
    }
}
