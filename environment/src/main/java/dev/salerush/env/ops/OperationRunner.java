package dev.salerush.env.ops;

import dev.salerush.env.events.EventKinds;
import dev.salerush.env.events.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Performs a schedule of operations while the load runs, each on time on a thread of its own (a rolling deploy takes
 * a while; the crash planned during it still happens on time), writing each one's start and end — or failure — to the
 * event log. A failed operation does not stop the run: the run's figures show what it caused.
 */
public final class OperationRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);
    private static final Duration FINISH_WAIT = Duration.ofSeconds(90);

    /** What became of one scheduled operation; {@code failure} is null when it ended as intended. */
    public record Outcome(ScheduledOperation scheduled, Instant startedAt, Instant endedAt, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private final ScheduledThreadPoolExecutor threads;
    private final List<Outcome> outcomes = new ArrayList<>();

    private OperationRunner(int threads) {
        this.threads = new ScheduledThreadPoolExecutor(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "salerush-operation");
            thread.setDaemon(true);
            return thread;
        });
        // at close, what has not started yet never starts
        this.threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Schedules every operation at its offset from now. */
    public static OperationRunner start(List<ScheduledOperation> schedule, Operations operations, EventLog events) {
        OperationRunner runner = new OperationRunner(schedule.size());
        for (ScheduledOperation scheduled : schedule) {
            runner.threads.schedule(() -> runner.perform(scheduled, operations, events),
                    scheduled.at().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!schedule.isEmpty()) {
            log.info("operations scheduled: {}", schedule);
        }
        return runner;
    }

    private void perform(ScheduledOperation scheduled, Operations operations, EventLog events) {
        Recorded recorded = record(scheduled.operation().configName(), scheduled.argument(),
                () -> operations.perform(scheduled.operation(), scheduled.argument()), events);
        synchronized (outcomes) {
            outcomes.add(new Outcome(scheduled, recorded.startedAt(), recorded.endedAt(), recorded.failure()));
        }
    }

    /** When a recorded operation started and ended; {@code failure} is null when it ended as intended. */
    public record Recorded(Instant startedAt, Instant endedAt, String failure) {
    }

    /**
     * Performs one operation named {@code name} (a configuration name such as {@code kill-instance}) and records its
     * start and its end — or why it failed — in the event log, the way every operation is recorded.
     */
    public static Recorded record(String name, String argument, Runnable action, EventLog events) {
        Instant started = events.record(EventKinds.OPERATION_STARTED, name, argument).at();
        String failure = null;
        try {
            action.run();
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        Instant ended = failure == null
                ? events.record(EventKinds.OPERATION_ENDED, name, argument).at()
                : events.record(EventKinds.OPERATION_FAILED, name, failure).at();
        return new Recorded(started, ended, failure);
    }

    /** The operations performed so far, in the order they ended. */
    public List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /**
     * Cancels what has not started and waits (bounded) for what is running: an operation cut half-way would leave
     * the environment in a state nobody recorded.
     */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(FINISH_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("an operation still runs after {} s; it is interrupted", FINISH_WAIT.toSeconds());
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
