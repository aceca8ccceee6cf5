package dev.salerush.sim.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.ResourceLock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The suite's exact figures against a target whose answer takes a known time: every /fixed response is delayed
 * {@value #DELAY_MS} ms by the server. The suite's p50 and p95 must be within 2 ms of the true values — the
 * service times the server measured itself, at Gatling's millisecond resolution — and the suite must count exactly
 * the requests the server answered.
 * The first seconds are an unmeasured warm-up step at a higher rate, so the injector's own JIT compilation is not in
 * the figures.
 */
@Order(ItLanes.ALONE + 2)
@ResourceLock(ItLanes.LANE_TWO_LOCK)
class AccuracyIT {
    static final int DELAY_MS = 20;

    @TempDir
    Path work;

    @Test
    void percentilesMatchTheKnownServiceTimeAndCountsMatchTheServer() throws Exception {
        try (TestServer server = TestServer.start(DELAY_MS, null)) {
            Path teamConf = work.resolve("accuracy.conf");
            Files.writeString(teamConf, """
                    profiles.accuracy {
                      injection = [
                        { type = constant, usersPerSec = 200, during = 6s, measured = false }
                        { type = constant, usersPerSec = 25, during = 12s }
                      ]
                      slo = [ { name = "no errors", metric = koPercent, threshold = 0 } ]
                    }
                    """);
            GatlingProcess.Result result = GatlingProcess.run(FixedDelayProbeSimulation.class.getName(),
                    work.resolve("gatling"), Map.of(
                            "salerush.conf", teamConf.toString(),
                            "profile", "accuracy",
                            "target.baseUrl", server.baseUrl(),
                            "results.dir", work.resolve("results").toString()), 180);
            assertThat(result.exitCode()).as(result.output()).isZero();

            JsonNode fixed = TestServer.onlySummary(work.resolve("results")).path("requests").path("fixed");
            JsonNode truth = server.served();
            // the suite counted exactly the measured requests the server answered, apart from the 1,200 of the warm-up
            assertThat(truth.path("warmupServed").asLong()).isEqualTo(1_200);
            assertThat(fixed.path("count").asLong()).isEqualTo(truth.path("served").asLong()).isEqualTo(300);
            assertThat(fixed.path("ko").asLong()).isZero();
            assertThat(fixed.path("withoutResponse").asLong()).isZero();
            double trueP50 = truth.path("p50Micros").asLong() / 1000.0;
            double trueP95 = truth.path("p95Micros").asLong() / 1000.0;
            System.out.printf("accuracy: suite p50 %d ms / p95 %d ms, server's own p50 %.3f ms / p95 %.3f ms%n",
                    fixed.path("p50Ms").asLong(), fixed.path("p95Ms").asLong(), trueP50, trueP95);
            assertThat(trueP50).as("the reference itself").isCloseTo(DELAY_MS, within(1.0));
            // Gatling stamps requests in whole milliseconds, so the reference is compared at that resolution
            assertThat(fixed.path("p50Ms").asDouble()).isCloseTo(Math.round(trueP50), within(2.0));
            assertThat(fixed.path("p95Ms").asDouble()).isCloseTo(Math.round(trueP95), within(2.0));
        }
    }
}
