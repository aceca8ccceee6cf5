package dev.salerush.shop.admission;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code maxConcurrent} callers in progress and at most {@code maxQueued} waiting for a slot, each for at most
 * a given time; everyone else is refused at once. No HTTP here: {@link AdmissionGuard} puts it in front of the routes.
 *
 * <p>A caller that finds a free slot takes it even when others are waiting (waiters are woken one per freed slot and
 * re-check); under overload what matters is the bound, not the order.
 */
public final class AdmissionLimiter {

    /** The outcome of {@link #acquire}; only {@link #ADMITTED} must be followed by {@link #release}. */
    public enum Decision {
        ADMITTED,
        /** every slot busy and every queue place taken: refused without waiting */
        QUEUE_FULL,
        /** waited the whole allowed time without a slot freeing up */
        TIMED_OUT
    }

    private final int maxConcurrent;
    private final int maxQueued;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFreed = lock.newCondition();
    // Written under the lock; volatile so that gauges read them without it.
    private volatile int inFlight;
    private volatile int queued;

    public AdmissionLimiter(int maxConcurrent, int maxQueued) {
        if (maxConcurrent < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1 and maxQueued >= 0");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
    }

    /**
     * Takes a slot, waiting at most {@code maxWait} for one when all are busy and a queue place is free.
     *
     * @throws InterruptedException if interrupted while waiting (no slot is held then)
     */
    public Decision acquire(Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            if (inFlight < maxConcurrent) {
                inFlight++;
                return Decision.ADMITTED;
            }
            if (queued >= maxQueued) {
                return Decision.QUEUE_FULL;
            }
            queued++;
            try {
                long nanos = maxWait.toNanos();
                while (inFlight >= maxConcurrent) {
                    if (nanos <= 0) {
                        return Decision.TIMED_OUT;
                    }
                    nanos = slotFreed.awaitNanos(nanos);
                }
                inFlight++;
                return Decision.ADMITTED;
            } finally {
                queued--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the slot of an {@link Decision#ADMITTED} caller. */
    public void release() {
        lock.lock();
        try {
            if (inFlight <= 0) {
                throw new IllegalStateException("release without an admitted acquire");
            }
            inFlight--;
            slotFreed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Callers in progress now. */
    public int inFlight() {
        return inFlight;
    }

    /** Callers waiting for a slot now. */
    public int queued() {
        return queued;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public int maxQueued() {
        return maxQueued;
    }

    @Override
    public String toString() {
        return "AdmissionLimiter[inFlight=" + inFlight + "/" + maxConcurrent + ", queued=" + queued + "/" + maxQueued
                + "]";
    }
}
