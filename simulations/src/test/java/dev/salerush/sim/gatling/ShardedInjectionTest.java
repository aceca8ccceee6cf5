package dev.salerush.sim.gatling;

import dev.salerush.sim.shard.ShardSplit;
import io.gatling.javaapi.core.OpenInjectionStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shards' union against what Gatling itself schedules for the single injector: every user's start offset is
 * taken from Gatling's own injection iterator, for the single plan and for every shard's plan.
 */
class ShardedInjectionTest {
    private static final double[] RATES = {0.3, 1, 2.5, 7.77, 33.3, 100.4};
    private static final long[] MILLIS = {1000, 1500, 2999, 10_000, 12_345};
    /** Shard counts: every small one, primes and powers of two up to 64 (every count to 64 took 16 s, no more found). */
    private static final int[] SHARD_COUNTS = {1, 2, 3, 4, 5, 6, 7, 8, 11, 13, 16, 31, 32, 47, 64};

    @Test
    void theShardsTogetherInjectExactlyWhatOneInjectorDoesForEveryStep() {
        for (double rate : RATES) {
            for (long millis : MILLIS) {
                Duration during = Duration.ofMillis(millis);
                for (OpenInjectionStep step : List.of(constantUsersPerSec(rate).during(during),
                        rampUsersPerSec(rate).to(rate * 3 + 1).during(during),
                        rampUsersPerSec(rate * 2).to(0).during(during))) {
                    long single = offsets(new OpenInjectionStep[] {step}).size();
                    for (int count : SHARD_COUNTS) {
                        long union = 0;
                        for (int index = 0; index < count; index++) {
                            union += offsets(ShardedInjection.share(new OpenInjectionStep[] {step}, index, count)).size();
                        }
                        assertThat(union).as("%s over %d shards", step.asScala(), count).isEqualTo(single);
                    }
                }
            }
        }
    }

    @Test
    void aWholePlanKeepsItsPausesAndEveryStepsTotal() {
        OpenInjectionStep[] plan = {nothingFor(Duration.ofSeconds(3)), constantUsersPerSec(7.77).during(Duration.ofSeconds(10)),
                rampUsersPerSec(7.77).to(20).during(Duration.ofSeconds(5)), constantUsersPerSec(20).during(Duration.ofSeconds(4))};
        long single = offsets(plan).size();
        for (int count = 2; count <= 8; count++) {
            long union = 0;
            for (int index = 0; index < count; index++) {
                List<Long> shard = offsets(ShardedInjection.share(plan, index, count));
                union += shard.size();
                assertThat(shard.get(0)).as("shard %d of %d waits through the pause", index, count)
                        .isGreaterThanOrEqualTo(3000L);
            }
            assertThat(union).isEqualTo(single);
        }
    }

    @Test
    void shardIFirstUserComesItsStaggerAfterShardZeros() {
        OpenInjectionStep[] plan = {constantUsersPerSec(10).during(Duration.ofSeconds(10))};
        for (int count = 2; count <= 5; count++) {
            for (int index = 0; index < count; index++) {
                Duration stagger = ShardedInjection.stagger(plan, index);
                assertThat(stagger).isEqualTo(ShardSplit.stagger(index, 10));
                assertThat(offsets(ShardedInjection.share(plan, index, count)).get(0)).isEqualTo(stagger.toMillis());
            }
        }
    }

    @Test
    void aSingleShardInjectsThePlanUnchanged() {
        OpenInjectionStep[] plan = {constantUsersPerSec(3).during(Duration.ofSeconds(2))};
        assertThat(ShardedInjection.share(plan, 0, 1)).isSameAs(plan);
    }

    private static List<Long> offsets(OpenInjectionStep[] steps) {
        return GatlingSchedule.offsets(steps);
    }
}
