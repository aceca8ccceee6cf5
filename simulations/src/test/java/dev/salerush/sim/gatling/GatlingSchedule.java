package dev.salerush.sim.gatling;

import io.gatling.core.controller.inject.open.ConstantRateOpenInjection;
import io.gatling.core.controller.inject.open.NothingForOpenInjection;
import io.gatling.core.controller.inject.open.RampOpenInjection;
import io.gatling.core.controller.inject.open.RampRateOpenInjection;
import io.gatling.javaapi.core.OpenInjectionStep;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;

import java.util.ArrayList;
import java.util.List;

/** What Gatling itself schedules for injection steps: every user's start offset, from its own injection iterator. */
public final class GatlingSchedule {
    private GatlingSchedule() {
    }

    /** Every user's start offset (ms) as Gatling runs the steps one after the other. */
    public static List<Long> offsets(OpenInjectionStep... steps) {
        List<Long> offsets = new ArrayList<>();
        long start = 0;
        for (OpenInjectionStep step : steps) {
            Iterator<FiniteDuration> users = step.asScala().chain(Iterator.empty());
            while (users.hasNext()) {
                offsets.add(start + users.next().toMillis());
            }
            start += durationMillis(step);
        }
        return offsets;
    }

    /** How many users Gatling injects for the steps. */
    public static long users(OpenInjectionStep... steps) {
        return offsets(steps).size();
    }

    private static long durationMillis(OpenInjectionStep step) {
        var scheduled = step.asScala();
        if (scheduled instanceof NothingForOpenInjection nothing) {
            return nothing.duration().toMillis();
        }
        if (scheduled instanceof RampOpenInjection ramp) {
            return ramp.duration().toMillis();
        }
        if (scheduled instanceof ConstantRateOpenInjection constant) {
            return constant.duration().toMillis();
        }
        if (scheduled instanceof RampRateOpenInjection rampRate) {
            return rampRate.duration().toMillis();
        }
        throw new IllegalArgumentException("no duration known for " + scheduled);
    }
}
