package dev.salerush.sim.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run once a second on a daemon thread of its own, until closed; a failing run is logged and the next one
 * still comes. Closing waits (up to 5 s) for a run in progress, so what follows sees its effect, and for the thread
 * to end, so nothing is left behind.
 */
final class EverySecond implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EverySecond.class);

    private final ScheduledExecutorService timer;
    private volatile Thread thread;

    private EverySecond(String threadName, Runnable task) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", threadName, e.toString());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    static EverySecond start(String threadName, Runnable task) {
        return new EverySecond(threadName, task);
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            // terminated means the last task ended, not that its thread is gone yet
            Thread worker = thread;
            if (worker != null) {
                worker.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
