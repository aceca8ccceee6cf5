package dev.salerush.env.ops;

import java.time.Duration;

/**
 * One operation of a schedule: what to do, with its argument (empty when none), at an offset from the start of the
 * load.
 */
public record ScheduledOperation(Duration at, Operation operation, String argument) {

    @Override
    public String toString() {
        return at.toMillis() / 1000.0 + "s " + operation.configName() + (argument.isEmpty() ? "" : " " + argument);
    }
}
