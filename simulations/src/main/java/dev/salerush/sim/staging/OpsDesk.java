package dev.salerush.sim.staging;

import dev.salerush.env.events.EventLog;
import dev.salerush.env.ops.Operation;
import dev.salerush.env.ops.OperationFailedException;
import dev.salerush.env.ops.OperationRunner;
import dev.salerush.env.ops.OperationSchedule;
import dev.salerush.env.ops.Operations;
import dev.salerush.env.ops.ScheduledOperation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Takes one operation at a time in the built-in syntax ({@code restart-instance shop-2}, {@code rolling-deploy v2},
 * ...), performs it on the environment synchronously, as a team's deploy system would, and records it in the events
 * log as every operation is recorded ({@link OperationRunner#record}). Requests that arrive meanwhile wait their turn,
 * first come first served — except an operation that holds a fault for a while ({@code lock-hot-rows 60s}), which runs
 * beside the others, so the one that ends it ({@code release-locks}) gets through. The answer is an HTTP status and one line: 200 done, 400 not an operation, 409 the
 * environment refused it (e.g. {@code restart-instance} of a running instance), 500 it failed otherwise.
 */
final class OpsDesk {
    static final int DONE = 200;
    static final int BAD_SYNTAX = 400;
    static final int REFUSED = 409;
    static final int FAILED = 500;

    /** The HTTP status and the text of the answer (one line, except a failure's own message may hold more). */
    record Answer(int status, String text) {
    }

    private final Operations operations;
    private final EventLog events;
    private final Runnable afterEach;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);

    /** @param afterEach runs after every performed operation, done or failed (the info file is rewritten) */
    OpsDesk(Operations operations, EventLog events, Runnable afterEach) {
        this.operations = operations;
        this.events = events;
        this.afterEach = afterEach;
    }

    /** Parses {@code text} as one operation, performs it once the one before has ended, and answers. */
    Answer perform(String text) {
        ScheduledOperation op;
        try {
            op = parse(text);
        } catch (IllegalArgumentException e) {
            return new Answer(BAD_SYNTAX, e.getMessage());
        }
        if (op.operation().holds()) {
            // a fault that lasts (locks held for a while) is no deploy: the operation that ends it must get through
            return perform(op);
        }
        oneAtATime.lock();
        try {
            return perform(op);
        } finally {
            oneAtATime.unlock();
        }
    }

    private Answer perform(ScheduledOperation op) {
        String name = op.operation().configName();
        String what = (name + " " + op.argument()).trim();
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        OperationRunner.Recorded recorded = OperationRunner.record(name, op.argument(), () -> {
            try {
                operations.perform(op.operation(), op.argument());
            } catch (RuntimeException e) {
                thrown.set(e);
                throw e;
            }
        }, events);
        afterEach.run();
        String took = seconds(Duration.between(recorded.startedAt(), recorded.endedAt()));
        if (recorded.failure() == null) {
            return new Answer(DONE, "done: " + what + " (" + took + ")");
        }
        int status = thrown.get() instanceof OperationFailedException ? REFUSED : FAILED;
        return new Answer(status, "failed: " + what + " (" + took + "): " + recorded.failure());
    }

    /**
     * One operation, {@code <operation> [argument]}, parsed as an entry of an operation schedule at offset 0.
     *
     * @throws IllegalArgumentException one line naming what is wrong and what is allowed
     */
    static ScheduledOperation parse(String text) {
        String entry = text == null ? "" : text.strip();
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("no operation: send one as the request body, e.g. 'restart-instance "
                    + "shop-2'; allowed: " + allowed());
        }
        if (entry.contains(";") || entry.contains("\n") || entry.split("\\s+").length > 2) {
            throw new IllegalArgumentException("'" + oneLine(entry) + "' is not one '<operation> [argument]', e.g. "
                    + "'restart-instance shop-2' (one operation per request); allowed: " + allowed());
        }
        String scheduleEntry = "0s " + entry;
        try {
            List<ScheduledOperation> parsed = OperationSchedule.parse(scheduleEntry);
            return parsed.get(0);
        } catch (IllegalArgumentException e) {
            // it names the operations allowed, or what this one takes; and the entry with its offset, which a
            // request has not
            throw new IllegalArgumentException(e.getMessage().replace("'" + scheduleEntry + "'", "'" + entry + "'"), e);
        }
    }

    /** Every operation with the form of its argument, e.g. {@code rolling-deploy <label>[:<behaviour>], ...}. */
    static String allowed() {
        return Arrays.stream(Operation.values())
                .map(op -> op.argument() == Operation.Argument.NONE ? op.configName()
                        : op.configName() + " " + op.argument().form())
                .collect(Collectors.joining(" | "));
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
