package dev.salerush.sim.report.compare;

import dev.salerush.sim.drills.DrillFixtures;
import dev.salerush.sim.drills.DrillJson;
import dev.salerush.sim.drills.DrillResult;
import dev.salerush.sim.drills.DrillVerdict;
import dev.salerush.sim.metrics.Verdict;
import dev.salerush.sim.results.RunCatalog;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.results.RunStatus;
import dev.salerush.sim.results.RunSummary;
import dev.salerush.sim.results.SummaryJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Two run folders of an instance-crash comparison, written as runs write them (summary.json with the drill's figures
 * and seconds): on the single topology the shop is down for 20 s and every request then fails; on the redundant one a
 * few requests fail in the second of the crash.
 */
final class CompareFixtures {
    static final String WITHOUT = "20261201-160000-compare-instance-crash-without";
    static final String WITH = "20261201-160500-compare-instance-crash-with";

    private CompareFixtures() {
    }

    /** Writes both runs under {@code results} and the pair as the comparison reads it. */
    static PairRuns instanceCrash(Path results) throws IOException {
        Path without = run(results, WITHOUT, drill(1_234, 1_800, 37, 4, 2_150.0, 21, 20,
                100.0, 21.4, 25.9), DrillVerdict.FAIL);
        Path with = run(results, WITH, drill(3, 1_950, 0, 1, 48.0, 0, 1, 0.2, 2.1, 11.0),
                DrillVerdict.PASS);
        Path compare = Files.createDirectories(results.resolve("compare/20261201-160000"));
        Path withoutSettings = Files.writeString(compare.resolve("instance-crash-without.conf"), "embedded.topology = single\n");
        Path withSettings = Files.writeString(compare.resolve("instance-crash-with.conf"), "embedded.topology = redundant\n");
        return new PairRuns("instance-crash", "instance-crash", RunCatalog.read(without), RunCatalog.read(with),
                withoutSettings, withSettings);
    }

    /** The drill's figures; for {@code downSeconds} after the fault {@code koWhileDown} % of requests fail. */
    private static DrillResult drill(long failed, long requests, long failedOrders, long unknownOrders, double p95,
                                     long impactSeconds, int downSeconds, double koWhileDown, double ttd, double ttr) {
        Instant fault = DrillFixtures.FAULT;
        List<DrillResult.Second> seconds = new ArrayList<>();
        for (int s = -30; s <= 60; s++) {
            boolean down = s >= 0 && s < downSeconds;
            seconds.add(new DrillResult.Second(fault.plusSeconds(s), s == 45 ? 0 : 60, down ? koWhileDown : 0,
                    s == 45 ? null : down ? p95 : 9.0));
        }
        return DrillFixtures.badDeployPassed().toBuilder("instance-crash")
                .fault("kill-instance shop-1").firstAction("restart-instance shop-1").rollback(false)
                .detected(fault.plusMillis((long) (ttd * 1000)), "ShopInstanceDown")
                .recoveredAt(fault.plusMillis((long) (ttr * 1000)))
                .impact(new DrillResult.Impact(failed, requests, failedOrders, unknownOrders, 40, p95, impactSeconds))
                .series(seconds).build();
    }

    private static Path run(Path results, String runId, DrillResult drill, DrillVerdict verdict) throws IOException {
        Path dir = Files.createDirectories(results.resolve(runId));
        SummaryJson.write(RunSummary.builder().runId(runId).profile("compare").status(RunStatus.COMPLETE)
                .verdict(verdict.passed() ? Verdict.PASS : Verdict.FAIL)
                .startedAt(DrillFixtures.FAULT.minusSeconds(60).toString())
                .drills(DrillJson.of(List.of(drill.toBuilder().verdict(verdict, verdict.passed() ? null
                        : "recovered-within: 25.9 s > 20 s").build()))).build(), dir.resolve(RunFiles.SUMMARY));
        return dir;
    }
}
