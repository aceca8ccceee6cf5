package dev.salerush.sim.results;

import dev.salerush.sim.integrity.IntegrityCheck;
import dev.salerush.sim.integrity.IntegrityReport;
import dev.salerush.sim.metrics.LatencyStats;
import dev.salerush.sim.metrics.SloResult;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.shard.ShardInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunFolderTest {
    static final LocalDateTime NOW = LocalDateTime.of(2026, 7, 1, 9, 30, 0);

    @Test
    void runIdsAreUniqueWithinTheSameSecond(@TempDir Path results) {
        RunFolder first = RunFolder.create(results, "smoke", NOW);
        RunFolder second = RunFolder.create(results, "smoke", NOW);

        assertThat(first.runId()).isEqualTo("20260701-093000-smoke");
        assertThat(second.runId()).isEqualTo("20260701-093000-smoke-1");
        assertThat(second.dir()).isDirectory();
    }

    @Test
    void profileNamesCannotEscapeTheResultsFolder(@TempDir Path results) {
        RunFolder folder = RunFolder.create(results, "../../etc", NOW);

        assertThat(folder.dir().getParent()).isEqualTo(results);
    }

    @Test
    void aLauncherNamesItsRunsFolderOnceAndWithinTheResultsFolder(@TempDir Path results) {
        RunFolder named = RunFolder.named(results, "20260701-093000-compare-instance-crash-without");

        assertThat(named.dir()).isDirectory().hasParent(results);
        assertThatThrownBy(() -> RunFolder.named(results, named.runId())).hasMessageContaining("exists already");
        assertThatThrownBy(() -> RunFolder.named(results, "../../etc")).hasMessageContaining("salerush.runId must be");
    }

    @Test
    void summaryRoundTripsThroughJson(@TempDir Path results) throws IOException {
        RunFolder folder = RunFolder.create(results, "smoke", NOW);
        LatencyStats stats = new LatencyStats(10, 10, 0, 0, 1, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 2.5, 0);
        RunSummary summary = RunSummary.builder().runId(folder.runId()).simulation("Sim").profile("smoke")
                .startedAt("a").endedAt("b").status(RunStatus.COMPLETE).verdict(Verdict.PASS)
                .target(new RunSummary.Target("http://127.0.0.1:1")).embedded(true).global(stats)
                .requests(Map.of("list", stats)).slo(List.of(new SloResult("p95", "p95Ms", null, 15, 4.0, true, null)))
                .environment(Map.of("kind", "embedded"))
                .integrity(IntegrityReport.of(List.of(new IntegrityCheck("no oversell", false,
                        IntegrityCheck.FAILED, "1 product sold more than its stock", List.of("7"))),
                        Map.of("paidOrders", 3))).build();

        folder.writeSummary(summary);

        assertThat(SummaryJson.read(folder.file(RunFiles.SUMMARY))).isEqualTo(summary);
        assertThat(Files.readString(folder.file(RunFiles.SUMMARY))).contains("\"verdict\" : \"pass\"")
                .doesNotContain("\"failure\"");
        assertThat(folder.dir().resolve(RunFiles.SUMMARY + ".tmp")).doesNotExist();
    }

    @Test
    void aShardWritesIntoItsFolderInsideTheSharedRunAndSaysWhichShardItIs(@TempDir Path results) throws IOException {
        RunFolder folder = RunFolder.forShard(results, "20261206-120000-smoke", "shard-1");
        ShardInfo info = new ShardInfo(1, 2, "20261206-120000-smoke", 1000, 1012, 7, 41.5, 42, "stop-siblings",
                Map.of("salerush", "0.1.0-SNAPSHOT", "gatling", "3.15.1"));
        RunSummary summary = RunSummary.builder().runId(folder.runId()).simulation("Sim").profile("smoke")
                .startedAt("a").endedAt("b").status(RunStatus.COMPLETE).verdict(Verdict.FAIL)
                .target(new RunSummary.Target("http://127.0.0.1:1")).embedded(false).requests(Map.of()).slo(List.of())
                .environment(Map.of()).build().withShard(info);

        folder.writeSummary(summary);

        assertThat(folder.dir()).isEqualTo(results.resolve("20261206-120000-smoke").resolve("shard-1"));
        assertThat(SummaryJson.read(folder.file(RunFiles.SUMMARY)).shard()).isEqualTo(info);
        assertThat(Files.readString(folder.file(RunFiles.SUMMARY))).contains("\"exitReason\" : \"stop-siblings\"");
    }
}
