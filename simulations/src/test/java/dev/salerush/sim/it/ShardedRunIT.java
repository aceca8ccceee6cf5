package dev.salerush.sim.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceLock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salerush.sim.config.ConfigLoader;
import dev.salerush.sim.config.SuiteConfig;
import dev.salerush.sim.gatling.GatlingSchedule;
import dev.salerush.sim.gatling.ProfileInjection;
import dev.salerush.sim.results.RunFiles;
import dev.salerush.sim.run.RunExit;
import dev.salerush.sim.shard.ShardContract;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local launcher ({@code -Dshards=2}) against a stand-in: two shard JVMs share the plan exactly and start
 * together; a slowdown only one shard sees makes it exit with the stop-siblings code and the other stop and flush.
 */
@Order(ItLanes.LANE_ONE + 9)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardedRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two shards sharing a constant step and a ramp: uneven rates, so that dividing them would lose users. */
    private static final String PROFILES = """
            profiles.sharded {
              injection = [
                { type = constant, usersPerSec = 15.5, during = 5s }
                { type = ramp, from = 5, to = 21, during = 3s }
              ]
              slo = [ { name = "errors", metric = koPercent, threshold = 1 } ]
            }
            profiles.shardstress {
              stairs { from = 10, step = 10, hold = 6s, steps = 4, breachSustain = 2s, headroom = 0 }
              slo = [ { name = "p95", metric = p95Ms, threshold = 100 } ]
            }
            """;

    @TempDir
    Path work;

    /** Its start skew is in milliseconds: last, alone (lane one's last class, under lane two's lock). */
    @Test
    @Order(3)
    @ResourceLock(ItLanes.LANE_TWO_LOCK)
    void twoShardsInjectTheSingleInjectorsPlanExactlyAndStartTogether() throws Exception {
        try (TestServer server = TestServer.start(2, null)) {
            GatlingProcess.Result result = GatlingProcess.run(ShardProbeSimulation.class.getName(),
                    work.resolve("gatling"), properties("sharded", server), 150);

            Path run = onlyRun();
            List<JsonNode> shards = shardSummaries(run);
            long expected = GatlingSchedule.users(ProfileInjection.measured(profile("sharded"), 0, 1));
            assertThat(shards).as(result.output()).hasSize(2);
            assertThat(shards.stream().mapToLong(shard -> shard.path("global").path("count").asLong()).sum())
                    .as("users both shards sent (one request each)").isEqualTo(expected);
            assertThat(server.served().path("served").asLong()).isEqualTo(expected);
            shards.forEach(shard -> System.out.println("shard: " + shard.path("shard")));
            for (JsonNode shard : shards) {
                JsonNode info = shard.path("shard");
                assertThat(info.path("count").asInt()).isEqualTo(2);
                assertThat(info.path("exitReason").asText()).isEqualTo("completed");
                assertThat(Math.abs(info.path("startSkewMs").asLong())).as("start skew of %s", info).isLessThan(50);
            }
            assertThat(result.output()).contains("[shard 0] ").contains("[shard 1] ");
            assertMergedCount(result, run, server.served().path("served").asLong());
        }
    }

    @Test
    @Order(1)
    void aShardThatSeesASustainedBreachStopsItsSiblingsWhichFlushAndEnd() throws Exception {
        try (TestServer server = TestServer.start(2, null)) {
            GatlingProcess.Running launcher = GatlingProcess.start(ShardProbeSimulation.class.getName(),
                    work.resolve("gatling"), properties("shardstress", server));
            awaitServed(server, 30, launcher);
            List<ProcessHandle> children = launcher.process().descendants().toList();
            server.slowDownShard(1, 300);
            GatlingProcess.Result result = launcher.await(150);

            Path run = onlyRun();
            JsonNode breached = summary(run, 1).path("shard");
            JsonNode sibling = summary(run, 0);
            assertThat(breached.path("exitCode").asInt()).as(result.output()).isEqualTo(ShardContract.EXIT_STOP_SIBLINGS);
            assertThat(breached.path("exitReason").asText()).isEqualTo("stop-siblings");
            assertThat(sibling.path("shard").path("exitReason").asText()).as(result.output()).isEqualTo("terminated");
            assertThat(result.output()).contains("stopping its siblings");
            // the terminated shard's interval log holds every response its summary counts
            JsonNode global = sibling.path("global");
            assertThat(responsesInIntervalLog(run.resolve(ShardContract.SHARD_FOLDER_PREFIX + "0")))
                    .isEqualTo(global.path("count").asLong() - global.path("withoutResponse").asLong())
                    .isPositive();
            assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    @Order(2)
    void anIndexNotBelowTheShardCountEndsTheRunWithExit3BeforeAnyLoad() throws Exception {
        try (TestServer server = TestServer.start(2, null)) {
            Map<String, String> properties = properties("sharded", server);
            properties.remove("shards");
            GatlingProcess.Result result = GatlingProcess.start(List.of("env", ShardContract.ENV_COUNT + "=2",
                    ShardContract.ENV_INDEX + "=2"), ShardProbeSimulation.class.getName(), work.resolve("gatling"),
                    properties).await(120);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(RunExit.EXIT_NOT_RUN);
            assertThat(result.output()).containsOnlyOnce(ShardContract.ENV_INDEX + " must be a whole number from 0 to 1");
            assertThat(server.served().path("served").asLong()).isZero();
        }
    }

    private Map<String, String> properties(String profile, TestServer server) throws IOException {
        Path teamConf = work.resolve("shards.conf");
        Files.writeString(teamConf, PROFILES);
        return new HashMap<>(Map.of("salerush.conf", teamConf.toString(), "profile", profile, "shards", "2",
                "shardStartDelay", "15s", "target.baseUrl", server.baseUrl(), "metrics.enabled", "false",
                "results.dir", work.resolve("results").toString(),
                // the measured steps start at the common start: its skew is the shards' own, not a warm-up's drift
                "warmup.during", "0s"));
    }

    private dev.salerush.sim.config.Profile profile(String name) {
        Properties overrides = new Properties();
        overrides.setProperty("salerush.conf", work.resolve("shards.conf").toString());
        overrides.setProperty("profile", name);
        overrides.setProperty("warmup.during", "0s");
        SuiteConfig config = ConfigLoader.load(GatlingProcess.PROJECT_ROOT, overrides);
        return config.profile();
    }

    private static void awaitServed(TestServer server, long count, GatlingProcess.Running launcher) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (server.served().path("served").asLong() < count) {
            if (!launcher.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the shards did not start sending:\n" + launcher.outputSoFar());
            }
            Thread.sleep(200);
        }
    }

    private Path onlyRun() throws IOException {
        return RunChecks.onlyRunFolder(work);
    }

    private static List<JsonNode> shardSummaries(Path run) throws IOException {
        try (Stream<Path> shards = Files.list(run)) {
            return shards.filter(dir -> dir.getFileName().toString().startsWith(ShardContract.SHARD_FOLDER_PREFIX))
                    .sorted().map(dir -> read(dir.resolve(RunFiles.SUMMARY))).toList();
        }
    }

    private static JsonNode summary(Path run, int shard) {
        return read(run.resolve(ShardContract.SHARD_FOLDER_PREFIX + shard).resolve(RunFiles.SUMMARY));
    }

    private static JsonNode read(Path summary) {
        try {
            return JSON.readTree(summary.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + summary, e);
        }
    }

    private static long responsesInIntervalLog(Path shardDir) throws IOException {
        Histogram all = new Histogram(3);
        HistogramLogReader reader = new HistogramLogReader(shardDir.resolve(RunFiles.LATENCY_LOG).toFile());
        for (Histogram h = (Histogram) reader.nextIntervalHistogram(); h != null;
             h = (Histogram) reader.nextIntervalHistogram()) {
            if (h.getTag() == null) {
                all.add(h);
            }
        }
        return all.getTotalCount();
    }

    /** The launcher merged the shards into the run folder: one summary counting every response the stand-in served. */
    private static void assertMergedCount(GatlingProcess.Result result, Path run, long served) {
        assertThat(read(run.resolve(RunFiles.SUMMARY)).path("global").path("count").asLong()).isEqualTo(served);
        assertThat(result.exitCode()).isZero();
    }
}
