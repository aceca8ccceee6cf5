package dev.salerush.sim.merge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salerush.sim.shard.ShardContract;
import dev.salerush.sim.shard.ShardInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The shard folders ({@code shard-<i>}) of one run, checked to make exactly one run before anything is merged: every
 * index 0..N-1 once, and the same run id, N, versions and histogram settings everywhere. Otherwise a
 * {@link MergeRefused} names the folder and what differs.
 */
final class ShardSet {
    private ShardSet() {
    }

    /** The shards in {@code dir}, ordered by index; refused unless they make one complete run. */
    static List<ShardRun> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MergeRefused("no folder at " + dir);
        }
        List<ShardRun> shards = shardFolders(dir).stream().map(ShardRun::read).toList();
        if (shards.isEmpty()) {
            throw new MergeRefused(dir + " holds no " + ShardContract.SHARD_FOLDER_PREFIX + "<index> folder");
        }
        List<ShardRun> ordered = new ArrayList<>(shards);
        ordered.sort(Comparator.comparingInt((ShardRun s) -> s.info().index()).thenComparing(ShardRun::name));
        ShardRun reference = ordered.get(0);
        // a shard without responses has no histogram settings: the others are compared with the first that has them
        ShardRun recorded = ordered.stream().filter(s -> s.settings() != null).findFirst().orElse(null);
        for (ShardRun shard : ordered) {
            same(shard, reference, "shard count N", s -> s.info().count());
            same(shard, reference, "runId", s -> s.info().runId());
            same(shard, reference, "versions", ShardRun::versions);
            if (shard.settings() != null) {
                same(shard, recorded, "histogram settings", ShardRun::settings);
            }
        }
        checkIndices(ordered, reference.info().count());
        return List.copyOf(ordered);
    }

    private static List<Path> shardFolders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(ShardContract.SHARD_FOLDER_PREFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void same(ShardRun shard, ShardRun reference, String what, Function<ShardRun, Object> value) {
        Object theirs = value.apply(shard);
        Object ours = value.apply(reference);
        if (!Objects.equals(theirs, ours)) {
            throw new MergeRefused(shard.name() + ": " + what + " " + shown(theirs) + " differs from "
                    + reference.name() + "'s " + shown(ours));
        }
    }

    /** A value as the message shows it: a field the summary does not have is "(none)", not an empty string. */
    private static String shown(Object value) {
        return value == null || value instanceof JsonNode node && node.isMissingNode() ? "(none)" : value.toString();
    }

    /** Every index 0..count-1 exactly once, each in the folder named for it. */
    private static void checkIndices(List<ShardRun> shards, int count) {
        Map<Integer, ShardRun> byIndex = new HashMap<>();
        for (ShardRun shard : shards) {
            ShardInfo info = shard.info();
            if (info.index() < 0 || info.index() >= count) {
                throw new MergeRefused(shard.name() + ": shard index " + info.index() + " is outside 0.."
                        + (count - 1) + " (N = " + count + ")");
            }
            ShardRun twin = byIndex.putIfAbsent(info.index(), shard);
            if (twin != null) {
                throw new MergeRefused(shard.name() + ": shard index " + info.index() + " is duplicated (also in "
                        + twin.name() + ")");
            }
            if (!shard.name().equals(ShardContract.SHARD_FOLDER_PREFIX + info.index())) {
                throw new MergeRefused(shard.name() + ": holds shard index " + info.index() + ", expected in folder "
                        + ShardContract.SHARD_FOLDER_PREFIX + info.index());
            }
        }
        for (int index = 0; index < count; index++) {
            if (!byIndex.containsKey(index)) {
                throw new MergeRefused(ShardContract.SHARD_FOLDER_PREFIX + index + ": missing (shard " + index
                        + " of N = " + count + ")");
            }
        }
    }
}
