package dev.salerush.env.process;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread running a poll at a fixed delay until closed: what each watch of the environment needs (the
 * load-balancer and breaker watches, the alerting stack).
 */
public final class Poller implements AutoCloseable {
    private final ScheduledExecutorService thread;

    private Poller(String name, Runnable poll, long periodMs) {
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(poll, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    public static Poller every(long periodMs, String name, Runnable poll) {
        return new Poller(name, poll, periodMs);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
