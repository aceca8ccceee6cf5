package dev.salerush.sim.gatling;

import dev.salerush.sim.shard.ShardSplit;
import io.gatling.core.controller.inject.open.ConstantRateOpenInjection;
import io.gatling.core.controller.inject.open.NothingForOpenInjection;
import io.gatling.core.controller.inject.open.RampRateOpenInjection;
import io.gatling.javaapi.core.OpenInjectionStep;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

/**
 * One shard's part of an injection plan. Per step, the users the single injector would inject are counted from
 * Gatling's own schedule of that step (so the shards' union is what one injector really sends, rounding included),
 * split by {@link ShardSplit} and spread evenly: a constant step as one {@code rampUsers(share)} over the step, a ramp
 * second by second so that the union follows its slope. The shard starts {@code index / rate} late, once.
 */
final class ShardedInjection {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private ShardedInjection() {
    }

    /** Shard {@code index} of {@code count}'s share of {@code plan} (the plan itself for a single shard). */
    static OpenInjectionStep[] share(OpenInjectionStep[] plan, int index, int count) {
        if (count == 1) {
            return plan;
        }
        List<OpenInjectionStep> shard = new ArrayList<>();
        boolean staggered = false;
        for (OpenInjectionStep step : plan) {
            var scheduled = step.asScala();
            if (scheduled instanceof NothingForOpenInjection) {
                shard.add(step);
                continue;
            }
            Duration during = during(scheduled);
            long[] perSecond = usersPerSecond(scheduled, during);
            long total = java.util.Arrays.stream(perSecond).sum();
            if (!staggered && total > 0) {
                Duration stagger = ShardSplit.stagger(index, total / seconds(during));
                if (!stagger.isZero()) {
                    shard.add(nothingFor(stagger));
                }
                staggered = true;
            }
            if (scheduled instanceof ConstantRateOpenInjection) {
                shard.add(spread(ShardSplit.share(total, index, count), during));
            } else {
                for (int second = 0; second < perSecond.length; second++) {
                    Duration slice = during.minusSeconds(second).compareTo(SECOND) < 0 ? during.minusSeconds(second)
                            : SECOND;
                    shard.add(spread(ShardSplit.share(perSecond[second], index, count), slice));
                }
            }
        }
        return shard.toArray(OpenInjectionStep[]::new);
    }

    /**
     * How late shard {@code index} starts its first user in {@code plan}: its stagger at the rate of the plan's first
     * step that injects anyone (after the plan's leading pauses, which every shard shares).
     */
    static Duration stagger(OpenInjectionStep[] plan, int index) {
        for (OpenInjectionStep step : plan) {
            var scheduled = step.asScala();
            if (!(scheduled instanceof NothingForOpenInjection)) {
                Duration during = during(scheduled);
                long total = java.util.Arrays.stream(usersPerSecond(scheduled, during)).sum();
                if (total > 0) {
                    return ShardSplit.stagger(index, total / seconds(during));
                }
            }
        }
        return Duration.ZERO;
    }

    /** The users Gatling injects in each second of a step (the last second may be partial). */
    static long[] usersPerSecond(io.gatling.core.controller.inject.open.OpenInjectionStep step, Duration during) {
        long[] perSecond = new long[(int) Math.max(1, (during.toMillis() + 999) / 1000)];
        Iterator<FiniteDuration> offsets = step.chain(Iterator.empty());
        while (offsets.hasNext()) {
            long second = offsets.next().toMillis() / 1000;
            perSecond[(int) Math.min(second, perSecond.length - 1L)]++;
        }
        return perSecond;
    }

    private static OpenInjectionStep spread(long users, Duration during) {
        return users == 0 ? nothingFor(during) : rampUsers(Math.toIntExact(users)).during(during);
    }

    private static Duration during(io.gatling.core.controller.inject.open.OpenInjectionStep step) {
        FiniteDuration during;
        if (step instanceof ConstantRateOpenInjection constant) {
            during = constant.duration();
        } else if (step instanceof RampRateOpenInjection ramp) {
            during = ramp.duration();
        } else {
            throw new IllegalArgumentException("a sharded run splits constant and ramp rates only, not " + step);
        }
        return Duration.ofNanos(during.toNanos());
    }

    private static double seconds(Duration during) {
        return Math.max(during.toNanos() / 1e9, 1e-9);
    }
}
