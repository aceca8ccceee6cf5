package dev.salerush.env.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling until a condition holds: ports free, processes gone. */
public final class Await {

    private Await() {
    }

    /**
     * Checks {@code condition} every {@code pollMs} until it holds or {@code timeout} has passed; returns whether it
     * held. An interrupt ends the wait (false) and keeps the thread's interrupt flag.
     */
    public static boolean until(BooleanSupplier condition, Duration timeout, long pollMs) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
